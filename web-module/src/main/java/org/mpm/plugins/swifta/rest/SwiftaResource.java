package org.mpm.plugins.swifta.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.swifta.SwiftaCipher;
import org.mpm.plugins.swifta.SwiftaException;
import org.mpm.plugins.swifta.SwiftaPayments;
import org.mpm.plugins.swifta.SwiftaService;
import org.mpm.rest.ApiKeyAuth;
import org.mpm.rest.Bearer;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/**
 * Swifta's calls: the company's Swifta token as Bearer (the company is the token's), then the request's cipher, are
 * checked before anything else; answers in Swifta's shape ({@code success} 1 or 0).
 */
@Path("swifta")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@ApiKeyAuth
@Tag(name = "Plugins")
public class SwiftaResource {

  @Inject SwiftaService swifta;
  @Inject SwiftaPayments payments;
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @POST
  @Path("validation")
  @Operation(summary = "Swifta's validation {meter_number, amount, cipher, timestamp}: requests the payment;"
      + " {success:1, amount, cipher, timestamp, transaction_id, customer}")
  public Map<String, Object> validation(String body) {
    JsonBody b = authenticated(body);
    String serial = b.string("meter_number", true);
    BigDecimal amount = b.number("amount", true);
    b.string("cipher", true);
    b.string("timestamp", true);
    b.validate();
    SwiftaService.Validated v = swifta.request(serial, amount, b.string("cipher", true), b.string("timestamp", true));
    return Json.obj("success", 1, "amount", amount, "cipher", b.string("cipher", true),
        "timestamp", b.string("timestamp", true), "transaction_id", v.id(), "customer", v.customer());
  }

  @POST
  @Path("transaction")
  @Operation(summary = "Swifta's payment confirmation {transaction_id, transaction_reference, amount, cipher,"
      + " timestamp}: the payment is accepted once; 201 {success:1, amount, cipher, timestamp, transaction_id}")
  public Response transaction(String body) {
    JsonBody b = authenticated(body);
    Long id = b.integer("transaction_id", true);
    String reference = b.string("transaction_reference", true);
    String rawAmount = b.string("amount", true);
    b.validate();
    BigDecimal amount = number(rawAmount);
    payments.confirm(new SwiftaPayments.Confirmation(id, reference, amount, rawAmount,
        b.string("cipher", true), b.string("timestamp", true)));
    return Response.status(201).entity(Json.obj("success", 1, "amount", amount == null ? rawAmount : amount,
        "cipher", b.string("cipher", true), "timestamp", b.string("timestamp", true), "transaction_id", id)).build();
  }

  /** The Swifta token, then the cipher over the timestamp and amount as sent; then the body is read. */
  private JsonBody authenticated(String body) {
    swifta.requireToken(Bearer.of(headers, uri));
    JsonBody b = JsonBody.parse(body);
    if (!SwiftaCipher.valid(b.string("timestamp", false), b.string("amount", false), b.string("cipher", false))) {
      throw new SwiftaException(400, "cipher validation field.");
    }
    return JsonBody.parse(body);
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
