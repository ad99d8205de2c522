package org.mpm.plugins.paystack.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.plugins.paystack.PaystackClient.Charge;
import org.mpm.plugins.paystack.PaystackException;
import org.mpm.plugins.paystack.PaystackPayments;
import org.mpm.plugins.paystack.PaystackTransactions;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.Public;

/**
 * Paystack payments (MPM's PaystackController): initialise a payment for a customer's device, verify it with
 * Paystack, the company's Paystack transactions, and Paystack's webhook, whose company is the one in its path and
 * whose signature is checked before anything else. 403 while the company has not enabled the plugin.
 */
@Path("paystack")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class PaystackResource {

  static final List<String> CURRENCIES = List.of("NGN", "GHS", "KES", "ZAR", "USD");

  @Inject PaystackPayments payments;
  @Inject PaystackTransactions transactions;

  @POST
  @Path("transaction/initialize")
  @Operation(summary = "Start a Paystack payment for a customer's device; body {amount, device_serial, customer_id,"
      + " currency?: NGN|GHS|KES|ZAR|USD (NGN)} → {data:{redirectionUrl, reference, error}}; 400 {error} when"
      + " Paystack refuses, 502 when it cannot be reached")
  public Map<String, Object> initialize(String body) {
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true, new BigDecimal("0.01"), new BigDecimal("99999999"));
    String serial = b.string("device_serial", true, 1, 191);
    Long customer = b.integer("customer_id", true, 1, Long.MAX_VALUE);
    String currency = b.in("currency", false, CURRENCIES);
    b.validate();
    PaystackPayments.Started s = payments.initialize(customer, serial, amount, currency == null ? "NGN" : currency,
        false);
    return Json.data(Json.obj("redirectionUrl", s.redirectUrl(), "reference", s.reference(), "error", null));
  }

  @GET
  @Path("transaction/verify/{reference}")
  @Operation(summary = "Ask Paystack where a payment stands, crediting it once when it succeeded: {status, amount"
      + " (subunits), currency, gateway_response, error}")
  public Map<String, Object> verify(@PathParam("reference") String reference) {
    Charge c = payments.verify(reference);
    return Json.obj("status", c.status(), "amount", c.subunits() == null ? 0 : c.subunits().longValue(),
        "currency", c.currency(), "gateway_response", c.gatewayResponse(), "error", null);
  }

  @GET
  @Path("transactions")
  @Operation(summary = "The company's Paystack transactions, newest first (raw paginator; per_page, page)")
  public Map<String, Object> list(@Context UriInfo uri) {
    JsonBody q = JsonBody.query(uri);
    Page<Map<String, Object>> p = transactions.page(q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(PaystackResource::json).toList(), uri);
  }

  @GET
  @Path("transactions/{id}")
  @Operation(summary = "One Paystack transaction: {data:{…}}; 404 {error}")
  public Map<String, Object> show(@PathParam("id") String id) {
    return Json.data(json(transactions.byId(id(id)).orElseThrow(PaystackException::notFound)));
  }

  @PUT
  @Path("transactions/{id}")
  @Operation(summary = "Mark a Paystack transaction that Paystack has not confirmed abandoned (status 3) or pending"
      + " (0); body {amount? (the row's), currency? (the row's), status?: 0|1|2|3} → {data:{…}}; 1 and 2 (paid) are"
      + " refused (422), a confirmed row is 409 {error}, 404 {error}")
  public Map<String, Object> update(@PathParam("id") String id, String body) {
    long n = id(id);
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", false, BigDecimal.ZERO, new BigDecimal("99999999"));
    String currency = b.in("currency", false, CURRENCIES);
    Long status = b.integer("status", false, 0, 3);
    b.validate();
    return Json.data(json(transactions.update(n, amount, currency, status == null ? null : status.intValue())
        .orElseThrow(PaystackException::notFound)));
  }

  @DELETE
  @Path("transactions/{id}")
  @Operation(summary = "Delete a Paystack transaction that Paystack has not confirmed → {message}; a confirmed one is"
      + " 409 {error}, 404 {error}")
  public Map<String, Object> delete(@PathParam("id") String id) {
    if (!transactions.delete(id(id))) {
      throw PaystackException.notFound();
    }
    return Json.message("Transaction deleted successfully");
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw PaystackException.notFound();
    }
  }

  @POST
  @Path("webhook/{companyId}")
  @Public
  @Operation(summary = "Paystack's webhook for the company {companyId}: header x-paystack-signature = hex"
      + " HMAC-SHA512 of the raw body with the company's secret key; {event: charge.success|charge.failed, data:"
      + " {reference, amount, currency, id}} → {status: success|ignored}; 401 {error} on a bad signature")
  public Map<String, Object> webhook(@PathParam("companyId") String companyId,
      @HeaderParam("x-paystack-signature") String signature, byte[] body) {
    boolean processed = payments.webhook(companyId, body == null ? new byte[0] : body, signature);
    return Json.obj("status", processed ? "success" : "ignored");
  }

  static Map<String, Object> json(Map<String, Object> row) {
    Map<String, Object> out = Json.obj();
    row.forEach((k, v) -> {
      if (v instanceof LocalDateTime t) {
        out.put(k, Json.ts(t));
      } else if ("metadata".equals(k)) {
        out.put(k, v == null ? null : Json.parsed(v.toString()));
      } else if ("amount".equals(k) && v != null) {
        out.put(k, new BigDecimal(v.toString()).doubleValue());
      } else {
        out.put(k, v);
      }
    });
    return out;
  }
}
