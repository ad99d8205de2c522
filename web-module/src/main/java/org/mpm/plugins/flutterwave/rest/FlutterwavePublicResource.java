package org.mpm.plugins.flutterwave.rest;

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
import org.mpm.plugins.flutterwave.FlutterwaveException;
import org.mpm.plugins.flutterwave.FlutterwavePayments;
import org.mpm.plugins.flutterwave.FlutterwavePublic;
import org.mpm.plugins.flutterwave.FlutterwaveTransactions;
import org.mpm.plugins.flutterwave.FlutterwaveTransactions.Result;
import org.mpm.rest.Json;
import org.mpm.rest.Public;

/**
 * Flutterwave's public payment pages (MPM's FlutterwavePublicController), without login: the company is the one of
 * the link ({@code ?ct=} token and {@code {companyHash}}); 400 {@code {"error":"Invalid company identifier"}}
 * otherwise.
 */
@Path("flutterwave/public")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Public
@Tag(name = "Plugins")
public class FlutterwavePublicResource {

  static final PublicPageRequests REQUESTS = new PublicPageRequests(m -> new FlutterwaveException(400, m));

  @Inject FlutterwavePublic pages;
  @Inject FlutterwavePayments payments;
  @Inject FlutterwaveTransactions transactions;

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
      + " NGN|GHS|KES|ZAR|USD} → {success, redirect_url, reference (the tx_ref), transaction_id (the Flutterwave"
      + " row)}")
  public Map<String, Object> start(@PathParam("companyHash") String hash, @QueryParam("ct") String ct, String body) {
    pages.bind(hash, ct);
    PublicPageRequests.Payment pay = REQUESTS.payment(body, FlutterwavePublic.CURRENCIES);
    FlutterwavePayments.Started s = payments.initialize(0, pay.serial(), pay.amount(), pay.currency(), true);
    return Json.obj("success", true, "redirect_url", s.redirectUrl(), "reference", s.reference(),
        "transaction_id", s.rowId());
  }

  @GET
  @Path("result/{companyHash}")
  @Operation(summary = "The payment's result: {transaction, verification, success, token_status:"
      + " generated|processing|pending, token?}; query ct, reference (or tx_ref), transaction_id? (Flutterwave's id;"
      + " without it the tx_ref is verified)")
  public Map<String, Object> result(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("reference") String reference, @QueryParam("tx_ref") String txRef,
      @QueryParam("transaction_id") String transactionId) {
    pages.bind(hash, ct);
    String ref = REQUESTS.reference(reference == null || reference.isBlank() ? txRef : reference);
    // 404 before Flutterwave is asked about a reference the company does not have
    Result known = transactions.result(ref);
    // Flutterwave's redirect may carry the text "null" for a cancelled checkout
    boolean hasId = transactionId != null && !transactionId.isBlank() && !"null".equals(transactionId);
    String id = hasId ? transactionId : known.externalId();
    Map<String, Object> verification = id != null ? pages.verification(id) : pages.verificationByReference(ref);
    Result r = transactions.result(ref);
    return PublicPageRequests.result(r.transaction(), verification, "successful".equals(verification.get("status")),
        r.token(), r.credited());
  }

  @GET
  @Path("verify/{companyHash}")
  @Operation(summary = "Flutterwave's verification of its transaction (credited once when successful): {success,"
      + " verification:{status, tx_ref, amount, currency, error}}; query ct, transaction_id")
  public Map<String, Object> verify(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("transaction_id") String transactionId) {
    pages.bind(hash, ct);
    if (transactionId == null || transactionId.isBlank()) {
      throw new FlutterwaveException(400, "Flutterwave transaction id required");
    }
    Map<String, Object> verification = pages.verification(transactionId);
    return Json.obj("success", "successful".equals(verification.get("status")), "verification", verification);
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
