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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugin.rest.PublicPageRequests;
import org.mpm.plugins.paystack.PaystackException;
import org.mpm.plugins.paystack.PaystackPayments;
import org.mpm.plugins.paystack.PaystackPublic;
import org.mpm.plugins.paystack.PaystackTransactions;
import org.mpm.plugins.paystack.PaystackTransactions.Result;
import org.mpm.rest.Json;
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

  static final PublicPageRequests REQUESTS = new PublicPageRequests(m -> new PaystackException(400, m));

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
    PublicPageRequests.Payment pay = REQUESTS.payment(body, PaystackPublic.CURRENCIES);
    PaystackPayments.Started s = payments.initialize(0, pay.serial(), pay.amount(), pay.currency(), true);
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
    REQUESTS.reference(reference);
    transactions.result(reference); // 404 before Paystack is asked about a reference the company does not have
    Map<String, Object> verification = pages.verification(reference);
    Result r = transactions.result(reference);
    return PublicPageRequests.result(r.transaction(), verification, "success".equals(verification.get("status")),
        r.token(), r.credited());
  }

  @GET
  @Path("verify/{companyHash}")
  @Operation(summary = "Paystack's verification of a payment (credited once when successful): {success,"
      + " verification}; query ct, reference")
  public Map<String, Object> verify(@PathParam("companyHash") String hash, @QueryParam("ct") String ct,
      @QueryParam("reference") String reference) {
    pages.bind(hash, ct);
    REQUESTS.reference(reference);
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
    return REQUESTS.deviceCheck(body, transactions::payableDevice);
  }
}
