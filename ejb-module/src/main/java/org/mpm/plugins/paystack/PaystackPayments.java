package org.mpm.plugins.paystack;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.mpm.common.ForbiddenException;
import org.mpm.plugin.HexHmac;
import org.mpm.plugin.PluginGate;
import org.mpm.plugins.paystack.PaystackClient.Charge;
import org.mpm.plugins.paystack.PaystackTransactions.Pending;
import org.mpm.plugins.paystack.PaystackTransactions.Row;
import org.mpm.plugins.paystack.PaystackTransactions.WebhookContext;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Paystack payments from initialisation to credit. Initialising writes the pending row in one transaction, calls
 * Paystack outside any transaction, and records its reference in another. A charge Paystack reports as successful
 * (signed webhook, or the verify route) enters the payment pipeline once through {@link PaymentIngress}, keyed by
 * its reference: replays, also concurrent ones, are answered with the first one's transaction. A charge that does not
 * match its row (amount, currency) is refused by {@link PaystackPaymentProvider} and kept by the pipeline as a
 * rejected record; a callback that names no row of the company, or whose signature does not match, is kept in
 * {@code paystack_callback_refusals}. Nothing here runs in a transaction of its own.
 */
@ApplicationScoped
public class PaystackPayments {

  private static final Logger LOG = Logger.getLogger(PaystackPayments.class.getName());
  /** The idempotency scope of Paystack's references in {@code payment_idempotency_keys}. */
  static final String SCOPE = "paystack";

  @EJB PaystackTransactions rows;
  @Inject PaystackClient client;
  @Inject PaymentIngress ingress;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;

  /** An initialised payment: where to send the payer and the reference Paystack will report. */
  public record Started(long rowId, String redirectUrl, String reference) {}

  /** Writes the pending row and asks Paystack for the payment page (outside any transaction). */
  public Started initialize(long customerId, String serial, BigDecimal amount, String currency,
      boolean publicPayment) {
    Pending p = rows.start(customerId, serial, amount, currency, publicPayment);
    PaystackClient.Initialized init;
    try {
      init = client.initialize(p.secretKey(), p.email(), p.amount(), p.currency(), p.reference(), p.callbackUrl(),
          p.metadata());
    } catch (PaystackException e) {
      rows.initializationFailed(p.rowId());
      throw e;
    }
    rows.initialized(p.rowId(), init.reference(), init.authorizationUrl());
    return new Started(p.rowId(), init.authorizationUrl(), init.reference());
  }

  /**
   * Asks Paystack where a payment stands and, when it reports success, credits it (once, whatever the route that
   * learns it first).
   */
  public Charge verify(String reference) {
    Charge charge = client.verify(rows.secretKey(), reference);
    if ("success".equals(charge.status())) {
      credit(charge, "verify");
    }
    return charge;
  }

  /**
   * A webhook of the company in the path: the signature is checked first, against the company's secret key;
   * then the plugin's enablement; then {@code charge.success} credits and {@code charge.failed} fails the row.
   * Returns whether the event was processed ({@code success}) or not ({@code ignored}).
   *
   * @throws PaystackException 401 when the signature does not match (kept as a refusal of the company)
   * @throws ForbiddenException 403 when the company has not enabled the plugin
   */
  public boolean webhook(String companyId, byte[] body, String signature) {
    long company;
    try {
      company = Long.parseLong(companyId);
    } catch (NumberFormatException e) {
      throw PaystackException.badSignature();
    }
    Optional<String> database = registry.databaseOf(company);
    if (database.isEmpty()) {
      throw PaystackException.badSignature();
    }
    tenant.set(company, database.get());
    WebhookContext context = rows.webhookContext();
    if (!HexHmac.SHA512.valid(body, signature, context.secretKey())) {
      LOG.warning("Paystack webhook with an invalid signature for company " + company);
      rows.refuse("Invalid webhook signature", null, null, sha256(body));
      throw PaystackException.badSignature();
    }
    if (!context.enabled()) {
      throw new ForbiddenException(PluginGate.NOT_ENABLED);
    }
    JsonObject event;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      event = reader.readObject();
    } catch (RuntimeException e) {
      rows.refuse("Webhook body is not a JSON object", null, null, sha256(body));
      return false;
    }
    String name = event.getString("event", "");
    JsonObject data = event.get("data") instanceof JsonObject d ? d : null;
    if (data == null || !(name.equals("charge.success") || name.equals("charge.failed"))) {
      return false;
    }
    Charge charge = Charge.of(data);
    if (name.equals("charge.failed")) {
      Optional<Row> row = charge.reference() == null ? Optional.empty() : rows.byReference(charge.reference());
      if (row.isEmpty()) {
        rows.refuse("Unknown reference", name, charge.reference(), sha256(body));
        return false;
      }
      rows.chargeFailed(row.get().id(), charge.id());
      return true;
    }
    return credit(charge, name);
  }

  /**
   * Credits a successful charge through the pipeline, keyed by its reference; false when it is refused (kept by the
   * pipeline, or here when it names no payment of the company).
   */
  boolean credit(Charge charge, String source) {
    Optional<Row> found = charge.reference() == null ? Optional.empty() : rows.byReference(charge.reference());
    if (found.isEmpty()) {
      rows.refuse("Unknown reference", source, charge.reference(), sha256(String.valueOf(charge)
          .getBytes(StandardCharsets.UTF_8)));
      return false;
    }
    Row row = found.get();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(PaystackPaymentProvider.ROW, row.id());
    attributes.put(PaystackPaymentProvider.SENDER, row.sender());
    attributes.put(PaystackPaymentProvider.CURRENCY, charge.currency() == null ? "" : charge.currency());
    if (charge.id() != null) {
      attributes.put(PaystackPaymentProvider.EXTERNAL_ID, charge.id());
    }
    BigDecimal amount = charge.amount();
    PaymentRequest request = new PaymentRequest(PaystackPaymentProvider.MORPH, row.serial(), amount,
        charge.subunits() == null ? null : charge.subunits().toPlainString(), SCOPE, charge.reference(),
        attributes, null);
    try {
      ingress.receive(request);
      return true;
    } catch (PaymentRejectedException e) {
      LOG.warning("Paystack charge " + charge.reference() + " refused: " + e.getMessage());
      return false;
    }
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
