package org.mpm.plugins.paystack;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mpm.common.NativeSql;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.ProviderRows;

/**
 * The company's {@code paystack_transactions}: the pending row written when a payment is initialised, the reference
 * Paystack gives it, the lookups of the callbacks, the refusals of callbacks that name no payment
 * ({@code paystack_callback_refusals}) and the lists of the console. Each method is one short tenant transaction;
 * Paystack itself is called between them, never inside one.
 */
@Stateless
public class PaystackTransactions {

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;
  @Inject PaystackCredentialService credentials;

  /** A payment about to be initialised with Paystack: its row and what the call needs. */
  public record Pending(long rowId, String reference, BigDecimal amount, String currency, String secretKey,
      String email, String callbackUrl, Map<String, Object> metadata) {}

  /** A payment row as a callback needs it. */
  public record Row(long id, String serial, BigDecimal amount, String currency, int status, String sender) {}

  /** What a webhook needs before it may act: the company's secret key (null without one), whether it is enabled. */
  public record WebhookContext(String secretKey, boolean enabled) {}

  /**
   * Writes the pending row (status 0) of a payment of {@code amount} in {@code currency} for the customer's device,
   * after checking the device is the customer's (customer 0: a public payment, the device's owner pays).
   *
   * @throws ValidationException 422 when the device or customer is unknown, or the credential has no merchant
   *     e-mail (Paystack needs one)
   */
  public Pending start(long customerId, String serial, BigDecimal amount, String currency, boolean publicPayment) {
    PaystackCredential c = credentials.credential();
    EntityManager em = tenantDb.em();
    List<?> owner = em.createNativeQuery("SELECT person_id, device_type FROM devices WHERE device_serial = ?")
        .setParameter(1, serial).setMaxResults(1).getResultList();
    if (owner.isEmpty() || ((Object[]) owner.get(0))[0] == null) {
      if (publicPayment) {
        throw new PaystackException(400, "Customer not found for device");
      }
      throw ValidationException.field("device_serial", "The selected device serial is invalid.");
    }
    Object[] device = (Object[]) owner.get(0);
    long person = ((Number) device[0]).longValue();
    if (!publicPayment && person != customerId) {
      throw ValidationException.field("customer_id", "The device does not belong to this customer.");
    }
    String secret = credentials.secretKey(c);
    if (secret == null || secret.isBlank() || c.getMerchantEmail() == null || c.getMerchantEmail().isBlank()) {
      throw ValidationException.message("The Paystack credential is not complete (secret key and merchant e-mail).");
    }
    List<?> phones = em.createNativeQuery("SELECT phone FROM addresses WHERE owner_type = 'person' AND owner_id = ?"
        + " ORDER BY is_primary DESC, id LIMIT 1").setParameter(1, person).getResultList();
    String sender = phones.isEmpty() || phones.get(0) == null ? "" : phones.get(0).toString();
    String orderId = UUID.randomUUID().toString();
    String reference = UUID.randomUUID().toString();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("order_id", orderId);
    meta.put("serial_id", serial);
    meta.put("customer_id", person);
    meta.put("transaction_type", "energy");
    meta.put("sender", sender);
    if (publicPayment) {
      meta.put("public_payment", "true");
    }
    var json = Json.createObjectBuilder();
    meta.forEach((k, v) -> json.add(k, String.valueOf(v)));
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long id = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO paystack_transactions (amount, currency,"
        + " order_id, reference_id, status, customer_id, serial_id, device_type, metadata, attempts, created_at,"
        + " updated_at)", "(?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, ?)", List.<Object[]>of(new Object[] {amount, currency,
            orderId, reference, person, serial, device[1], json.build().toString(), now, now}))
        .get(0);
    return new Pending(id, reference, amount, currency, secret, c.getMerchantEmail(), c.getCallbackUrl(), meta);
  }

