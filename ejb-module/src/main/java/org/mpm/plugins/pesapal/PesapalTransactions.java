package org.mpm.plugins.pesapal;

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
 * The company's {@code pesapal_transactions}: the pending row written when an order is submitted, what Pesapal
 * answered, the statuses it reports, the lookups of the IPN and the pages, the IPNs that credited nothing
 * ({@code pesapal_ipn_refusals}) and the console's list. Each method is one short tenant transaction; Pesapal is
 * called between them, never inside one.
 */
@Stateless
public class PesapalTransactions {

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;
  @Inject PesapalCredentials credentials;

  /** An order about to be submitted: its row and what the call needs. */
  public record Pending(long rowId, String referenceId, BigDecimal amount, String currency, String serial,
      String deviceType, String phone, PesapalAccount account) {}

  /** A row as the IPN and the pages need it. */
  public record Row(long id, String referenceId, String serial, BigDecimal amount, String currency, int status,
      String sender, String orderTrackingId, String merchantReference) {}

  /**
   * Writes the pending row (status 0) of an order of {@code amount} in {@code currency} (null: the credential's)
   * for the customer's device, after checking the device is the customer's (customer 0: a public payment, the
   * device's owner pays) and that the credential can submit an order.
   *
   * @throws ValidationException 422 when the device or customer is unknown or the credential is not complete
   */
  public Pending start(long customerId, String serial, BigDecimal amount, String currency, boolean publicPayment) {
    PesapalAccount account = credentials.account();
    EntityManager em = tenantDb.em();
    List<?> owner = em.createNativeQuery("SELECT person_id, device_type FROM devices WHERE device_serial = ?")
        .setParameter(1, serial).setMaxResults(1).getResultList();
    if (owner.isEmpty() || ((Object[]) owner.get(0))[0] == null) {
      if (publicPayment) {
        throw new PesapalException(400, "Customer not found for device");
      }
      throw ValidationException.field("device_serial", "The selected device serial is invalid.");
    }
    Object[] device = (Object[]) owner.get(0);
    long person = ((Number) device[0]).longValue();
    if (!publicPayment && person != customerId) {
      throw ValidationException.field("customer_id", "The device does not belong to this customer.");
    }
    if (!account.hasKeys()) {
      throw ValidationException.message("Pesapal consumer key and consumer secret are required.");
    }
    if (account.ipnId() == null || account.ipnId().isBlank()) {
      throw ValidationException.message("PesaPal IPN is not registered for this merchant; save credentials again"
          + " to register one.");
    }
    if (account.callbackUrl() == null || account.callbackUrl().isBlank()) {
      throw ValidationException.message("PesaPal callback URL is not configured; save credentials to populate it.");
    }
    List<?> phones = em.createNativeQuery("SELECT phone FROM addresses WHERE owner_type = 'person' AND owner_id = ?"
        + " ORDER BY is_primary DESC, id LIMIT 1").setParameter(1, person).getResultList();
    String phone = phones.isEmpty() || phones.get(0) == null ? "" : phones.get(0).toString();
    if (phone.isBlank() && (account.merchantEmail() == null || account.merchantEmail().isBlank())) {
      throw ValidationException.message("PesaPal SubmitOrderRequest requires either a customer phone number or a"
          + " merchant email.");
    }
    String cur = currency != null ? currency : account.currency() == null || account.currency().isBlank()
        ? PesapalCredentials.DEFAULT_CURRENCY : account.currency();
    String orderId = UUID.randomUUID().toString();
    String reference = UUID.randomUUID().toString();
    var meta = Json.createObjectBuilder().add("customer_id", person).add("serial_id", serial)
        .add("transaction_type", "energy").add("sender", phone);
    if (publicPayment) {
      meta.add("public_payment", true);
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long id = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO pesapal_transactions (amount, currency,"
        + " order_id, reference_id, status, customer_id, serial_id, device_type, metadata, attempts, created_at,"
        + " updated_at)", "(?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?, ?)", List.<Object[]>of(new Object[] {amount, cur,
            orderId, reference, person, serial, device[1], meta.build().toString(), now, now}))
        .get(0);
    return new Pending(id, reference, amount, cur, serial, device[1] == null ? "meter" : device[1].toString(), phone,
        account);
  }

  /** Pesapal accepted the order: its tracking id, merchant reference and payment page. */
  public void submitted(long rowId, PesapalClient.Order order) {
    tenantDb.em().createNativeQuery("UPDATE pesapal_transactions SET order_tracking_id = ?, merchant_reference = ?,"
            + " payment_url = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?")
        .setParameter(1, order.orderTrackingId()).setParameter(2, order.merchantReference())
        .setParameter(3, order.redirectUrl()).setParameter(4, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(5, rowId).executeUpdate();
  }

  /**
   * A status Pesapal reports for a row that is still waiting: failed (-1) or abandoned (3), with the payment's
   * confirmation code. A row that was paid, or already failed, stays as it is.
   */
  public void reported(long rowId, int status, String confirmationCode) {
    tenantDb.em().createNativeQuery("UPDATE pesapal_transactions SET status = ?, external_transaction_id ="
            + " COALESCE(NULLIF(?, ''), external_transaction_id), updated_at = ? WHERE id = ? AND status = 0")
        .setParameter(1, status).setParameter(2, confirmationCode)
        .setParameter(3, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(4, rowId).executeUpdate();
  }

  /** The row of this tracking id. */
  public Optional<Row> byTrackingId(String orderTrackingId) {
    return find("order_tracking_id", orderTrackingId);
  }

  /** The row of this reference (the one sent to the payer's callback page). */
  public Optional<Row> byReference(String referenceId) {
    return find("reference_id", referenceId);
  }

  private Optional<Row> find(String column, String value) {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, reference_id, serial_id, amount, currency, status,"
            + " JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.sender')), order_tracking_id, merchant_reference"
            + " FROM pesapal_transactions WHERE " + column + " = ? LIMIT 1")
        .setParameter(1, value).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
        new BigDecimal(r[3].toString()), (String) r[4], ((Number) r[5]).intValue(), r[6] == null ? "" : r[6].toString(),
        (String) r[7], (String) r[8]));
  }

