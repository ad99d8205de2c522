package org.mpm.plugins.safaricom.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.safaricom.SafaricomPayments;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;

/**
 * Daraja's calls (MPM's SafaricomWebhookController). The STK push result is public, its company taken from the
 * path; Daraja signs nothing, so a result counts only for a push the company started (its CheckoutRequestID) and
 * for the amount pushed. The C2B validation and confirmation are answered as MPM answers them.
 */
@Path("safaricom/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class SafaricomWebhookResource {

  private static final Logger LOG = Logger.getLogger(SafaricomWebhookResource.class.getName());

  @Inject SafaricomPayments payments;

  @POST
  @Path("stk-push-result/{companyId}")
  @Public
  @Operation(summary = "Daraja's STK push result for the company {companyId}: {ResultCode:0, ResultDesc:Accepted}")
  public Map<String, Object> stkPushResult(@PathParam("companyId") String companyId, String body) {
    JsonObject callback = JsonBody.parseValue(body) instanceof JsonObject o ? o : JsonObject.EMPTY_JSON_OBJECT;
    payments.result(companyId, callback);
    return ack("Accepted");
  }

  @POST
  @Path("validation")
  @Operation(summary = "C2B validation: {ResultCode:0, ResultDesc:Success}")
  public Map<String, Object> validation(String body) {
    return ack("Success");
  }

  @POST
  @Path("confirmation")
  @Operation(summary = "C2B confirmation (logged only): {ResultCode:0, ResultDesc:Accepted}")
  public Map<String, Object> confirmation(String body) {
    LOG.info("M-Pesa C2B confirmation received");
    return ack("Accepted");
  }

  static Map<String, Object> ack(String desc) {
    return Json.obj("ResultCode", 0, "ResultDesc", desc);
  }
}
