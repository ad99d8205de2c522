package org.mpm.plugins.flutterwave;

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
import org.mpm.plugin.PluginGate;
import org.mpm.plugins.flutterwave.FlutterwaveClient.Charge;
import org.mpm.plugins.flutterwave.FlutterwaveTransactions.Pending;
import org.mpm.plugins.flutterwave.FlutterwaveTransactions.Row;
import org.mpm.plugins.flutterwave.FlutterwaveTransactions.WebhookContext;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Flutterwave payments from initialisation to credit. Initialising writes the pending row in one transaction, asks
 * Flutterwave for a hosted payment link outside any transaction, and records the link in another. Money is credited
 * only for a transaction that Flutterwave's own verify endpoint reports {@code successful} for a {@code tx_ref} the
 * company initialised; it enters the payment pipeline once through {@link PaymentIngress}, keyed by that
 * {@code tx_ref}, whichever route learns it first (webhook, verify route, public pages) and however often, also
 * concurrently. The webhook's own figures are never credited: its {@code verif-hash} is checked first, then the
 * transaction is verified with Flutterwave. A transaction whose amount or currency is not the row's is refused by
 * {@link FlutterwavePaymentProvider} and kept by the pipeline as a rejected record; a webhook with a bad hash, an
 * unknown {@code tx_ref} or a transaction Flutterwave does not confirm is kept in
 * {@code flutterwave_callback_refusals}. Nothing here runs in a transaction of its own.
 */
@ApplicationScoped
public class FlutterwavePayments {

  private static final Logger LOG = Logger.getLogger(FlutterwavePayments.class.getName());
  /** The idempotency scope of Flutterwave's {@code tx_ref}s in {@code payment_idempotency_keys}. */
  static final String SCOPE = "flutterwave";
  /** The v3 webhook event of a charge (successful or failed). */
  static final String CHARGE_COMPLETED = "charge.completed";

  @EJB FlutterwaveTransactions rows;
  @Inject FlutterwaveClient client;
  @Inject PaymentIngress ingress;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;

  /** An initialised payment: where to send the payer and the {@code tx_ref} Flutterwave will report. */
  public record Started(long rowId, String redirectUrl, String reference) {}

  /** Writes the pending row and asks Flutterwave for the payment link (outside any transaction). */
  public Started initialize(long customerId, String serial, BigDecimal amount, String currency,
      boolean publicPayment) {
    Pending p = rows.start(customerId, serial, amount, currency, publicPayment);
    String link;
    try {
      link = client.initialize(p.secretKey(), p.reference(), p.amount(), p.currency(), p.callbackUrl(), p.email(),
          p.merchantName(), p.metadata());
    } catch (FlutterwaveException e) {
      rows.initializationFailed(p.rowId());
      throw e;
    }
    rows.initialized(p.rowId(), p.reference(), link);
    return new Started(p.rowId(), link, p.reference());
  }

  /**
   * Asks Flutterwave about its transaction {@code transactionId} and, when it reports success for a {@code tx_ref}
   * of the company, credits it (once, whatever the route that learns it first).
   *
   * @throws FlutterwaveException 400 when Flutterwave does not know the id for the company's key, 502 when it
   *     cannot be reached
   */
  public Charge verify(String transactionId) {
    Charge charge = client.verify(rows.secretKey(), transactionId);
    if (charge.successful()) {
      credit(charge, "verify");
    }
    return charge;
  }

  /** As {@link #verify}, by the company's {@code tx_ref} (Flutterwave's {@code verify_by_reference}). */
  public Charge verifyByReference(String txRef) {
    Charge charge = client.verifyByReference(rows.secretKey(), txRef);
    if (charge.successful()) {
      credit(charge, "verify");
    }
    return charge;
  }