  /** Whether the company has enabled the plugin (the IPN asks without being refused). */
  public boolean enabled() {
    return gate.enabled(PesapalCredentials.PLUGIN_ID);
  }

  /** 403 unless the company has enabled the plugin. */
  public void requireEnabled() {
    gate.requireEnabled(PesapalCredentials.PLUGIN_ID);
  }

  /** Keeps an IPN that credited nothing, with its reason. */
  public void refuse(String reason, String orderTrackingId, String merchantReference, String notificationType,
      Integer statusCode) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO pesapal_ipn_refusals (reason, order_tracking_id,"
            + " merchant_reference, notification_type, status_code, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, limit(reason, 191)).setParameter(2, limit(orderTrackingId, 191))
        .setParameter(3, limit(merchantReference, 191)).setParameter(4, limit(notificationType, 64))
        .setParameter(5, statusCode).setParameter(6, now).setParameter(7, now).executeUpdate();
  }

  /** A payment as the public result page shows it, with its token once issued. */
  public record Result(Map<String, Object> transaction, Map<String, Object> token, String tokenStatus) {}

  /** The public result page's view of the row with this reference (404 when the company has none). */
  public Result result(String referenceId) {
    requireEnabled();
    Row row = byReference(referenceId).orElseThrow(PesapalException::notFound);
    EntityManager em = tenantDb.em();
    Object[] r = (Object[]) em.createNativeQuery("SELECT id, amount, currency, serial_id, device_type, status,"
        + " order_tracking_id, merchant_reference, created_at FROM pesapal_transactions WHERE id = ?")
        .setParameter(1, row.id()).getSingleResult();
    List<?> booked = em.createNativeQuery("SELECT x.type, k.token, k.token_type, k.token_unit, k.token_amount"
            + " FROM transactions x LEFT JOIN tokens k ON k.transaction_id = x.id WHERE"
            + " x.original_transaction_type = ? AND x.original_transaction_id = ?")
        .setParameter(1, PesapalPaymentProvider.MORPH).setParameter(2, row.id()).setMaxResults(1).getResultList();
    Object[] b = booked.isEmpty() ? null : (Object[]) booked.get(0);
    Map<String, Object> tx = new LinkedHashMap<>();
    tx.put("id", r[0]);
    tx.put("amount", new BigDecimal(r[1].toString()).doubleValue());
    tx.put("currency", r[2]);
    tx.put("serial_id", r[3]);
    tx.put("device_type", r[4] == null ? "meter" : r[4]);
    tx.put("payment_type", b == null ? null : b[0]);
    tx.put("status", r[5]);
    tx.put("order_tracking_id", r[6]);
    tx.put("merchant_reference", r[7]);
    tx.put("created_at", r[8] instanceof Timestamp t ? t.toLocalDateTime() : r[8]);
    Map<String, Object> token = null;
    if (b != null && b[1] != null) {
      token = new LinkedHashMap<>();
      token.put("token", b[1]);
      token.put("token_type", b[2]);
      token.put("token_unit", b[3]);
      token.put("token_amount", b[4]);
    }
    return new Result(tx, token, token != null ? "generated" : b != null ? "processing" : "pending");
  }

