package org.mpm.plugins.pesapal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.ValidationException;
import org.mpm.plugins.pesapal.PesapalClient.Status;
import org.mpm.plugins.pesapal.PesapalTransactions.Pending;
import org.mpm.plugins.pesapal.PesapalTransactions.Row;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Pesapal payments from the credential to the credit. Saving a credential registers the company's IPN URL with
 * Pesapal before anything is written; submitting an order writes the pending row in one transaction, calls Pesapal
 * outside any transaction and records its answer in another. Pesapal's IPN is unsigned: it only says "look at this
 * order", so the order's status is asked of Pesapal with the company's own credentials, and an order Pesapal reports
 * COMPLETED enters the payment pipeline once through {@link PaymentIngress}, keyed by its order tracking id, whatever
 * learns it first (IPN, verify route, public pages); replays, also concurrent ones, are answered with the first
 * one's transaction. Nothing here runs in a transaction of its own.
 */
@ApplicationScoped
public class PesapalPayments {

  private static final Logger LOG = Logger.getLogger(PesapalPayments.class.getName());

  @EJB PesapalCredentials credentials;
  @EJB PesapalTransactions rows;
  @Inject PesapalClient client;
  @Inject PaymentIngress ingress;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;

  @Inject
  @ConfigProperty(name = "mpm.app.url")
  Optional<String> appUrl;

  /** A submitted order: where to send the payer, Pesapal's ids, and the row. */
  public record Started(long rowId, String redirectUrl, String orderTrackingId, String merchantReference) {}

  /**
   * Saves the credential. When the server knows its public address ({@code mpm.app.url}) the company's IPN URL
   * {@code <app url>/api/pesapal/ipn/<company id>} is registered with Pesapal first, with the key and secret being
   * saved; a refusal is a 422 on {@code consumer_key} and nothing is saved.
   */
  public Map<String, Object> saveCredential(PesapalCredentials.Form form) {
    PesapalAccount account = credentials.merged(form);
    if (!account.hasKeys()) {
      throw ValidationException.field("consumer_key", "Consumer key and consumer secret are required.");
    }
    String ipnId = null;
    Optional<String> base = appUrl.filter(u -> !u.isBlank());
    if (base.isPresent()) {
      String b = base.get().endsWith("/") ? base.get().substring(0, base.get().length() - 1) : base.get();
      try {
        ipnId = client.registerIpn(account, b + "/api/pesapal/ipn/" + account.companyId());
      } catch (PesapalException e) {
        throw ValidationException.field("consumer_key", "PesaPal IPN registration failed: " + e.getMessage());
      }
    }
    return credentials.save(form, ipnId);
  }

  /** Writes the pending row and submits the order to Pesapal (outside any transaction). */
  public Started initialize(long customerId, String serial, BigDecimal amount, String currency,
      boolean publicPayment) {
    Pending p = rows.start(customerId, serial, amount, currency, publicPayment);
    String callback = p.account().callbackUrl();
    callback += (callback.contains("?") ? "&" : "?") + "reference="
        + URLEncoder.encode(p.referenceId(), StandardCharsets.UTF_8);
    String description = "MPM " + p.deviceType() + " payment for " + p.serial();
    PesapalClient.Order order;
    try {
      order = client.submitOrder(p.account(), p.referenceId(), p.amount(), p.currency(),
          description.length() > 100 ? description.substring(0, 100) : description, callback,
          p.account().merchantEmail(), p.phone());
    } catch (PesapalException e) {
      rows.reported(p.rowId(), -1, null);
      throw e;
    }
    rows.submitted(p.rowId(), order);
    return new Started(p.rowId(), order.redirectUrl(), order.orderTrackingId(), order.merchantReference());
  }

  /**
   * Asks Pesapal where the row's order stands and applies it: COMPLETED is credited (once), FAILED and REVERSED
   * fail a waiting row, INVALID abandons it. MPM's answer: {@code {status_code, status_description, amount,
   * currency, payment_method, confirmation_code, merchant_reference, error}}, the error filled when Pesapal could
   * not be asked or the payment was refused.
   */
  public Map<String, Object> sync(Row row) {
    Status s;
    try {
      s = client.status(credentials.account(), row.orderTrackingId());
    } catch (PesapalException e) {
      return verification(null, e.getMessage());
    }
    String error = null;
    if (s.completed()) {
      error = credit(row, s);
    } else if (s.statusCode() != null) {
      rows.reported(row.id(), s.statusCode() == Status.INVALID ? 3 : -1, s.confirmationCode());
    }
    return verification(s, error);
  }