  /** Paystack accepted the initialisation: its reference and the payment page's URL. */
  public void initialized(long rowId, String paystackReference, String paymentUrl) {
    tenantDb.em().createNativeQuery("UPDATE paystack_transactions SET paystack_reference = ?, payment_url = ?,"
            + " attempts = attempts + 1, updated_at = ? WHERE id = ?")
        .setParameter(1, paystackReference).setParameter(2, paymentUrl)
        .setParameter(3, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(4, rowId).executeUpdate();
  }

  /** The initialisation failed: the row is kept as failed (-1), nothing can be paid on it. */
  public void initializationFailed(long rowId) {
    setStatusIfPending(rowId, -1, null);
  }

  /** Paystack reports the charge failed: a pending row becomes failed (-1); a completed one stays. */
  public void chargeFailed(long rowId, String externalId) {
    setStatusIfPending(rowId, -1, externalId);
  }

  private void setStatusIfPending(long rowId, int status, String externalId) {
    tenantDb.em().createNativeQuery("UPDATE paystack_transactions SET status = ?, external_transaction_id ="
            + " COALESCE(?, external_transaction_id), updated_at = ? WHERE id = ? AND status = 0")
        .setParameter(1, status).setParameter(2, externalId).setParameter(3, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(4, rowId).executeUpdate();
  }

  /** The company's secret key and whether the plugin is enabled (read without the enablement check). */
  public WebhookContext webhookContext() {
    List<PaystackCredential> rows = tenantDb.em().createQuery("SELECT c FROM PaystackCredential c ORDER BY c.id",
        PaystackCredential.class).setMaxResults(1).getResultList();
    String secret = rows.isEmpty() ? null : credentials.secretKey(rows.get(0));
    return new WebhookContext(secret, gate.enabled(PaystackCredentialService.PLUGIN_ID));
  }

  /** The clear secret key for the verify route (403 unless the plugin is enabled). */
  public String secretKey() {
    return credentials.secretKey(credentials.credential());
  }

  /** The row Paystack's reference names (the one it gave, or the one sent at initialisation). */
  public Optional<Row> byReference(String reference) {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, serial_id, amount, currency, status,"
            + " JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.sender')) FROM paystack_transactions"
            + " WHERE paystack_reference = ?"
            + " UNION ALL SELECT id, serial_id, amount, currency, status,"
            + " JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.sender')) FROM paystack_transactions WHERE reference_id = ?"
            + " LIMIT 1")
        .setParameter(1, reference).setParameter(2, reference).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new Row(((Number) r[0]).longValue(), (String) r[1], new BigDecimal(r[2].toString()),
        (String) r[3], ((Number) r[4]).intValue(), r[5] == null ? "" : r[5].toString()));
  }

  /** A payment as the public result page shows it, with its token once issued. */
  public record Result(Map<String, Object> transaction, Map<String, Object> token, boolean credited) {}

  /** The public result page's view of the payment with this reference (404 when the company has none). */
  public Result result(String reference) {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
    Row row = byReference(reference).orElseThrow(PaystackException::notFound);
    EntityManager em = tenantDb.em();
    Object[] r = (Object[]) em.createNativeQuery("SELECT id, amount, currency, serial_id, device_type, status,"
        + " created_at FROM paystack_transactions WHERE id = ?").setParameter(1, row.id()).getSingleResult();
    List<?> booked = em.createNativeQuery("SELECT x.type, k.token, k.token_type, k.token_unit, k.token_amount"
            + " FROM transactions x LEFT JOIN tokens k ON k.transaction_id = x.id WHERE"
            + " x.original_transaction_type = 'paystack_transaction' AND x.original_transaction_id = ?")
        .setParameter(1, row.id()).setMaxResults(1).getResultList();
    Object[] b = booked.isEmpty() ? null : (Object[]) booked.get(0);
    Map<String, Object> tx = new LinkedHashMap<>();
    tx.put("id", r[0]);
    tx.put("amount", new BigDecimal(r[1].toString()).doubleValue());
    tx.put("currency", r[2]);
    tx.put("serial_id", r[3]);
    tx.put("device_type", r[4] == null ? "meter" : r[4]);
    tx.put("payment_type", b == null ? null : b[0]);
    tx.put("status", r[5]);
    tx.put("created_at", r[6] instanceof Timestamp t ? t.toLocalDateTime() : r[6]);
    Map<String, Object> token = null;
    if (b != null && b[1] != null) {
      token = new LinkedHashMap<>();
      token.put("token", b[1]);
      token.put("token_type", b[2]);
      token.put("token_unit", b[3]);
      token.put("token_amount", b[4]);
    }
    return new Result(tx, token, b != null);
  }

  /** Whether a device with this serial can be paid: a meter in use, or a solar home system. */
  public boolean payableDevice(String serial, String deviceType) {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
    String sql = "solar_home_system".equals(deviceType)
        ? "SELECT COUNT(*) FROM solar_home_systems WHERE serial_number = ?"
        : "SELECT COUNT(*) FROM meters WHERE serial_number = ? AND in_use = 1";
    return ((Number) tenantDb.em().createNativeQuery(sql).setParameter(1, serial).getSingleResult()).longValue() > 0;
  }

  /** 403 unless the company has enabled the plugin. */
  public void requireEnabled() {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
  }

