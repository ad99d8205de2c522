package org.mpm.transaction.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mpm.common.NotFoundException;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.Json;
import org.mpm.transaction.PaymentStatusService;
import org.mpm.transaction.PaymentStatusService.PaymentStatus;

/**
 * The agent app's payments (MPM's TransactionController@store and AgentTransactionsController). One instance for
 * all requests (the agent is the request's, through {@link CurrentAgent}): a payment request builds no beans.
 */
@Path("app/agents/transactions")
@Produces(MediaType.APPLICATION_JSON)
@AgentAuth
@ApplicationScoped
public class AgentTransactionsResource {

  @Inject AgentPayments payments;
  @Inject PaymentStatusService statuses;
  @Inject CurrentAgent current;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "An energy purchase the agent took in cash: {device_serial, amount}; optional headers"
      + " device-id and Idempotency-Key (a retry with the same key is answered with the same transaction)."
      + " 200 {data:{id}}; the token follows (poll GET …/{id}/status)")
  public Response store(String body, @HeaderParam("device-id") String deviceId,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return payments.purchase(body, deviceId, idempotencyKey);
  }

  @GET
  @Path("{transactionId: [0-9]+}/token")
  @Operation(summary = "The token of one of the agent's transactions: {data:{transaction_id, token|null}}")
  public Map<String, Object> token(@PathParam("transactionId") long id) {
    PaymentStatus s = own(id);
    return Json.data(Json.obj("transaction_id", id,
        "token", s.token() == null ? null : DeviceJson.token(s.token())));
  }

  @GET
  @Path("{transactionId: [0-9]+}/status")
  @Operation(summary = "Where one of the agent's payments stands: pending, completed or failed, with its"
      + " allocations, token, conflicts and vend attempts")
  public Map<String, Object> status(@PathParam("transactionId") long id) {
    return Json.data(PaymentJson.status(own(id)));
  }

  private PaymentStatus own(long id) {
    PaymentStatus s;
    try {
      s = statuses.status(id);
    } catch (NotFoundException | jakarta.ejb.EJBException e) {
      throw new NotFoundException("Transaction not found.");
    }
    if (s.agentId() == null || s.agentId() != current.agent().id()) {
      throw new NotFoundException("Transaction not found.");
    }
    return s;
  }
}