  /** The verify route: the row of the tracking id (404), then {@link #sync}. */
  public Map<String, Object> verify(String orderTrackingId) {
    rows.requireEnabled();
    Row row = rows.byTrackingId(orderTrackingId).orElseThrow(PesapalException::notFound);
    return sync(row);
  }

  /**
   * Pesapal's IPN for the company in the path. The payload is only a pointer: the order is looked up among the
   * company's, and its status asked of Pesapal. Answered as Pesapal expects, echoing the notification, with
   * {@code status} 200 when it was handled and 500 otherwise (Pesapal then notifies again); an IPN that credited
   * nothing is kept in {@code pesapal_ipn_refusals}.
   */
  public Map<String, Object> ipn(String companyPath, String notificationType, String orderTrackingId,
      String merchantReference) {
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("orderNotificationType", notificationType == null ? "" : notificationType);
    ack.put("orderTrackingId", orderTrackingId == null ? "" : orderTrackingId);
    ack.put("orderMerchantReference", merchantReference == null ? "" : merchantReference);
    ack.put("status", handle(companyPath, notificationType, orderTrackingId, merchantReference) ? 200 : 500);
    return ack;
  }

  private boolean handle(String companyPath, String type, String tracking, String reference) {
    if (!bindCompany(companyPath)) {
      LOG.warning("Pesapal IPN for an unknown company");
      return false;
    }
    if (!rows.enabled()) {
      LOG.warning("Pesapal IPN for a company that has not enabled the plugin");
      return false;
    }
    if (tracking == null || tracking.isBlank()) {
      rows.refuse("IPN without OrderTrackingId", null, reference, type, null);
      return false;
    }
    Optional<Row> row = rows.byTrackingId(tracking);
    if (row.isEmpty()) {
      LOG.warning("Pesapal IPN for an order the company never submitted: " + tracking);
      rows.refuse("Unknown OrderTrackingId", tracking, reference, type, null);
      return false;
    }
    Map<String, Object> v = sync(row.get());
    Object code = v.get("status_code");
    if (v.get("error") != null) {
      rows.refuse(String.valueOf(v.get("error")), tracking, reference, type, code instanceof Integer i ? i : null);
      return false;
    }
    if (!Integer.valueOf(Status.COMPLETED).equals(code)) {
      rows.refuse("Not credited: Pesapal reports " + (v.get("status_description") == null
          || v.get("status_description").toString().isEmpty() ? "status " + code : v.get("status_description")),
          tracking, reference, type, code instanceof Integer i ? i : null);
    }
    return true;
  }

  /**
   * Credits a COMPLETED order through the pipeline, keyed by its tracking id; the refusal's reason, or null when
   * it was credited (now or before).
   */
  private String credit(Row row, Status s) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(PesapalPaymentProvider.ROW, row.id());
    attributes.put(PesapalPaymentProvider.SENDER, row.sender());
    attributes.put(PesapalPaymentProvider.CURRENCY, s.currency());
    attributes.put(PesapalPaymentProvider.MERCHANT_REFERENCE, s.merchantReference());
    attributes.put(PesapalPaymentProvider.CONFIRMATION, s.confirmationCode());
    PaymentRequest request = new PaymentRequest(PesapalPaymentProvider.MORPH, row.serial(), s.amount(),
        s.rawAmount(), PesapalPaymentProvider.SCOPE, row.orderTrackingId(), attributes, null);
    try {
      ingress.receive(request);
      return null;
    } catch (PaymentRejectedException e) {
      LOG.warning("Pesapal order " + row.orderTrackingId() + " refused: " + e.getMessage());
      return e.getMessage();
    }
  }

  private static Map<String, Object> verification(Status s, String error) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("status_code", s == null ? null : s.statusCode());
    v.put("status_description", s == null ? "" : s.description());
    v.put("amount", s == null || s.amount() == null ? 0.0 : s.amount().doubleValue());
    v.put("currency", s == null ? "" : s.currency());
    v.put("payment_method", s == null ? "" : s.paymentMethod());
    v.put("confirmation_code", s == null ? "" : s.confirmationCode());
    v.put("merchant_reference", s == null ? "" : s.merchantReference());
    v.put("error", error);
    return v;
  }

  private boolean bindCompany(String companyPath) {
    long companyId;
    try {
      companyId = Long.parseLong(companyPath);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<String> database = registry.databaseOf(companyId);
    if (database.isEmpty()) {
      return false;
    }
    tenant.set(companyId, database.get());
    return true;
  }
}