  /** Keeps a callback refused before it could name a payment (bad signature, unknown reference). */
  public void refuse(String reason, String event, String reference, String bodySha256) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO paystack_callback_refusals (reason, event, reference, body_sha256,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, limit(reason, 191)).setParameter(2, limit(event, 64)).setParameter(3, limit(reference, 191))
        .setParameter(4, bodySha256).setParameter(5, now).setParameter(6, now).executeUpdate();
  }

  /** A page of the company's Paystack transactions, newest first. */
  public Page<Map<String, Object>> page(int page, int perPage) {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
    EntityManager em = tenantDb.em();
    long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM paystack_transactions").getSingleResult())
        .longValue();
    List<?> rows = em.createNativeQuery(SELECT + " ORDER BY id DESC LIMIT ? OFFSET ?").setParameter(1, perPage)
        .setParameter(2, (long) (page - 1) * perPage).getResultList();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Object o : rows) {
      items.add(row((Object[]) o));
    }
    return new Page<>(items, page, perPage, total);
  }

  /** One of the company's Paystack transactions. */
  public Optional<Map<String, Object>> byId(long id) {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
    List<?> rows = tenantDb.em().createNativeQuery(SELECT + " WHERE id = ?").setParameter(1, id).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(row((Object[]) rows.get(0)));
  }

  /**
   * The console's change of a row ({@code PUT /transactions/{id}}): only of one Paystack's confirmation has not
   * reached (neither credited nor refused by the pipeline), and only its status, to pending (0) or abandoned (3);
   * the amount and currency are those Paystack was asked for, and a payment is marked paid only by Paystack.
   *
   * @throws PaystackException 409 when the row was credited or refused
   * @throws ValidationException 422 for another amount or currency, or status 1 or 2
   */
  public Optional<Map<String, Object>> update(long id, BigDecimal amount, String currency, Integer status) {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
    EntityManager em = tenantDb.em();
    List<?> found = em.createNativeQuery("SELECT amount, currency, status, paystack_reference, reference_id FROM"
        + " paystack_transactions WHERE id = ? FOR UPDATE").setParameter(1, id).getResultList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) found.get(0);
    requireUnsettled(id, ((Number) r[2]).intValue(), (String) r[3], (String) r[4], "changed");
    if (amount != null && new BigDecimal(r[0].toString()).compareTo(amount) != 0) {
      throw ValidationException.field("amount", "The amount of a payment initialised with Paystack cannot be"
          + " changed.");
    }
    if (currency != null && !currency.equalsIgnoreCase((String) r[1])) {
      throw ValidationException.field("currency", "The currency of a payment initialised with Paystack cannot be"
          + " changed.");
    }
    if (status != null && status != 0 && status != 3) {
      throw ValidationException.field("status", "A payment is marked paid only when Paystack confirms it.");
    }
    if (status != null) {
      em.createNativeQuery("UPDATE paystack_transactions SET status = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, status).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(3, id)
          .executeUpdate();
    }
    return byId(id);
  }

  /**
   * The console's removal of a row ({@code DELETE /transactions/{id}}): only of one Paystack's confirmation has
   * not reached; a webhook arriving afterwards names no payment and is refused and kept.
   *
   * @return false when the company has no such row
   * @throws PaystackException 409 when it was credited or refused
   */
  public boolean delete(long id) {
    gate.requireEnabled(PaystackCredentialService.PLUGIN_ID);
    EntityManager em = tenantDb.em();
    List<?> found = em.createNativeQuery("SELECT status, paystack_reference, reference_id FROM paystack_transactions"
        + " WHERE id = ? FOR UPDATE").setParameter(1, id).getResultList();
    if (found.isEmpty()) {
      return false;
    }
    Object[] r = (Object[]) found.get(0);
    requireUnsettled(id, ((Number) r[0]).intValue(), (String) r[1], (String) r[2], "deleted");
    em.createNativeQuery("DELETE FROM paystack_transactions WHERE id = ?").setParameter(1, id).executeUpdate();
    return true;
  }

  /** 409 when the pipeline settled the row ({@link ProviderRows#settled}). */
  private void requireUnsettled(long id, int status, String paystackReference, String reference, String what) {
    if (ProviderRows.settled(tenantDb.em(), PaystackPaymentProvider.MORPH, id, status, PaystackPayments.SCOPE,
        paystackReference, reference)) {
      throw new PaystackException(409, "A payment Paystack confirmed cannot be " + what + ".");
    }
  }

  private static final String SELECT = "SELECT id, amount, currency, order_id, reference_id, status,"
      + " external_transaction_id, customer_id, serial_id, device_type, paystack_reference,"
      + " manufacturer_transaction_type, manufacturer_transaction_id, payment_url, metadata, attempts, created_at,"
      + " updated_at FROM paystack_transactions";
  private static final String[] COLUMNS = {"id", "amount", "currency", "order_id", "reference_id", "status",
      "external_transaction_id", "customer_id", "serial_id", "device_type", "paystack_reference",
      "manufacturer_transaction_type", "manufacturer_transaction_id", "payment_url", "metadata", "attempts",
      "created_at", "updated_at"};

  /** A row by column name; timestamps as {@link LocalDateTime}, metadata as its JSON text. */
  private static Map<String, Object> row(Object[] r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.length; i++) {
      Object v = r[i];
      if (v instanceof Timestamp t) {
        v = t.toLocalDateTime();
      }
      m.put(COLUMNS[i], v);
    }
    return m;
  }

  private static String limit(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
