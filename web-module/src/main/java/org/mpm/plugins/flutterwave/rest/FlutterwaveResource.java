package org.mpm.plugins.flutterwave.rest;

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
import org.mpm.plugins.flutterwave.FlutterwaveClient.Charge;
import org.mpm.plugins.flutterwave.FlutterwaveException;
import org.mpm.plugins.flutterwave.FlutterwavePayments;
import org.mpm.plugins.flutterwave.FlutterwavePublic;
import org.mpm.plugins.flutterwave.FlutterwaveTransactions;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.Public;

/**
 * Flutterwave payments (MPM's FlutterwaveController): initialise a payment for a customer's device, verify a
 * Flutterwave transaction, the company's Flutterwave transactions, and Flutterwave's webhook, whose company is the
 * one in its path and whose {@code verif-hash} is checked before anything else. 403 while the company has not
 * enabled the plugin.
 */
@Path("flutterwave")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class FlutterwaveResource {

  @Inject FlutterwavePayments payments;
  @Inject FlutterwaveTransactions transactions;

  @POST
  @Path("transaction/initialize")
  @Operation(summary = "Start a Flutterwave payment for a customer's device; body {amount, device_serial, customer_id,"
      + " currency?: NGN|GHS|KES|ZAR|USD (NGN), device_type?: meter|solar_home_system} → {data:{redirectionUrl,"
      + " reference (the tx_ref), error}}; 400 {error} when Flutterwave refuses, 502 when it cannot be reached")
  public Map<String, Object> initialize(String body) {
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true, new BigDecimal("0.01"), new BigDecimal("99999999"));
    String serial = b.string("device_serial", true, 1, 191);
    Long customer = b.integer("customer_id", true, 1, Long.MAX_VALUE);
    String currency = b.in("currency", false, FlutterwavePublic.CURRENCIES);
    b.in("device_type", false, List.of("meter", "solar_home_system"));
    b.validate();
    FlutterwavePayments.Started s = payments.initialize(customer, serial, amount,
        currency == null ? FlutterwavePublic.DEFAULT_CURRENCY : currency, false);
    return Json.data(Json.obj("redirectionUrl", s.redirectUrl(), "reference", s.reference(), "error", null));
  }

  @GET
  @Path("transaction/verify/{transactionId}")
  @Operation(summary = "Ask Flutterwave about its transaction {transactionId}, crediting it once when it succeeded"
      + " for a tx_ref of the company: {status, tx_ref, amount, currency, error}; 400 {error} when Flutterwave does"
      + " not know it, 502 when it cannot be reached")
  public Map<String, Object> verify(@PathParam("transactionId") String transactionId) {
    Charge c = payments.verify(transactionId);
    return Json.obj("status", c.status() == null ? "" : c.status(), "tx_ref", c.txRef() == null ? "" : c.txRef(),
        "amount", c.amount() == null ? 0.0 : c.amount().doubleValue(), "currency",
        c.currency() == null ? "" : c.currency(), "error", null);
  }

  @GET
  @Path("transactions")
  @Operation(summary = "The company's Flutterwave transactions, newest first (raw paginator; per_page, page)")
  public Map<String, Object> list(@Context UriInfo uri) {
    JsonBody q = JsonBody.query(uri);
    Page<Map<String, Object>> p = transactions.page(q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(FlutterwaveResource::json).toList(), uri);
  }

  @GET
  @Path("transactions/{id}")
  @Operation(summary = "One Flutterwave transaction: {data:{…}}; 404 {error}")
  public Map<String, Object> show(@PathParam("id") String id) {
    return Json.data(json(transactions.byId(id(id)).orElseThrow(FlutterwaveException::notFound)));
  }

  @PUT
  @Path("transactions/{id}")
  @Operation(summary = "Mark a Flutterwave transaction that Flutterwave has not confirmed abandoned (status 3) or"
      + " pending (0); body {amount (the row's), currency?, status?: 0|1|2|3} → {data:{…}}; 1 and 2 (paid) are"
      + " refused (422), a confirmed row is 409 {error}, 404 {error}")
  public Map<String, Object> update(@PathParam("id") String id, String body) {
    long n = id(id);
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true, BigDecimal.ZERO, new BigDecimal("99999999"));
    String currency = b.in("currency", false, FlutterwavePublic.CURRENCIES);
    Long status = b.integer("status", false, 0, 3);
    b.validate();
    return Json.data(json(transactions.update(n, amount, currency, status == null ? null : status.intValue())
        .orElseThrow(FlutterwaveException::notFound)));
  }

  @DELETE
  @Path("transactions/{id}")
  @Operation(summary = "Delete a Flutterwave transaction that Flutterwave has not confirmed → {message}; a confirmed"
      + " one is 409 {error}, 404 {error}")
  public Map<String, Object> delete(@PathParam("id") String id) {
    if (!transactions.delete(id(id))) {
      throw FlutterwaveException.notFound();
    }
    return Json.message("Transaction deleted successfully");
  }

  @POST
  @Path("webhook/{companyId}")
  @Public
  @Operation(summary = "Flutterwave's webhook for the company {companyId}: header verif-hash = the secret hash set"
      + " on the company's Flutterwave dashboard; {event: charge.completed, data:{id, tx_ref, status, amount,"
      + " currency}} (or the older flat body) → {status: success|ignored}; a successful one is verified with"
      + " Flutterwave before it is credited; 401 {error} on a bad hash")
  public Map<String, Object> webhook(@PathParam("companyId") String companyId,
      @HeaderParam("verif-hash") String verifHash, byte[] body) {
    boolean processed = payments.webhook(companyId, body == null ? new byte[0] : body, verifHash);
    return Json.obj("status", processed ? "success" : "ignored");
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw FlutterwaveException.notFound();
    }
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
