package org.mpm.plugins.safaricom.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.plugins.safaricom.SafaricomError;
import org.mpm.plugins.safaricom.SafaricomPayments;
import org.mpm.plugins.safaricom.SafaricomPayments.Pushed;
import org.mpm.plugins.safaricom.SafaricomPayments.Status;
import org.mpm.plugins.safaricom.SafaricomPayments.StkPush;
import org.mpm.plugins.safaricom.SafaricomTransaction;
import org.mpm.plugins.safaricom.SafaricomTransactionService;
import org.mpm.plugins.safaricom.SafaricomTransactionService.PayableDevice;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;

/** M-Pesa STK pushes (MPM's SafaricomTransactionController): start one, follow it, list them. */
@Path("safaricom")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class SafaricomTransactionsResource {

  static final List<String> DEVICE_TYPES = List.of("meter", "solar_home_system");

  @Inject SafaricomTransactionService transactions;
  @Inject SafaricomPayments payments;
  @Context UriInfo uri;

  @GET
  @Path("transactions")
  @Operation(summary = "The company's STK pushes, paginated (per_page, default 15)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    Page<SafaricomTransaction> p = transactions.page(q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(SafaricomTransactionsResource::json).toList(), uri);
  }

  @GET
  @Path("transactions/{id}")
  @Operation(summary = "One STK push: {data:{…}}; 404 {error: Transaction not found}")
  public Map<String, Object> show(@PathParam("id") String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      n = -1;
    }
    return Json.data(json(transactions.byId(n).orElseThrow(() -> new SafaricomError(404,
        "Transaction not found"))));
  }

  @POST
  @Path("validate-device")
  @Operation(summary = "Whether a meter in use or a solar home system has this serial: {valid, device_serial,"
      + " device_type, customer_id}")
  public Map<String, Object> validateDevice(String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", true, 3, 100);
    String type = b.in("device_type", false, DEVICE_TYPES);
    b.validate();
    String kind = type == null ? "meter" : type;
    PayableDevice d = transactions.device(serial, kind).orElse(null);
    return Json.obj("valid", d != null, "device_serial", serial, "device_type", kind,
        "customer_id", d == null ? null : d.customerId());
  }

  @POST
  @Path("stk-push")
  @Operation(summary = "Start an M-Pesa STK push; body {amount 1–150000, phone_number, device_type,"
      + " device_serial, account_reference, transaction_desc, type}: {data:{reference_id, checkout_request_id,"
      + " merchant_request_id, customer_message}}; 422 {error} when Daraja or the device refuses")
  public Map<String, Object> push(String body) {
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true, BigDecimal.ONE, new BigDecimal("150000"));
    String phone = b.string("phone_number", true, 9, 15);
    String type = b.in("device_type", true, DEVICE_TYPES);
    String serial = b.string("device_serial", true, 3, 100);
    String reference = b.string("account_reference", false, 0, 50);
    String desc = b.string("transaction_desc", false, 0, 50);
    String kind = b.in("type", false, List.of("energy", "deferred_payment", "down_payment"));
    b.validate();
    Pushed p = payments.push(new StkPush(amount, phone, type, serial, reference, desc, kind));
    return Json.data(Json.obj("reference_id", p.referenceId(), "checkout_request_id", p.checkoutRequestId(),
        "merchant_request_id", p.merchantRequestId(), "customer_message", p.customerMessage()));
  }

  @GET
  @Path("transaction/{referenceId}/status")
  @Operation(summary = "The state of a push (asked of Daraja while it waits): {data:{resolved, result_code,"
      + " result_desc, transaction_status, mpesa_receipt, error, reference_id, phone_number, amount, currency,"
      + " mpesa_receipt_number, transaction_date}}")
  public Map<String, Object> status(@PathParam("referenceId") String referenceId) {
    Status s = payments.status(referenceId);
    SafaricomTransaction t = s.row();
    return Json.data(Json.obj("resolved", s.resolved(), "result_code", s.resultCode(),
        "result_desc", s.resultDesc(), "transaction_status", t.getStatus(),
        "mpesa_receipt", t.getMpesaReceiptNumber(), "error", s.error(), "reference_id", t.getReferenceId(),
        "phone_number", t.getPhoneNumber(), "amount", amount(t), "currency", t.getCurrency(),
        "mpesa_receipt_number", t.getMpesaReceiptNumber(), "transaction_date", date(t)));
  }

  static String amount(SafaricomTransaction t) {
    return t.getAmount() == null ? null : t.getAmount().setScale(2).toPlainString();
  }

  static String date(SafaricomTransaction t) {
    return t.getTransactionDate() == null ? null : Json.ts(t.getTransactionDate());
  }

  static Map<String, Object> json(SafaricomTransaction t) {
    return Json.obj("id", t.getId(), "amount", amount(t), "currency", t.getCurrency(),
        "order_id", t.getOrderId(), "reference_id", t.getReferenceId(), "status", t.getStatus(),
        "external_transaction_id", t.getExternalTransactionId(), "customer_id", t.getCustomerId(),
        "serial_id", t.getSerialId(), "device_type", t.getDeviceType(), "phone_number", t.getPhoneNumber(),
        "checkout_request_id", t.getCheckoutRequestId(), "merchant_request_id", t.getMerchantRequestId(),
        "mpesa_receipt_number", t.getMpesaReceiptNumber(), "transaction_date", date(t),
        "account_reference", t.getAccountReference(), "transaction_desc", t.getTransactionDesc(),
        "attempts", t.getAttempts(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }
}
