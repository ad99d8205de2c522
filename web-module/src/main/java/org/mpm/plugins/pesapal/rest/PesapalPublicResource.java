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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugin.rest.PublicPageRequests;
import org.mpm.plugins.pesapal.PesapalException;
import org.mpm.plugins.pesapal.PesapalPayments;
import org.mpm.plugins.pesapal.PesapalPublic;
import org.mpm.plugins.pesapal.PesapalTransactions;
import org.mpm.rest.Json;
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

  static final PublicPageRequests REQUESTS = new PublicPageRequests(m -> new PesapalException(400, m));

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
    PublicPageRequests.Payment pay = REQUESTS.payment(body, null);
    PesapalPayments.Started s = payments.initialize(0, pay.serial(), pay.amount(), pay.currency(), true);
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
    REQUESTS.reference(reference);
    Map<String, Object> out = pages.result(reference);
    if (out.get("transaction") instanceof Map<?, ?> tx) {
      @SuppressWarnings("unchecked")
      Map<String, Object> t = (Map<String, Object>) tx;
      PublicPageRequests.transaction(t);
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
    REQUESTS.reference(reference);
    return pages.verify(reference);
  }

  @POST
  @Path("validate-meter/{companyHash}")
  @Operation(summary = "Whether a device can be paid; body {device_serial (or meter_serial), device_type?} →"
      + " {valid, device_serial, device_type}")
  public Map<String, Object> validateMeter(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      String body) {
    pages.bind(hash, ct);
    return REQUESTS.deviceCheck(body, transactions::payableDevice);
  }
}
