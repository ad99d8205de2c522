package org.mpm.plugins.paystack.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.paystack.PaystackException;
import org.mpm.plugins.paystack.PaystackPayments;
import org.mpm.plugins.paystack.PaystackPublic;
import org.mpm.plugins.paystack.PaystackTransactions;
import org.mpm.plugins.paystack.PaystackTransactions.Result;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;

/**
 * Paystack's public payment pages (MPM's PaystackPublicController), without login: the company is the one of the
 * link ({@code ?ct=} token and {@code {companyHash}}); 400 {@code {"error":"Invalid company identifier"}} otherwise.
 */
@Path("paystack/public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Public
@Tag(name = "Plugins")
public class PaystackPublicResource {

  @Inject PaystackPublic pages;
  @Inject PaystackPayments payments;
  @Inject PaystackTransactions transactions;

  @GET
  @Path("payment/{companyHash}")
  @Operation(summary = "The public payment form's data: {company:{id, name}, supported_currencies,"
      + " default_currency}; query ct")
  public Map<String, Object> form(@PathParam("companyHash") String hash, @QueryParam("ct") String ct) {
    return pages.form(pages.bind(hash, ct));
  }

  @POST
  @Path("payment/{companyHash}")
  @Operation(summary = "Start a public payment; body {device_serial, device_type?, amount (1 … 1,000,000), currency:"
      + " NGN|GHS|KES|ZAR} → {success, redirect_url, reference, transaction_id (the Paystack row)}")
  public Map<String, Object> start(@PathParam("companyHash") String hash, @QueryParam("ct") String ct, String body) {
    pages.bind(hash, ct);
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", true, 3, 50);
    b.in("device_type", false, List.of("meter", "solar_home_system", "e_bike"));
    BigDecimal amount = b.number("amount", true, BigDecimal.ONE, new BigDecimal("1000000"));
    String currency = b.in("currency", true, PaystackPublic.CURRENCIES);
    b.validate();
    PaystackPayments.Started s = payments.initialize(0, serial, amount, currency, true);
    return Json.obj("success", true, "redirect_url", s.redirectUrl(), "reference", s.reference(),
        "transaction_id", s.rowId());
  }

  @GET
  @Path("result/{companyHash}")
  @Operation(summary = "The payment's result: {transaction, verification, success, token_status:"
      + " generated|processing|pending, token?}; query ct, reference")
  public Map<String, Object> result(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("reference") String reference) {
    pages.bind(hash, ct);
    requireReference(reference);
    transactions.result(reference); // 404 before Paystack is asked about a reference the company does not have
    Map<String, Object> verification = pages.verification(reference);
    Result r = transactions.result(reference);
    Map<String, Object> tx = r.transaction();
    tx.computeIfPresent("created_at", (k, v) -> v instanceof LocalDateTime t ? Json.ts(t) : v);
    Map<String, Object> out = Json.obj("transaction", tx, "verification", verification,
        "success", "success".equals(verification.get("status")),
        "token_status", r.token() != null ? "generated" : r.credited() ? "processing" : "pending");
    if (r.token() != null) {
      out.put("token", r.token());
    }
    return out;
  }

  @GET
  @Path("verify/{companyHash}")
  @Operation(summary = "Paystack's verification of a payment (credited once when successful): {success,"
      + " verification}; query ct, reference")
  public Map<String, Object> verify(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("reference") String reference) {
    pages.bind(hash, ct);
    requireReference(reference);
    Map<String, Object> verification = pages.verification(reference);
    return Json.obj("success", "success".equals(verification.get("status")), "verification", verification);
  }

  @POST
  @Path("validate-meter/{companyHash}")
  @Operation(summary = "Whether a device can be paid; body {device_serial (or meter_serial), device_type?} →"
      + " {valid, device_serial, device_type}")
  public Map<String, Object> validateMeter(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      String body) {
    pages.bind(hash, ct);
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", false);
    if (serial == null || serial.isBlank()) {
      serial = b.string("meter_serial", false);
    }
    String type = b.string("device_type", false);
    if (serial == null || serial.isBlank()) {
      throw new PaystackException(400, "Device serial required");
    }
    String deviceType = type == null || type.isBlank() ? "meter" : type;
    return Json.obj("valid", transactions.payableDevice(serial, deviceType), "device_serial", serial,
        "device_type", deviceType);
  }

  private static void requireReference(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new PaystackException(400, "Transaction reference required");
    }
  }
}
