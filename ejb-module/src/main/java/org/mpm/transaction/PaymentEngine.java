package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.ByIds;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.customer.Person;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.Meter;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.device.manufacturer.MeterTariffs;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantDatabase;

/**
 * The payment pipeline's transactional steps, each its own tenant transaction. {@link #ingest} is the atomic
 * unit of DESIGN.md's invariants 1–3: the idempotency key, the provider row, the {@code transactions} row, the
 * allocation (overdue installments, then access-rate debt, each with its {@code payment_histories} row) and the
 * durable vend request commit together or not at all; {@link #ingestAll} does the same for payments that
 * arrived together, each of them whole or not at all, in one transaction. What remains for credit is vended in
 * the same transaction when the device's integration generates tokens locally, otherwise later by
 * {@link PaymentWorker} through {@link PaymentJobSteps}; {@link PaymentIngress} is the entry that answers replays
 * and keeps rejected attempts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentEngine {

  private static final Logger LOG = Logger.getLogger(PaymentEngine.class.getName());

  /** Decimals a payment amount may have (a currency's minor unit). */
  static final int AMOUNT_SCALE = 2;
  /** The largest amount one payment may carry. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

  @Inject TenantDatabase tenantDb;
  @Inject PaymentProviders providers;
  @Inject DeviceService devices;
  @Inject MeterTariffs meterTariffs;
  @Inject PaymentJobs jobs;
  @Inject TokenRecorder tokens;

  /**
   * An accepted payment: its {@code transactions} id, whether this answer replays an earlier request, and whether
   * its acceptance left work in the queue (a vend, an SMS to send) for {@link PaymentWorker}.
   */
  public record Accepted(long transactionId, boolean replayed, boolean queued) {}

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

  /**
   * Accepts a payment: everything up to the durable vend request, in this one transaction.
   *
   * @throws PaymentRejectedException when the payment is refused (nothing is written)
   */
  public Accepted ingest(PaymentRequest r) {
    Outcome o = accept(List.of(r), false).get(0);
    if (o.rejected() != null) {
      throw o.rejected();
    }
    return o.accepted();
  }

  /**
   * Accepts payments of one provider that arrived together, in this one transaction and with a few statements for
   * all of them (group commit): each is checked as {@link #ingest} checks it, in order, and a refused one leaves
   * the others alone. A payment whose idempotency key was seen before, or appears twice in the list, is left to be
   * taken on its own ({@link Outcome#alone()}), where it is answered as a replay. Any other failure rolls back the
   * whole list; the caller then takes each payment on its own.
   */
  public List<Outcome> ingestAll(List<PaymentRequest> requests) {
    return accept(requests, true);
  }

  /** What became of one payment of {@link #ingestAll}: accepted, refused, or left to be taken on its own. */
  public record Outcome(Accepted accepted, PaymentRejectedException rejected) {
    static final Outcome ALONE = new Outcome(null, null);

    public boolean alone() {
      return accepted == null && rejected == null;
    }
  }

  /** A payment being accepted: its request, amount, device and time, and how it is allocated. */
  private static final class Payment {
    final int index;
    final PaymentRequest request;
    final LocalDateTime at;
    BigDecimal amount;
    Device device;
    ManufacturerApi api;
    BigDecimal residual;
    final List<Part> parts = new ArrayList<>();
    long providerRowId;
    long transactionId;

    Payment(int index, PaymentRequest request) {
      this.index = index;
      this.request = request;
      this.at = request.receivedAt() == null ? Timestamped.nowUtc() : request.receivedAt();
    }
  }

  /** A share of a payment that pays a debt: an installment or access-rate debt. */
  private record Part(BigDecimal amount, String type, String paidForType, long paidForId, Debt debt) {}

  /** A debt row read under lock: an appliance rate (whole units) or an access-rate payment. */
  private static final class Debt {
    final long id;
    final long paidForId;
    final LocalDateTime due;
    BigDecimal open;
    boolean touched;

    Debt(long id, long paidForId, LocalDateTime due, BigDecimal open) {
      this.id = id;
      this.paidForId = paidForId;
      this.due = due;
      this.open = open;
    }
  }

  private List<Outcome> accept(List<PaymentRequest> requests, boolean batch) {
    PaymentProvider provider = providers.get(requests.get(0).provider());
    EntityManager em = em();
    Outcome[] out = new Outcome[requests.size()];
    List<Payment> live = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      PaymentRequest r = requests.get(i);
      if (!r.provider().equals(provider.morph())) {
        throw new IllegalArgumentException("A batch of payments has one provider");
      }
      Payment p = new Payment(i, r);
      try {
        p.amount = validAmount(r);
        live.add(p);
      } catch (PaymentRejectedException e) {
        out[i] = new Outcome(null, e);
      }
    }
    if (batch) {
      leaveRepeatedKeysAlone(live, out);
    }
    findDevices(live, out);
    if (!live.isEmpty()) {
      // One payment of a customer at a time: debts and installments are read and paid under these locks.
      lockRows("people", live.stream().map(p -> p.device.getPersonId()).toList());
    }
    Map<Long, List<Debt>> installments = installments(live);
    Map<Long, List<Debt>> accessDebts = accessRateDebts(live);
    PaymentProvider.Admission admission = live.isEmpty() ? null
        : provider.admit(live.stream().map(p -> p.request).toList());
    List<Payment> accepted = new ArrayList<>();
    for (Payment p : live) {
      try {
        allocate(p, installments.getOrDefault(p.device.getPersonId(), List.of()),
            Meter.MORPH.equals(p.device.getDeviceType())
                ? accessDebts.getOrDefault(p.device.getDeviceId(), List.of()) : List.of());
        if (Meter.MORPH.equals(p.device.getDeviceType())) {
          checkMinimumPurchase(p.device, p.residual);
        }
        // The provider's own rules last (an agent's risk balance, counted after the payments before this one).
        admission.check(p.request);
      } catch (PaymentRejectedException e) {
        out[p.index] = new Outcome(null, e);
        continue;
      }
      for (Part part : p.parts) {
        part.debt().open = part.debt().open.subtract(part.amount());
        part.debt().touched = true;
      }
      accepted.add(p);
    }
    if (!accepted.isEmpty()) {
      boolean queued = write(em, provider, admission, accepted, installments, accessDebts);
      for (Payment p : accepted) {
        out[p.index] = new Outcome(new Accepted(p.transactionId, false, queued), null);
      }
    }
    return List.of(out);
  }

  /** Keyed payments whose key is known already, or repeated in the batch, are taken on their own (replays). */
  private void leaveRepeatedKeysAlone(List<Payment> live, Outcome[] out) {
    List<Payment> keyed = live.stream().filter(p -> p.request.keyed()).toList();
    if (keyed.isEmpty()) {
      return;
    }
    // Both columns of the unique key, so that the lookup is a range of that index (pairs are matched below).
    List<String> scopes = keyed.stream().map(p -> p.request.idempotencyScope()).distinct().toList();
    Query q = em().createNativeQuery("SELECT scope, idempotency_key FROM payment_idempotency_keys WHERE scope IN ("
        + NativeSql.in(scopes.size()) + ") AND idempotency_key IN (" + NativeSql.in(keyed.size()) + ")");
    int next = NativeSql.bindIn(q, 1, scopes);
    NativeSql.bindIn(q, next, keyed.stream().map(p -> p.request.idempotencyKey()).toList());
    Set<List<Object>> seen = new HashSet<>();
    for (Object o : q.getResultList()) {
      seen.add(List.of((Object[]) o));
    }
    for (Payment p : keyed) {
      if (!seen.add(List.of(p.request.idempotencyScope(), p.request.idempotencyKey()))) {
        out[p.index] = Outcome.ALONE;
        live.remove(p);
      }
    }
  }

  /** The payments' devices, owners and integrations (a few queries for all); refuses what cannot be paid. */
  private void findDevices(List<Payment> live, Outcome[] out) {
    List<String> serials = live.stream().map(p -> p.request.deviceSerial())
        .filter(s -> s != null && !s.isBlank()).distinct().toList();
    Map<String, Device> bySerial = new HashMap<>();
    if (!serials.isEmpty()) {
      em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial IN :s", Device.class).setParameter("s", serials)
          .getResultList().forEach(d -> bySerial.putIfAbsent(d.getDeviceSerial(), d));
    }
    List<Long> meterIds = bySerial.values().stream().filter(d -> Meter.MORPH.equals(d.getDeviceType()))
        .map(Device::getDeviceId).toList();
    // Into the persistence context, where the meter integrations and tariff terms look them up.
    ByIds.load(em(), Meter.class, meterIds);
    Map<Long, ManufacturerApi> apis = devices.apis(List.copyOf(bySerial.values()));
    for (Iterator<Payment> it = live.iterator(); it.hasNext(); ) {
      Payment p = it.next();
      try {
        p.device = payableDevice(p.request.deviceSerial(), bySerial);
        ManufacturerApi api = apis.get(p.device.getId());
        if (api == null || !api.vendsCredit()) {
          throw PaymentRejectedException.invalid("device_serial", "The manufacturer of device "
              + p.device.getDeviceSerial() + " does not support token generation.");
        }
        String blocked = api.chargeBlockedReason(p.device);
        if (blocked != null) {
          throw PaymentRejectedException.invalid("device_serial", blocked);
        }
        p.api = api;
      } catch (PaymentRejectedException e) {
        out[p.index] = new Outcome(null, e);
        it.remove();
      }
    }
  }

  /** {@code SELECT … FOR UPDATE} of rows by id, in id order (so concurrent batches lock in one order). */
  private void lockRows(String table, List<Long> ids) {
    List<Long> sorted = ids.stream().distinct().sorted().toList();
    Query q = em().createNativeQuery("SELECT id FROM " + table + " WHERE id IN (" + NativeSql.in(sorted.size())
        + ") ORDER BY id FOR UPDATE");
    NativeSql.bindIn(q, 1, sorted);
    q.getResultList();
  }

  /**
   * Open installments of the customers' contracts without a device (a TV on credit), by person, oldest due first,
   * under lock; which of them are overdue is decided per payment, by its day.
   */
  private Map<Long, List<Debt>> installments(List<Payment> live) {
    Map<Long, List<Debt>> byPerson = new HashMap<>();
    if (live.isEmpty()) {
      return byPerson;
    }
    List<Long> people = live.stream().map(p -> p.device.getPersonId()).distinct().sorted().toList();
    LocalDateTime until = live.stream().map(p -> p.at).max(Comparator.naturalOrder()).orElseThrow();
    Query q = em().createNativeQuery("SELECT r.id, r.remaining, r.due_date, ap.person_id FROM appliance_rates r"
        + " JOIN appliance_people ap ON ap.id = r.appliance_person_id WHERE ap.person_id IN ("
        + NativeSql.in(people.size()) + ") AND ap.deleted_at IS NULL"
        + " AND (ap.device_serial IS NULL OR ap.device_serial = '') AND r.remaining > 0 AND r.due_date < ?"
        + " ORDER BY r.due_date, r.id FOR UPDATE");
    int next = NativeSql.bindIn(q, 1, people);
    q.setParameter(next, ts(until.toLocalDate().atStartOfDay()));
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      long id = ((Number) row[0]).longValue();
      byPerson.computeIfAbsent(((Number) row[3]).longValue(), k -> new ArrayList<>()).add(new Debt(id, id,
          dateTime(row[2]), BigDecimal.valueOf(((Number) row[1]).longValue())));
    }
    return byPerson;
  }

  /** The meters' access-rate debts (MPM's AccessRatePayer), by meter, oldest due first, under lock. */
  private Map<Long, List<Debt>> accessRateDebts(List<Payment> live) {
    Map<Long, List<Debt>> byMeter = new HashMap<>();
    List<Long> meters = live.stream().filter(p -> Meter.MORPH.equals(p.device.getDeviceType()))
        .map(p -> p.device.getDeviceId()).distinct().sorted().toList();
    if (meters.isEmpty()) {
      return byMeter;
    }
    Query q = em().createNativeQuery("SELECT id, debt, access_rate_id, meter_id FROM access_rate_payments"
        + " WHERE meter_id IN (" + NativeSql.in(meters.size()) + ") AND debt > 0 ORDER BY due_date, id FOR UPDATE");
    NativeSql.bindIn(q, 1, meters);
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      byMeter.computeIfAbsent(((Number) row[3]).longValue(), k -> new ArrayList<>()).add(new Debt(
          ((Number) row[0]).longValue(), ((Number) row[2]).longValue(), null,
          new BigDecimal(row[1].toString()).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP)));
    }
    return byMeter;
  }

  /**
   * A payment's allocation, not yet applied: overdue installments first, oldest due first, each paid in whole
   * currency units (rates are integers); then the meter's access-rate debt, recorded with the amount actually
   * paid; what is left is the credit.
   */
  private static void allocate(Payment p, List<Debt> installments, List<Debt> accessDebts) {
    BigDecimal residual = p.amount;
    LocalDateTime dayStart = p.at.toLocalDate().atStartOfDay();
    for (Debt rate : installments) {
      BigDecimal whole = residual.setScale(0, RoundingMode.DOWN);
      if (whole.signum() <= 0) {
        break;
      }
      if (rate.open.signum() <= 0 || !rate.due.isBefore(dayStart)) {
        continue;
      }
      BigDecimal paid = rate.open.min(whole);
      p.parts.add(new Part(paid, "installment", "appliance_rate", rate.paidForId, rate));
      residual = residual.subtract(paid);
    }
    for (Debt debt : accessDebts) {
      if (residual.signum() <= 0) {
        break;
      }
      if (debt.open.signum() <= 0) {
        continue;
      }
      BigDecimal paid = debt.open.min(residual);
      p.parts.add(new Part(paid, "access rate", "access_rate", debt.paidForId, debt));
      residual = residual.subtract(paid);
    }
    p.residual = residual;
  }

  /**
   * The accepted payments' rows, a few statements for all: provider rows, {@code transactions}, the debts paid
   * with their {@code payment_histories}, the provider's bookkeeping, the idempotency keys and the vends: tokens
   * generated here for a local integration (no manufacturer API is called in a transaction), vend jobs for the
   * others; for a payment that only paid debts, its completion and confirmation SMS. Returns whether any work was
   * queued.
   */
  private boolean write(EntityManager em, PaymentProvider provider, PaymentProvider.Admission admission,
      List<Payment> accepted, Map<Long, List<Debt>> installments, Map<Long, List<Debt>> accessDebts) {
    List<PaymentRequest> requests = accepted.stream().map(p -> p.request).toList();
    List<Long> rowIds = provider.recordAll(requests, PaymentProvider.STATUS_PENDING);
    List<Object[]> txRows = new ArrayList<>();
    for (int i = 0; i < accepted.size(); i++) {
      Payment p = accepted.get(i);
      p.providerRowId = rowIds.get(i);
      txRows.add(new Object[] {p.providerRowId, provider.morph(), p.amount.doubleValue(), provider.sender(p.request),
          p.device.getDeviceSerial(), ts(p.at), ts(p.at)});
    }
    List<Long> txIds = NativeSql.insertAll(tenantDb.connection(), TRANSACTION_INSERT, TRANSACTION_ROW, txRows);
    for (int i = 0; i < accepted.size(); i++) {
      accepted.get(i).transactionId = txIds.get(i);
    }
    LocalDateTime now = Timestamped.nowUtc();
    for (List<Debt> rates : installments.values()) {
      for (Debt rate : rates) {
        if (rate.touched) {
          em.createNativeQuery("UPDATE appliance_rates SET remaining = ?, updated_at = ? WHERE id = ?")
              .setParameter(1, rate.open.longValueExact()).setParameter(2, ts(now)).setParameter(3, rate.id)
              .executeUpdate();
        }
      }
    }
    for (List<Debt> debts : accessDebts.values()) {
      for (Debt debt : debts) {
        if (debt.touched) {
          em.createNativeQuery("UPDATE access_rate_payments SET debt = ?, updated_at = ? WHERE id = ?")
              .setParameter(1, debt.open.doubleValue()).setParameter(2, ts(now)).setParameter(3, debt.id)
              .executeUpdate();
        }
      }
    }
    List<Object[]> histories = new ArrayList<>();
    for (Payment p : accepted) {
      for (Part part : p.parts) {
        histories.add(historyRow(p.transactionId, provider.morph(), provider.sender(p.request), part.amount(),
            part.type(), part.paidForType(), part.paidForId(), p.device.getPersonId(), p.at));
      }
    }
    if (!histories.isEmpty()) {
      NativeSql.insertRows(tenantDb.connection(), HISTORY_INSERT, HISTORY_ROW, histories);
    }
    admission.book(accepted.stream().map(p -> new PaymentProvider.Booked(p.request, p.providerRowId,
        p.transactionId)).toList());
    List<Object[]> keys = new ArrayList<>();
    for (Payment p : accepted) {
      if (p.request.keyed()) {
        // Unique: of concurrent requests with one key the first to commit wins; this insert waits for it, fails
        // and rolls the others back, and PaymentIngress answers them with the winner's transaction.
        keys.add(new Object[] {p.request.idempotencyScope(), p.request.idempotencyKey(), p.request.fingerprint(),
            p.transactionId, ts(p.at)});
      }
    }
    if (!keys.isEmpty()) {
      NativeSql.insertRows(tenantDb.connection(), "INSERT INTO payment_idempotency_keys (scope, idempotency_key,"
          + " request_hash, transaction_id, created_at)", "(?, ?, ?, ?, ?)", keys);
    }
    List<PaymentJobs.Work> vends = new ArrayList<>();
    List<TokenRecorder.Vend> vended = new ArrayList<>();
    List<Long> paidOff = new ArrayList<>();
    List<SmsService.Confirmation> confirmations = new ArrayList<>();
    for (Payment p : accepted) {
      if (p.residual.signum() > 0) {
        TokenRecorder.Vend charged = p.api.chargesInTransaction() ? chargeNow(provider, p) : null;
        if (charged != null) {
          vended.add(charged);
        } else {
          vends.add(new PaymentJobs.Work(p.transactionId, p.residual, p.at));
        }
      } else {
        // Everything went to debts: no credit to vend, the payment is complete now.
        paidOff.add(p.providerRowId);
        confirmations.add(new SmsService.Confirmation(p.transactionId, p.device.getDeviceSerial(),
            provider.sender(p.request), p.amount.doubleValue(), null, p.at));
      }
    }
    jobs.enqueue(PaymentJobs.VEND, vends);
    boolean queued = !vends.isEmpty() | tokens.record(vended, now);
    if (!paidOff.isEmpty()) {
      setProviderStatus(em, provider, paidOff, PaymentProvider.STATUS_SUCCESS, accepted.get(0).at);
      queued |= jobs.confirm(confirmations);
    }
    return queued;
  }

  /**
   * Charges a local integration for a payment's credit in the accepting transaction, so that the payment, its
   * token and the integration's state commit together; null when the integration fails, and the vend is then left
   * to the queue, which retries it and records why when it gives up.
   */
  private TokenRecorder.Vend chargeNow(PaymentProvider provider, Payment p) {
    ChargeResult result;
    try {
      result = p.api.charge(new ChargeRequest(p.device, p.residual.doubleValue(), p.transactionId));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Vend of transaction " + p.transactionId + " left to the queue", e);
      return null;
    }
    return new TokenRecorder.Vend(p.transactionId, provider.morph(), p.providerRowId, provider.sender(p.request),
        p.amount.doubleValue(), p.residual, p.device, result, p.at);
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
    long transactionId = NativeSql.insertAll(tenantDb.connection(), TRANSACTION_INSERT, TRANSACTION_ROW,
        List.<Object[]>of(new Object[] {providerRowId, provider.morph(), amount, provider.sender(r), serial, ts(at),
            ts(at)})).get(0);
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

  private static Device payableDevice(String serial, Map<String, Device> bySerial) {
    if (serial == null || serial.isBlank()) {
      throw PaymentRejectedException.invalid("device_serial", "The device serial field is required.");
    }
    Device d = bySerial.get(serial);
    if (d == null) {
      throw PaymentRejectedException.invalid("device_serial", "No device with serial " + serial + " exists.");
    }
    if (d.getPersonId() == null) {
      throw PaymentRejectedException.invalid("device_serial", "Device " + serial
          + " is not assigned to a customer, so a payment cannot be booked for it.");
    }
    return d;
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

  private static final String TRANSACTION_INSERT = "INSERT INTO transactions (original_transaction_id,"
      + " original_transaction_type, amount, type, sender, message, created_at, updated_at)";
  private static final String TRANSACTION_ROW = "(?, ?, ?, 'energy', ?, ?, ?, ?)";

  static final String HISTORY_INSERT = "INSERT INTO payment_histories (amount, transaction_id,"
      + " payment_service, sender, payment_type, paid_for_type, paid_for_id, payer_type, payer_id, created_at,"
      + " updated_at)";
  static final String HISTORY_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The values of a {@code payment_histories} row ({@link #HISTORY_ROW}) of a payment by a person. */
  static Object[] historyRow(long transactionId, String service, String sender, BigDecimal amount,
      String type, String paidForType, long paidForId, long personId, LocalDateTime at) {
    return new Object[] {amount.doubleValue(), transactionId, service, sender, type, paidForType, paidForId,
        Person.MORPH, personId, ts(at), ts(at)};
  }

  /** Sets the status of provider rows (one statement). */
  static void setProviderStatus(EntityManager em, PaymentProvider provider, List<Long> rowIds, int status,
      LocalDateTime at) {
    Query q = em.createNativeQuery("UPDATE " + provider.table() + " SET status = ?, updated_at = ? WHERE id IN ("
            + NativeSql.in(rowIds.size()) + ")")
        .setParameter(1, status).setParameter(2, ts(at));
    NativeSql.bindIn(q, 3, rowIds);
    q.executeUpdate();
  }

  /** A {@code transaction_conflicts} row on a provider row. */
  static void addConflict(EntityManager em, String morph, long providerRowId, String state, LocalDateTime at) {
    em.createNativeQuery("INSERT INTO transaction_conflicts (transaction_type, transaction_id, state, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, morph).setParameter(2, providerRowId).setParameter(3, state).setParameter(4, ts(at))
        .setParameter(5, ts(at)).executeUpdate();
  }

  static Timestamp ts(LocalDateTime t) {
    return Timestamp.valueOf(t);
  }

  private static LocalDateTime dateTime(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l
        : v instanceof java.sql.Date d ? d.toLocalDate().atStartOfDay()
        : LocalDateTime.parse(v.toString().replace(' ', 'T'));
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