  /**
   * A webhook of the company in the path: the {@code verif-hash} header is compared with the company's webhook
   * secret hash first; then the plugin's enablement; then a {@code charge.completed} event (or Flutterwave's older
   * flat body) for a {@code tx_ref} of the company: a successful one is verified with Flutterwave and credited, a
   * failed one fails the pending row. Returns whether the event was processed ({@code success}) or not
   * ({@code ignored}).
   *
   * @throws FlutterwaveException 401 when the hash does not match (kept as a refusal of the company), 502 when
   *     Flutterwave cannot be reached to verify (Flutterwave delivers the webhook again)
   * @throws ForbiddenException 403 when the company has not enabled the plugin
   */
  public boolean webhook(String companyId, byte[] body, String verifHash) {
    long company;
    try {
      company = Long.parseLong(companyId);
    } catch (NumberFormatException e) {
      throw FlutterwaveException.badSignature();
    }
    Optional<String> database = registry.databaseOf(company);
    if (database.isEmpty()) {
      throw FlutterwaveException.badSignature();
    }
    tenant.set(company, database.get());
    WebhookContext context = rows.webhookContext();
    if (!FlutterwaveWebhookHash.matches(verifHash, context.secretHash())) {
      LOG.warning("Flutterwave webhook with an invalid verif-hash for company " + company);
      rows.refuse("Invalid webhook signature", null, null, null, sha256(body));
      throw FlutterwaveException.badSignature();
    }
    if (!context.enabled()) {
      throw new ForbiddenException(PluginGate.NOT_ENABLED);
    }
    JsonObject event;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      event = reader.readObject();
    } catch (RuntimeException e) {
      rows.refuse("Webhook body is not a JSON object", null, null, null, sha256(body));
      return false;
    }
    String name;
    Charge reported;
    if (event.get("data") instanceof JsonObject data && event.containsKey("event")) {
      name = event.getString("event", "");
      if (!CHARGE_COMPLETED.equals(name)) {
        return false;
      }
      reported = Charge.of(data);
    } else if (event.containsKey("txRef")) {
      name = event.getString("event.type", "legacy");
      reported = Charge.ofLegacy(event);
    } else {
      return false;
    }
    Optional<Row> row = reported.txRef() == null ? Optional.empty() : rows.byReference(reported.txRef());
    if (row.isEmpty()) {
      rows.refuse("Unknown reference", name, reported.txRef(), reported.id(), sha256(body));
      return false;
    }
    if (!reported.successful()) {
      rows.chargeFailed(row.get().id(), reported.id());
      return true;
    }
    Charge confirmed;
    try {
      confirmed = reported.id() != null ? client.verify(context.secretKey(), reported.id())
          : client.verifyByReference(context.secretKey(), reported.txRef());
    } catch (FlutterwaveException e) {
      if (e.status() >= 500) {
        throw e;
      }
      rows.refuse("Not confirmed by Flutterwave: " + e.getMessage(), name, reported.txRef(), reported.id(),
          sha256(body));
      return false;
    }
    if (!reported.txRef().equals(confirmed.txRef())) {
      rows.refuse("Flutterwave reports the transaction for another tx_ref", name, reported.txRef(), reported.id(),
          sha256(body));
      return false;
    }
    if (!confirmed.successful()) {
      rows.refuse("Flutterwave reports the transaction " + confirmed.status(), name, reported.txRef(),
          reported.id(), sha256(body));
      return false;
    }
    return credit(confirmed, name);
  }

  /**
   * Credits a transaction Flutterwave confirmed through the pipeline, keyed by its {@code tx_ref}; false when it is
   * refused (kept by the pipeline, or here when the {@code tx_ref} names no payment of the company).
   */
  boolean credit(Charge charge, String source) {
    Optional<Row> found = charge.txRef() == null ? Optional.empty() : rows.byReference(charge.txRef());
    if (found.isEmpty()) {
      rows.refuse("Unknown reference", source, charge.txRef(), charge.id(), sha256(String.valueOf(charge)
          .getBytes(StandardCharsets.UTF_8)));
      return false;
    }
    Row row = found.get();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(FlutterwavePaymentProvider.ROW, row.id());
    attributes.put(FlutterwavePaymentProvider.SENDER, row.sender());
    attributes.put(FlutterwavePaymentProvider.CURRENCY, charge.currency() == null ? "" : charge.currency());
    if (charge.id() != null) {
      attributes.put(FlutterwavePaymentProvider.EXTERNAL_ID, charge.id());
    }
    PaymentRequest request = new PaymentRequest(FlutterwavePaymentProvider.MORPH, row.serial(), charge.amount(),
        charge.amount() == null ? null : charge.amount().toPlainString(), SCOPE, charge.txRef(), attributes, null);
    try {
      ingress.receive(request);
      return true;
    } catch (PaymentRejectedException e) {
      LOG.warning("Flutterwave transaction " + charge.txRef() + " refused: " + e.getMessage());
      if (e.status() == 409) {
        // Another Flutterwave transaction (other id, amount or currency) for a tx_ref already settled.
        rows.refuse("Another transaction for a settled tx_ref", source, charge.txRef(), charge.id(),
            sha256(String.valueOf(charge).getBytes(StandardCharsets.UTF_8)));
      }
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
