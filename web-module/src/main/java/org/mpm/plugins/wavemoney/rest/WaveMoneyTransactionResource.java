package org.mpm.plugins.wavemoney.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.wavemoney.WaveMoneyClient;
import org.mpm.plugins.wavemoney.WaveMoneyPayments;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;

/** Wave Money's public routes: a customer starts a payment, Wave Money calls back; the company is the path's. */
@Path("wave-money/wave-money-transaction")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Public
@Tag(name = "Plugins")
public class WaveMoneyTransactionResource {

  /** The longest value of a callback field read. */
  static final int MAX_FIELD = 2000;

  @Inject WaveMoneyPayments payments;

  @POST
  @Path("start/{slug}")
  @Operation(summary = "Start a Wave Money payment of the company {slug}; body {meterSerial, amount};"
      + " {data:{redirectionUrl, error}}")
  public Map<String, Object> start(@PathParam("slug") String company, String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("meterSerial", true);
    BigDecimal amount = b.number("amount", true);
    b.validate();
    WaveMoneyClient.Answer a = payments.start(company, serial, amount);
    return Json.data(Json.obj("redirectionUrl", a.redirectionUrl(), "error", a.error()));
  }

  @POST
  @Path("callback/{slug}")
  @Operation(summary = "Wave Money's payment callback for the company {slug}, checked against its hashValue;"
      + " a confirmed payment is credited once; 200 without a body")
  public Response callback(@PathParam("slug") String company, String body) {
    JsonBody b = JsonBody.parse(body);
    payments.callback(company, new WaveMoneyPayments.Callback(f(b, "status"), f(b, "merchantId"), f(b, "orderId"),
        f(b, "merchantReferenceId"), f(b, "backendResultUrl"), f(b, "initiatorMsisdn"), f(b, "amount"),
        f(b, "currency"), f(b, "hashValue"), f(b, "transactionId"), f(b, "paymentRequestId"),
        f(b, "requestTime")));
    return Response.ok().build();
  }

  /** A field's value as sent, as text; null when absent or null. */
  private static String f(JsonBody b, String field) {
    return b.string(field, false, 0, MAX_FIELD);
  }
}