  /** Whether a device with this serial can be paid: a meter in use, or a solar home system. */
  public boolean payableDevice(String serial, String deviceType) {
    requireEnabled();
    String sql = "solar_home_system".equals(deviceType)
        ? "SELECT COUNT(*) FROM solar_home_systems WHERE serial_number = ?"
        : "SELECT COUNT(*) FROM meters WHERE serial_number = ? AND in_use = 1";
    return ((Number) tenantDb.em().createNativeQuery(sql).setParameter(1, serial).getSingleResult()).longValue() > 0;
  }

  /** A page of the company's Pesapal transactions, newest first. */
  public Page<Map<String, Object>> page(int page, int perPage) {
    requireEnabled();
    EntityManager em = tenantDb.em();
    long total = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM pesapal_transactions").getSingleResult())
        .longValue();
    List<?> rows = em.createNativeQuery(SELECT + " ORDER BY id DESC LIMIT ? OFFSET ?").setParameter(1, perPage)
        .setParameter(2, (long) (page - 1) * perPage).getResultList();
    List<Map<String, Object>> items = new ArrayList<>();
    for (Object o : rows) {
      items.add(row((Object[]) o));
    }
    return new Page<>(items, page, perPage, total);
  }

  /** One of the company's Pesapal transactions. */
  public Optional<Map<String, Object>> byId(long id) {
    requireEnabled();
    List<?> rows = tenantDb.em().createNativeQuery(SELECT + " WHERE id = ?").setParameter(1, id).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(row((Object[]) rows.get(0)));
  }

  /**
   * The console's change of a row ({@code PUT /transactions/{id}}): only of one Pesapal's confirmation has not
   * reached ({@link ProviderRows#settled}), and only its status, to pending (0) or abandoned (3); the amount and
   * currency are those the order was submitted with, and a payment is marked paid only through the pipeline.
   *
   * @throws PesapalException 404 for no such row, 409 when the row was settled
   * @throws ValidationException 422 for another amount or currency, or status 1 or 2
   */
  public Map<String, Object> update(long id, BigDecimal amount, String currency, Integer status) {
    Object[] r = lockUnsettled(id);
    if (amount != null && new BigDecimal(r[0].toString()).compareTo(amount) != 0) {
      throw ValidationException.field("amount", "The amount of an order submitted to Pesapal cannot be changed.");
    }
    if (currency != null && !currency.equalsIgnoreCase((String) r[1])) {
      throw ValidationException.field("currency", "The currency of an order submitted to Pesapal cannot be"
          + " changed.");
    }
    if (status != null && status != 0 && status != 3) {
      throw ValidationException.field("status", "A Pesapal transaction becomes paid only through a payment.");
    }
    if (status != null) {
      tenantDb.em().createNativeQuery("UPDATE pesapal_transactions SET status = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, status).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(3, id)
          .executeUpdate();
    }
    return byId(id).orElseThrow(PesapalException::notFound);
  }

  /** Deletes a row Pesapal's confirmation has not reached. */
  public void delete(long id) {
    lockUnsettled(id);
    tenantDb.em().createNativeQuery("DELETE FROM pesapal_transactions WHERE id = ?").setParameter(1, id)
        .executeUpdate();
  }

  /** Locks the row and answers its amount and currency; 404 for none, 409 when the pipeline settled it. */
  private Object[] lockUnsettled(long id) {
    requireEnabled();
    List<?> found = tenantDb.em().createNativeQuery("SELECT amount, currency, status, order_tracking_id FROM"
        + " pesapal_transactions WHERE id = ? FOR UPDATE").setParameter(1, id).getResultList();
    if (found.isEmpty()) {
      throw PesapalException.notFound();
    }
    Object[] r = (Object[]) found.get(0);
    if (ProviderRows.settled(tenantDb.em(), PesapalPaymentProvider.MORPH, id, ((Number) r[2]).intValue(),
        PesapalPaymentProvider.SCOPE, (String) r[3])) {
      throw new PesapalException(409, "The payment of this Pesapal transaction was settled; it cannot be changed.");
    }
    return r;
  }

  private static final String SELECT = "SELECT id, amount, currency, order_id, reference_id, status,"
      + " external_transaction_id, customer_id, serial_id, device_type, order_tracking_id, merchant_reference,"
      + " payment_url, metadata, attempts, created_at, updated_at FROM pesapal_transactions";
  private static final String[] COLUMNS = {"id", "amount", "currency", "order_id", "reference_id", "status",
      "external_transaction_id", "customer_id", "serial_id", "device_type", "order_tracking_id",
      "merchant_reference", "payment_url", "metadata", "attempts", "created_at", "updated_at"};

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
