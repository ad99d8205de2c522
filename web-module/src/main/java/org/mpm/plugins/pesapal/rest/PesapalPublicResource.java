package org.mpm.plugins.pesapal.rest;

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
import org.mpm.plugins.pesapal.PesapalException;
import org.mpm.plugins.pesapal.PesapalPayments;
import org.mpm.plugins.pesapal.PesapalPublic;
import org.mpm.plugins.pesapal.PesapalTransactions;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;

/**
 * Pesapal's public payment pages (MPM's PesapalPublicController), without login: the company is the one of the
 * link ({@code ?ct=} token and {@code {companyHash}}); 400 {@code {"error":"Invalid company identifier"}} otherwise.
 */
@Path("pesapal/public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Public
@Tag(name = "Plugins")
public class PesapalPublicResource {

  @Inject PesapalPublic pages;
  @Inject PesapalPayments payments;
  @Inject PesapalTransactions transactions;

  @GET
  @Path("payment/{companyHash}")
  @Operation(summary = "The public payment form's data: {company:{id, name}, currency, supported_currencies};"
      + " query ct")
  public Map<String, Object> form(@PathParam("companyHash") String hash, @QueryParam("ct") String ct) {
    return pages.form(pages.bind(hash, ct));
  }

  @POST
  @Path("payment/{companyHash}")
  @Operation(summary = "Start a public payment; body {device_serial, device_type?, amount (1 … 1,000,000)} →"
      + " {success, redirect_url, order_tracking_id, merchant_reference, transaction_id (the Pesapal row)}")
  public Map<String, Object> start(@PathParam("companyHash") String hash, @QueryParam("ct") String ct, String body) {
    pages.bind(hash, ct);
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", true, 3, 50);
    b.in("device_type", false, List.of("meter", "solar_home_system", "e_bike"));
    BigDecimal amount = b.number("amount", true, BigDecimal.ONE, new BigDecimal("1000000"));
    b.validate();
    PesapalPayments.Started s = payments.initialize(0, serial, amount, null, true);
    return Json.obj("success", true, "redirect_url", s.redirectUrl(), "order_tracking_id", s.orderTrackingId(),
        "merchant_reference", s.merchantReference(), "transaction_id", s.rowId());
  }

  @GET
  @Path("result/{companyHash}")
  @Operation(summary = "The payment's result: {transaction, verification, success, token_status:"
      + " generated|processing|pending, token?}; query ct, reference")
  public Map<String, Object> result(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("reference") String reference) {
    pages.bind(hash, ct);
    requireReference(reference);
    Map<String, Object> out = pages.result(reference);
    if (out.get("transaction") instanceof Map<?, ?> tx) {
      @SuppressWarnings("unchecked")
      Map<String, Object> t = (Map<String, Object>) tx;
      t.computeIfPresent("created_at", (k, v) -> v instanceof LocalDateTime d ? Json.ts(d) : v);
    }
    return out;
  }

  @GET
  @Path("verify/{companyHash}")
  @Operation(summary = "Pesapal's status of a payment (credited once when COMPLETED): {success, verification};"
      + " query ct, reference")
  public Map<String, Object> verify(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("reference") String reference) {
    pages.bind(hash, ct);
    requireReference(reference);
    return pages.verify(reference);
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
      throw new PesapalException(400, "Device serial required");
    }
    String deviceType = type == null || type.isBlank() ? "meter" : type;
    return Json.obj("valid", transactions.payableDevice(serial, deviceType), "device_serial", serial,
        "device_type", deviceType);
  }

  private static void requireReference(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new PesapalException(400, "Transaction reference required");
    }
  }
}
