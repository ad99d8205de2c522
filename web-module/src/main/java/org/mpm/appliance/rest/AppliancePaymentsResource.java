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
import org.mpm.transaction.PaymentInitiator;
import org.mpm.transaction.PaymentInitiators;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.PaymentStatusService;

/**
 * Installment payments of a sold appliance (MPM's AppliancePaymentController); {@code payments}. A cash payment
 * enters the payment pipeline as taken by the user; a payment with a provider plugin ({@code payment_provider} =
 * its id) is started by the plugin's initiator ({@link PaymentInitiators}), which books the provider's confirmation
 * through the pipeline.
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
  @Inject PaymentInitiators initiators;

  @GET
  @Path("providers")
  @Operation(summary = "The company's enabled payment provider plugins that can start a payment, cash (0, always"
      + " available) not listed: {data:[{id, name}]}")
  public Map<String, Object> providers() {
    return Json.data(initiators.providers().stream().map(p -> Json.obj("id", p.id(), "name", p.name())).toList());
  }

  @POST
  @Path("{appliancePerson: [0-9]+}")
  @Operation(summary = "Pay a sold appliance {amount, payment_provider? (0 = cash, else an enabled provider plugin's"
      + " id from /providers)}: the oldest open rates first; at least the next rate's open part unless it pays all,"
      + " at most what is left; {data: {appliance_person, transaction_id, …provider data}}; a provider's refusal or"
      + " silence is 502 and credits nothing")
  public Map<String, Object> pay(@PathParam("appliancePerson") long saleId, String body) {
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true);
    Long provider = b.integer("payment_provider", false);
    if (amount != null && amount.signum() <= 0) {
      b.error("amount", "Payment amount can not smaller than zero");
    }
    if (provider != null && !PaymentInitiators.known(provider)) {
      b.error("payment_provider", "The selected payment provider is invalid.");
    }
    b.validate();
    if (provider != null && provider != PaymentInitiators.CASH) {
      PaymentInitiator.Initiated started = initiators.initiate(provider,
          PaymentInitiator.Initiation.installment(saleId, amount));
      Map<String, Object> out = Json.obj("appliance_person", ApplianceJson.sale(views.detail(saleId).sale()),
          "transaction_id", started.transactionId());
      out.putAll(started.providerData());
      return Json.data(out);
    }
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
