package org.mpm.plugins.safaricom;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mpm.common.NativeSql;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's STK pushes (tenant {@code safaricom_transactions}): reading them, the row written before a push
 * is sent, and what Daraja answered. Crediting is not here: a reported payment enters through the payment pipeline
 * ({@link SafaricomPaymentProvider}). Every method is one short tenant transaction; none calls Daraja.
 */
@Stateless
public class SafaricomTransactionService {

  /** The {@code order_id} prefix of rows that record a callback for a push the company never started. */
  static final String UNKNOWN_PREFIX = "callback-";

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** A payable device: its owner and kind. */
  public record PayableDevice(String serial, String deviceType, Long customerId) {}

  public void requireEnabled() {
    gate.requireEnabled(SafaricomCredentialService.PLUGIN_ID);
  }

  public boolean enabled() {
    return gate.enabled(SafaricomCredentialService.PLUGIN_ID);
  }

  public Page<SafaricomTransaction> page(int page, int perPage) {
    requireEnabled();
    EntityManager em = tenantDb.em();
    long total = em.createQuery("SELECT COUNT(t) FROM SafaricomTransaction t", Long.class).getSingleResult();
    List<SafaricomTransaction> rows = em.createQuery("SELECT t FROM SafaricomTransaction t ORDER BY t.id",
        SafaricomTransaction.class).setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    return new Page<>(rows, page, perPage, total);
  }

  public Optional<SafaricomTransaction> byId(long id) {
    requireEnabled();
    return Optional.ofNullable(tenantDb.em().find(SafaricomTransaction.class, id));
  }

  public Optional<SafaricomTransaction> byReference(String referenceId) {
    requireEnabled();
    return tenantDb.em().createQuery("SELECT t FROM SafaricomTransaction t WHERE t.referenceId = :r",
        SafaricomTransaction.class).setParameter("r", referenceId).getResultStream().findFirst();
  }

  /** The push the company started with this CheckoutRequestID (not a record of an unknown callback). */
  public Optional<SafaricomTransaction> byCheckout(String checkoutRequestId) {
    return tenantDb.em().createQuery("SELECT t FROM SafaricomTransaction t WHERE t.checkoutRequestId = :c"
            + " AND t.orderId NOT LIKE :unknown ORDER BY t.id", SafaricomTransaction.class)
        .setParameter("c", checkoutRequestId).setParameter("unknown", UNKNOWN_PREFIX + "%").setMaxResults(1)
        .getResultStream().findFirst();
  }

  /**
   * MPM's device check: a meter in use or a solar home system with this serial, and its owner (null when it has
   * none); empty when there is no such device.
   */
  public Optional<PayableDevice> device(String serial, String deviceType) {
    requireEnabled();
    String sql = "solar_home_system".equals(deviceType)
        ? "SELECT d.person_id FROM solar_home_systems s LEFT JOIN devices d ON d.device_type = 'solar_home_system'"
            + " AND d.device_id = s.id WHERE s.serial_number = ?"
        : "SELECT d.person_id FROM meters m LEFT JOIN devices d ON d.device_type = 'meter' AND d.device_id = m.id"
            + " WHERE m.serial_number = ? AND m.in_use = 1";
    List<?> rows = tenantDb.em().createNativeQuery(sql).setParameter(1, serial).setMaxResults(1).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object person = rows.get(0);
    return Optional.of(new PayableDevice(serial, deviceType,
        person == null ? null : ((Number) person).longValue()));
  }

  /** The row of a push about to be sent (status 0), after the device check; the push is sent after commit. */
  public SafaricomTransaction open(BigDecimal amount, String phone, PayableDevice device, String description,
      String type) {
    requireEnabled();
    PayableDevice found = device(device.serial(), device.deviceType())
        .orElseThrow(() -> new SafaricomError(422, "Unknown device serial — pick a registered meter or SHS."));
    if (found.customerId() == null) {
      throw new SafaricomError(422, "No customer is linked to that device — assign one before charging.");
    }
    String referenceId = UUID.randomUUID().toString();
    String accountReference = truncate(device.serial(), 12);
    String desc = truncate(description == null || description.isBlank() ? "MPM Payment" : description, 13);
    String metadata = Json.createObjectBuilder().add("customer_id", found.customerId())
        .add("serial_id", device.serial()).add("transaction_type", type).build().toString();
    SafaricomTransaction row = new SafaricomTransaction(amount, UUID.randomUUID().toString(), referenceId,
        found.customerId(), device.serial(), device.deviceType(), phone, accountReference, desc, metadata);
    tenantDb.em().persist(row);
    tenantDb.em().flush();
    return row;
  }

