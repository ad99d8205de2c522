package org.mpm.appliance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.appliance.SaleViews;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.transaction.CashPaymentProvider;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.InstallmentBooking;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.PaymentStatusService;

/**
 * Installment payments of a sold appliance (MPM's AppliancePaymentController); {@code payments}. A payment enters
 * the payment pipeline as cash taken by the user; payment providers that start a payment (Paystack, M-Pesa …) are
 * plugins, and none is installed, so the list of providers is empty and only cash ({@code 0}) is accepted.
 */
@Path("appliances/payment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("payments")
@Tag(name = "Appliances")
public class AppliancePaymentsResource {

  @Inject PaymentIngress ingress;
  @Inject SaleViews views;
  @Inject PaymentStatusService status;
  @Inject CurrentUser current;

  @GET
  @Path("providers")
  @Operation(summary = "Payment providers that can start a payment, cash (0) not listed: {data:[{id, name}]}")
  public Map<String, Object> providers() {
    return Json.data(List.of());
  }

  @POST
  @Path("{appliancePerson: [0-9]+}")
  @Operation(summary = "Pay a sold appliance {amount, payment_provider? (0 = cash)}: the oldest open rates first;"
      + " at least the next rate's open part unless it pays all, at most what is left; {data: {appliance_person,"
      + " transaction_id}}")
  public Map<String, Object> pay(@PathParam("appliancePerson") long saleId, String body) {
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true);
    Long provider = b.integer("payment_provider", false);
    if (amount != null && amount.signum() <= 0) {
      b.error("amount", "Payment amount can not smaller than zero");
    }
    if (provider != null && provider != 0) {
      b.error("payment_provider", "The selected payment provider is invalid.");
    }
    b.validate();
    Accepted a = ingress.receive(new PaymentRequest(CashTransaction.MORPH, null, amount, null, null, null,
        Map.of(CashPaymentProvider.USER_ID, current.principal().id(), InstallmentBooking.SALE_ID, saleId), null));
    return Json.data(Json.obj("appliance_person", ApplianceJson.sale(views.detail(saleId).sale()),
        "transaction_id", a.transactionId()));
  }

  @GET
  @Path("status/{transaction: [0-9]+}")
  @Operation(summary = "Whether a payment is processed (it paid something): {data: {status: processed|processing,"
      + " processed, transaction_id}}")
  public Map<String, Object> status(@PathParam("transaction") long transactionId) {
    boolean processed = !status.status(transactionId).allocations().isEmpty();
    return Json.data(Json.obj("status", processed ? "processed" : "processing", "processed", processed,
        "transaction_id", transactionId));
  }
}
