package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.customer.Person;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.Meter;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.MeterTariffs;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantDatabase;

/**
 * The payment pipeline's transactional steps, each its own tenant transaction. {@link #ingest} is the atomic
 * unit of DESIGN.md's invariants 1–3: the idempotency key, the provider row, the {@code transactions} row, the
 * allocation (overdue installments, then access-rate debt, each with its {@code payment_histories} row) and the
 * durable vend request commit together or not at all. What remains for credit is vended later by
 * {@link PaymentWorker} through {@link VendSteps}; {@link PaymentIngress} is the entry that answers replays and
 * keeps rejected attempts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentEngine {

  /** Decimals a payment amount may have (a currency's minor unit). */
  static final int AMOUNT_SCALE = 2;
  /** The largest amount one payment may carry. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

  @Inject TenantDatabase tenantDb;
  @Inject PaymentProviders providers;
  @Inject DeviceService devices;
  @Inject MeterTariffs meterTariffs;
  @Inject PaymentJobs jobs;

  /** An accepted payment: its {@code transactions} id, and whether this answer replays an earlier request. */
  public record Accepted(long transactionId, boolean replayed) {}

  /**
   * The transaction an earlier request with the same idempotency key created; empty when the key is new.
   *
   * @throws PaymentRejectedException 409 when the key was used for a different payment
   */
  public Optional<Long> replayOf(PaymentRequest r) {
    List<?> rows = em().createNativeQuery("SELECT request_hash, transaction_id FROM payment_idempotency_keys"
            + " WHERE scope = ? AND idempotency_key = ?")
        .setParameter(1, r.idempotencyScope()).setParameter(2, r.idempotencyKey()).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    if (!r.fingerprint().equals(row[0])) {
      throw new PaymentRejectedException(409, null,
          "This Idempotency-Key was already used for a different payment.");
    }
    return row[1] == null ? Optional.empty() : Optional.of(((Number) row[1]).longValue());
  }

  /** Accepts a payment: everything up to the durable vend request, in this one transaction. */
  public Accepted ingest(PaymentRequest r) {
    PaymentProvider provider = providers.get(r.provider());
    LocalDateTime at = r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
    EntityManager em = em();
    if (r.keyed()) {
      // First write of the payment: a concurrent request with the same key waits here for this one to end.
      em.createNativeQuery("INSERT INTO payment_idempotency_keys (scope, idempotency_key, request_hash,"
              + " created_at) VALUES (?, ?, ?, ?)")
          .setParameter(1, r.idempotencyScope()).setParameter(2, r.idempotencyKey())
          .setParameter(3, r.fingerprint()).setParameter(4, Timestamp.valueOf(at)).executeUpdate();
    }
    BigDecimal amount = validAmount(r);
    Device device = payableDevice(r.deviceSerial());
    ManufacturerApi api = devices.api(device).filter(ManufacturerApi::vendsCredit).orElseThrow(() ->
        PaymentRejectedException.invalid("device_serial",
            "The manufacturer of device " + device.getDeviceSerial() + " does not support token generation."));
    String blocked = api.chargeBlockedReason(device);
    if (blocked != null) {
      throw PaymentRejectedException.invalid("device_serial", blocked);
    }
    long personId = device.getPersonId();
    // One payment of a customer at a time: debts and installments are read and paid under this lock.
    em.createNativeQuery("SELECT id FROM people WHERE id = ? FOR UPDATE").setParameter(1, personId)
        .getResultList();

    String sender = provider.sender(r);
    long providerRowId = provider.record(r, PaymentProvider.STATUS_PENDING);
    long transactionId = NativeSql.insert(em, "INSERT INTO transactions (original_transaction_id, original_transaction_type,"
        + " amount, type, sender, message, created_at, updated_at) VALUES (?, ?, ?, 'energy', ?, ?, ?, ?)",
        providerRowId, provider.morph(), amount.doubleValue(), sender, device.getDeviceSerial(), ts(at), ts(at));

    Allocation allocation = new Allocation(em, transactionId, provider.morph(), sender, personId, at);
    BigDecimal residual = payInstallments(allocation, amount);
    if (Meter.MORPH.equals(device.getDeviceType())) {
      residual = payAccessRate(allocation, device.getDeviceId(), residual);
      checkMinimumPurchase(device, residual);
    }
    // The provider's own rules and bookkeeping last, so a lock it takes (an agent's row) is held only briefly.
    provider.accept(r, providerRowId, transactionId);
    if (r.keyed()) {
      em.createNativeQuery("UPDATE payment_idempotency_keys SET transaction_id = ? WHERE scope = ?"
              + " AND idempotency_key = ?")
          .setParameter(1, transactionId).setParameter(2, r.idempotencyScope())
          .setParameter(3, r.idempotencyKey()).executeUpdate();
    }
    if (residual.signum() > 0) {
      jobs.enqueue(PaymentJobs.VEND, transactionId, residual, at);
    } else {
      // Everything went to debts: no credit to vend, the payment is complete now.
      setProviderStatus(em, provider, List.of(providerRowId), PaymentProvider.STATUS_SUCCESS, at);
      jobs.confirm(List.of(new SmsService.Confirmation(transactionId, device.getDeviceSerial(), sender,
          amount.doubleValue(), null, at)));
    }
    return new Accepted(transactionId, false);
  }

  /**
   * Keeps a refused attempt (MPM loses most of them): the provider row with status -1, a {@code transactions}
   * row with the amount as sent (0 when it was not a number) and a {@code transaction_conflicts} row with the
   * reason. Returns the transaction id.
   */
  public long recordRejection(PaymentRequest r, String reason) {
    PaymentProvider provider = providers.get(r.provider());
    LocalDateTime at = Timestamped.nowUtc();
    long providerRowId = provider.record(r, PaymentProvider.STATUS_FAILED);
    double amount = r.amount() == null ? 0 : r.amount().doubleValue();
    String serial = r.deviceSerial() == null || r.deviceSerial().isBlank() ? "-" : limit(r.deviceSerial(), 191);
    long transactionId = insert("INSERT INTO transactions (original_transaction_id, original_transaction_type,"
        + " amount, type, sender, message, created_at, updated_at) VALUES (?, ?, ?, 'energy', ?, ?, ?, ?)",
        providerRowId, provider.morph(), amount, provider.sender(r), serial, ts(at), ts(at));
    String state = "Rejected: " + reason + (r.amount() == null && r.rawAmount() != null
        ? " (amount sent: " + limit(r.rawAmount(), 100) + ")" : "");
    addConflict(em(), provider.morph(), providerRowId, state, at);
    return transactionId;
  }

  private BigDecimal validAmount(PaymentRequest r) {
    BigDecimal amount = r.amount();
    if (amount == null && r.rawAmount() == null) {
      throw new PaymentRejectedException(422, null, "Transaction amount not found");
    }
    if (amount == null) {
      throw PaymentRejectedException.invalid("amount", "The amount must be a number.");
    }
    if (amount.signum() <= 0) {
      throw PaymentRejectedException.invalid("amount", "The amount must be greater than 0.");
    }
    if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
      throw PaymentRejectedException.invalid("amount", "The amount may have at most " + AMOUNT_SCALE
          + " decimal places.");
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw PaymentRejectedException.invalid("amount", "The amount may not be greater than "
          + MAX_AMOUNT.toPlainString() + ".");
    }
    return amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
  }

  private Device payableDevice(String serial) {
    if (serial == null || serial.isBlank()) {
      throw PaymentRejectedException.invalid("device_serial", "The device serial field is required.");
    }
    List<Device> found = em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial = :s", Device.class)
        .setParameter("s", serial).setMaxResults(1).getResultList();
    if (found.isEmpty()) {
      throw PaymentRejectedException.invalid("device_serial", "No device with serial " + serial + " exists.");
    }
    Device d = found.get(0);
    if (d.getPersonId() == null) {
      throw PaymentRejectedException.invalid("device_serial", "Device " + serial
          + " is not assigned to a customer, so a payment cannot be booked for it.");
    }
    return d;
  }

  /** Where a payment is allocated: its transaction's manager, the transaction, provider, payer and time. */
  private record Allocation(EntityManager em, long transactionId, String service, String sender, long personId, LocalDateTime at) {}

  /**
   * Overdue installments of the customer's contracts without a device (a TV on credit), oldest due first; a
   * rate is paid in whole currency units (rates are integers), the rest stays for the next step.
   */
  private BigDecimal payInstallments(Allocation a, BigDecimal residual) {
    List<?> rates = a.em().createNativeQuery("SELECT r.id, r.remaining FROM appliance_rates r"
            + " JOIN appliance_people ap ON ap.id = r.appliance_person_id"
            + " WHERE ap.person_id = ? AND ap.deleted_at IS NULL AND (ap.device_serial IS NULL OR ap.device_serial = '')"
            + " AND r.remaining > 0 AND r.due_date < ? ORDER BY r.due_date, r.id FOR UPDATE")
        .setParameter(1, a.personId()).setParameter(2, ts(a.at().toLocalDate().atStartOfDay())).getResultList();
    for (Object o : rates) {
      BigDecimal whole = residual.setScale(0, RoundingMode.DOWN);
      if (whole.signum() <= 0) {
        break;
      }
      Object[] rate = (Object[]) o;
      long rateId = ((Number) rate[0]).longValue();
      BigDecimal remaining = BigDecimal.valueOf(((Number) rate[1]).longValue());
      BigDecimal paid = remaining.min(whole);
      a.em().createNativeQuery("UPDATE appliance_rates SET remaining = remaining - ?, updated_at = ? WHERE id = ?")
          .setParameter(1, paid.longValueExact()).setParameter(2, ts(a.at())).setParameter(3, rateId)
          .executeUpdate();
      history(a, paid, "installment", "appliance_rate", rateId);
      residual = residual.subtract(paid);
    }
    return residual;
  }

  /** The meter's access-rate debt (MPM's AccessRatePayer), recorded with the amount actually paid. */
  private BigDecimal payAccessRate(Allocation a, long meterId, BigDecimal residual) {
    List<?> debts = a.em().createNativeQuery("SELECT id, debt, access_rate_id FROM access_rate_payments"
            + " WHERE meter_id = ? AND debt > 0 ORDER BY due_date, id FOR UPDATE")
        .setParameter(1, meterId).getResultList();
    for (Object o : debts) {
      if (residual.signum() <= 0) {
        break;
      }
      Object[] row = (Object[]) o;
      long id = ((Number) row[0]).longValue();
      BigDecimal debt = new BigDecimal(row[1].toString()).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
      BigDecimal paid = debt.min(residual);
      a.em().createNativeQuery("UPDATE access_rate_payments SET debt = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, debt.subtract(paid).doubleValue()).setParameter(2, ts(a.at())).setParameter(3, id)
          .executeUpdate();
      history(a, paid, "access rate", "access_rate", ((Number) row[2]).longValue());
      residual = residual.subtract(paid);
    }
    return residual;
  }

  /** What is left for energy must reach the tariff's minimum purchase (nothing left is fine: debts only). */
  private void checkMinimumPurchase(Device device, BigDecimal residual) {
    if (residual.signum() <= 0) {
      return;
    }
    meterTariffs.terms(device).ifPresent(terms -> {
      BigDecimal minimum = terms.minimumPurchaseAmount();
      if (minimum != null && residual.compareTo(minimum) < 0) {
        throw PaymentRejectedException.invalid("amount", "After debts of the customer, "
            + residual.toPlainString() + " is left for energy, below the minimum purchase amount of "
            + minimum.stripTrailingZeros().toPlainString() + " of this tariff.");
      }
    });
  }

  private void history(Allocation a, BigDecimal amount, String type, String paidForType, long paidForId) {
    writeHistory(a.em(), a.transactionId(), a.service(), a.sender(), amount, type, paidForType, paidForId,
        a.personId(), a.at());
  }

  /** One {@code payment_histories} row of a transaction, paid by a person. */
  static void writeHistory(EntityManager em, long transactionId, String service, String sender, BigDecimal amount,
      String type, String paidForType, long paidForId, long personId, LocalDateTime at) {
    em.createNativeQuery("INSERT INTO payment_histories (amount, transaction_id, payment_service, sender,"
            + " payment_type, paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, amount.doubleValue()).setParameter(2, transactionId).setParameter(3, service)
        .setParameter(4, sender).setParameter(5, type).setParameter(6, paidForType).setParameter(7, paidForId)
        .setParameter(8, Person.MORPH).setParameter(9, personId).setParameter(10, ts(at)).setParameter(11, ts(at))
        .executeUpdate();
  }

  /** Sets the status of provider rows (one statement). */
  static void setProviderStatus(EntityManager em, PaymentProvider provider, List<Long> rowIds, int status,
      LocalDateTime at) {
    em.createNativeQuery("UPDATE " + provider.table() + " SET status = ?, updated_at = ? WHERE id IN ("
            + NativeSql.idList(rowIds) + ")")
        .setParameter(1, status).setParameter(2, ts(at)).executeUpdate();
  }

  /** A {@code transaction_conflicts} row on a provider row. */
  static void addConflict(EntityManager em, String morph, long providerRowId, String state, LocalDateTime at) {
    em.createNativeQuery("INSERT INTO transaction_conflicts (transaction_type, transaction_id, state, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, morph).setParameter(2, providerRowId).setParameter(3, state).setParameter(4, ts(at))
        .setParameter(5, ts(at)).executeUpdate();
  }

  /** Runs an INSERT and returns the generated id (same connection: the tenant EM holds one per transaction). */
  long insert(String sql, Object... params) {
    return insert(em(), sql, params);
  }

  static long insert(EntityManager em, String sql, Object... params) {
    return NativeSql.insert(em, sql, params);
  }

  static Timestamp ts(LocalDateTime t) {
    return Timestamp.valueOf(t);
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