  /** Daraja accepted the push: its ids and answer. */
  public void pushed(long id, String checkoutRequestId, String merchantRequestId, String answer) {
    execute("UPDATE safaricom_transactions SET checkout_request_id = ?, merchant_request_id = ?, response_data = ?,"
        + " attempts = attempts + 1, updated_at = ? WHERE id = ?",
        checkoutRequestId, merchantRequestId, answer, now(), id);
  }

  /** Daraja refused the push or could not be reached: the row fails with the reason. */
  public void pushFailed(long id, String reason) {
    String data = Json.createObjectBuilder().add("error", reason).build().toString();
    execute("UPDATE safaricom_transactions SET status = -1, response_data = ?, attempts = attempts + 1,"
        + " updated_at = ? WHERE id = ? AND status = 0", data, now(), id);
  }

  /** Daraja reported a failed push (-1) or one the customer cancelled (3); a settled row is left alone. */
  public void failed(long id, int status, String result) {
    execute("UPDATE safaricom_transactions SET status = ?, response_data = ?, updated_at = ? WHERE id = ?"
        + " AND status = 0", status, result, now(), id);
  }

  /** What Daraja reported with a payment (receipt, time, the callback), kept whatever became of the payment. */
  public void reported(long id, String receipt, LocalDateTime transactionDate, String result) {
    execute("UPDATE safaricom_transactions SET mpesa_receipt_number = COALESCE(?, mpesa_receipt_number),"
        + " external_transaction_id = COALESCE(?, external_transaction_id),"
        + " transaction_date = COALESCE(?, transaction_date), response_data = ?, updated_at = ? WHERE id = ?",
        receipt, receipt, transactionDate == null ? null : Timestamp.valueOf(transactionDate), result, now(), id);
  }

  /**
   * A callback for a CheckoutRequestID the company never started: kept once as a failed row with a conflict that
   * says so; a repeat of it adds nothing. Returns whether it was new.
   */
  public boolean recordUnknown(String checkoutRequestId, String merchantRequestId, String phone, BigDecimal amount,
      String callback) {
    EntityManager em = tenantDb.em();
    List<?> seen = em.createNativeQuery("SELECT id FROM safaricom_transactions WHERE checkout_request_id = ?"
            + " AND order_id LIKE ? FOR UPDATE")
        .setParameter(1, checkoutRequestId).setParameter(2, UNKNOWN_PREFIX + "%").getResultList();
    if (!seen.isEmpty()) {
      return false;
    }
    Timestamp now = now();
    long id = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO safaricom_transactions (amount, currency,"
        + " order_id, reference_id, status, customer_id, phone_number, checkout_request_id, merchant_request_id,"
        + " response_data, created_at, updated_at)", "(?, 'KES', ?, ?, -1, 0, ?, ?, ?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {amount == null ? BigDecimal.ZERO : amount,
            UNKNOWN_PREFIX + UUID.randomUUID(), UUID.randomUUID().toString(), phone == null ? "" : truncate(phone, 191),
            truncate(checkoutRequestId, 191), merchantRequestId == null ? null : truncate(merchantRequestId, 191),
            callback, now, now})).get(0);
    em.createNativeQuery("INSERT INTO transaction_conflicts (transaction_type, transaction_id, state, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, SafaricomTransaction.MORPH).setParameter(2, id)
        .setParameter(3, truncate("Rejected: M-Pesa callback for an unknown CheckoutRequestID "
            + checkoutRequestId, 1000))
        .setParameter(4, now).setParameter(5, now).executeUpdate();
    return true;
  }

  /** Whether the row has a conflict or a {@code transactions} row (the payment was refused or taken). */
  public boolean settled(long id) {
    return !tenantDb.em().createNativeQuery("SELECT 1 FROM transaction_conflicts WHERE transaction_type = ?"
            + " AND transaction_id = ? UNION ALL SELECT 1 FROM transactions WHERE original_transaction_type = ?"
            + " AND original_transaction_id = ?")
        .setParameter(1, SafaricomTransaction.MORPH).setParameter(2, id)
        .setParameter(3, SafaricomTransaction.MORPH).setParameter(4, id).setMaxResults(1).getResultList().isEmpty();
  }

  public Optional<SafaricomTransaction> fresh(long id) {
    EntityManager em = tenantDb.em();
    SafaricomTransaction t = em.find(SafaricomTransaction.class, id);
    if (t != null) {
      em.refresh(t);
    }
    return Optional.ofNullable(t);
  }

  private void execute(String sql, Object... params) {
    NativeSql.execute(tenantDb.connection(), sql, Arrays.asList(params));
  }

  private static Timestamp now() {
    return Timestamp.valueOf(Timestamped.nowUtc());
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
