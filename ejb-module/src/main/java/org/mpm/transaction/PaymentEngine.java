package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.Meter;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.device.manufacturer.MeterTariffs;
import org.mpm.sms.SmsService;
import org.mpm.tariff.TariffPricing.Terms;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.PaymentAllocation;
import org.mpm.transaction.engine.PaymentAllocation.Debt;
import org.mpm.transaction.engine.PaymentAllocation.Part;
import org.mpm.transaction.engine.PaymentChecks;
import org.mpm.transaction.engine.PaymentDebts;
import org.mpm.transaction.engine.PaymentRows;

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

  @Inject TenantDatabase tenantDb;
  @Inject PaymentProviders providers;
  @Inject DeviceService devices;
  @Inject MeterTariffs meterTariffs;
  @Inject PaymentJobs jobs;
  @Inject TokenRecorder tokens;
  @Inject PaymentDebts debts;

  /**
   * An accepted payment: its {@code transactions} id, whether this answer replays an earlier request, and whether
   * its acceptance left work in the queue (a vend, an SMS to send) for {@link PaymentWorker}.
   */
  public record Accepted(long transactionId, boolean replayed, boolean queued) {}

  /**
   * The transaction an earlier request with the same idempotency key created; empty when the key is new.
   *
   * @throws PaymentRejectedException 409 when the key was used for a different payment; the earlier refusal
   *     again when the key's payment was refused
   */
  public Optional<Long> replayOf(PaymentRequest r) {
    List<?> rows = em().createNativeQuery("SELECT request_hash, transaction_id, rejection_status, rejection_field,"
            + " rejection_message FROM payment_idempotency_keys WHERE scope = ? AND idempotency_key = ?")
        .setParameter(1, r.idempotencyScope()).setParameter(2, r.idempotencyKey()).getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    if (!r.fingerprint().equals(row[0])) {
      throw new PaymentRejectedException(409, null,
          "This Idempotency-Key was already used for a different payment.");
    }
    if (row[2] != null) {
      throw new PaymentRejectedException(((Number) row[2]).intValue(), (String) row[3], (String) row[4]);
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
    PaymentAllocation allocation;
    long providerRowId;
    long transactionId;

    Payment(int index, PaymentRequest request) {
      this.index = index;
      this.request = request;
      this.at = request.receivedAt() == null ? Timestamped.nowUtc() : request.receivedAt();
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
        p.amount = PaymentChecks.amount(r);
        live.add(p);
      } catch (PaymentRejectedException e) {
        out[i] = new Outcome(null, e);
      }
    }
    if (batch) {
      leaveRepeatedKeysAlone(live, out);
    }
    findDevices(live, out);
    Map<Long, List<Debt>> installments = Map.of();
    Map<Long, List<Debt>> accessDebts = Map.of();
    if (!live.isEmpty()) {
      // One payment of a customer at a time: debts and installments are read and paid under these locks.
      List<Long> people = live.stream().map(p -> p.device.getPersonId()).toList();
      debts.lockPeople(people);
      installments = debts.installments(people,
          live.stream().map(p -> p.at).max(Comparator.naturalOrder()).orElseThrow());
      accessDebts = debts.accessRateDebts(live.stream().filter(p -> Meter.MORPH.equals(p.device.getDeviceType()))
          .map(p -> p.device.getDeviceId()).toList());
    }
    PaymentProvider.Admission admission = live.isEmpty() ? null
        : provider.admit(live.stream().map(p -> p.request).toList());
    List<Payment> accepted = new ArrayList<>();
    for (Payment p : live) {
      boolean meter = Meter.MORPH.equals(p.device.getDeviceType());
      try {
        p.allocation = PaymentAllocation.of(p.amount, p.at,
            installments.getOrDefault(p.device.getPersonId(), List.of()),
            meter ? accessDebts.getOrDefault(p.device.getDeviceId(), List.of()) : List.of());
        if (meter && p.allocation.residual().signum() > 0) {
          PaymentChecks.minimumPurchase(p.allocation.residual(), meterTariffs.terms(p.device)
              .map(Terms::minimumPurchaseAmount).orElse(null));
        }
        // The provider's own rules last (an agent's risk balance, counted after the payments before this one).
        admission.check(p.request);
      } catch (PaymentRejectedException e) {
        out[p.index] = new Outcome(null, e);
        continue;
      }
      p.allocation.apply();
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
    DeviceService.BySerial found = devices.bySerials(live.stream().map(p -> p.request.deviceSerial())
        .filter(s -> s != null && !s.isBlank()).distinct().toList());
    for (Iterator<Payment> it = live.iterator(); it.hasNext(); ) {
      Payment p = it.next();
      try {
        p.device = PaymentChecks.payableDevice(p.request.deviceSerial(), found.devices());
        p.api = PaymentChecks.vendingApi(p.device, found.apis().get(p.device.getId()));
      } catch (PaymentRejectedException e) {
        out[p.index] = new Outcome(null, e);
        it.remove();
      }
    }
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
    debts.writePaid(installments, accessDebts, now);
    List<Object[]> histories = new ArrayList<>();
    for (Payment p : accepted) {
      for (Part part : p.allocation.parts()) {
        histories.add(PaymentRows.historyRow(p.transactionId, provider.morph(), provider.sender(p.request),
            part.amount(), part.type(), part.paidForType(), part.paidForId(), p.device.getPersonId(), p.at));
      }
    }
    if (!histories.isEmpty()) {
      NativeSql.insertRows(tenantDb.connection(), PaymentRows.HISTORY_INSERT, PaymentRows.HISTORY_ROW,
          histories);
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
    keepKeys(tenantDb.connection(), keys);
    List<PaymentJobs.Work> vends = new ArrayList<>();
    List<TokenRecorder.Vend> vended = new ArrayList<>();
    List<Long> paidOff = new ArrayList<>();
    List<SmsService.Confirmation> confirmations = new ArrayList<>();
    for (Payment p : accepted) {
      if (p.allocation.residual().signum() > 0) {
        TokenRecorder.Vend charged = p.api.chargesInTransaction() ? chargeNow(provider, p) : null;
        if (charged != null) {
          vended.add(charged);
        } else {
          vends.add(new PaymentJobs.Work(p.transactionId, p.allocation.residual(), p.at));
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
      PaymentRows.setProviderStatus(em, provider, paidOff, PaymentProvider.STATUS_SUCCESS, accepted.get(0).at);
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
      result = p.api.charge(new ChargeRequest(p.device, p.allocation.residual().doubleValue(), p.transactionId));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Vend of transaction " + p.transactionId + " left to the queue", e);
      return null;
    }
    return new TokenRecorder.Vend(p.transactionId, provider.morph(), p.providerRowId, provider.sender(p.request),
        p.amount.doubleValue(), p.allocation.residual(), p.device, result, p.at);
  }

  /**
   * Keeps a refused attempt (MPM loses most of them) where it counts as no transaction: the provider row with
   * status -1 and a {@code transaction_conflicts} row with the reason (and the amount as sent when it was not a
   * number). A keyed attempt keeps its key with the refusal, so that a retry is refused alike; when the key was
   * taken meanwhile this transaction fails on the unique key and nothing of it is kept.
   */
  public void recordRejection(PaymentRequest r, PaymentRejectedException refusal) {
    PaymentProvider provider = providers.get(r.provider());
    LocalDateTime at = Timestamped.nowUtc();
    long providerRowId = provider.record(r, PaymentProvider.STATUS_FAILED);
    String state = "Rejected: " + refusal.getMessage() + (r.amount() == null && r.rawAmount() != null
        ? " (amount sent: " + limit(r.rawAmount(), 100) + ")" : "");
    addConflict(em(), provider.morph(), providerRowId, limit(state, 1000), at);
    if (r.keyed()) {
      NativeSql.insertRows(tenantDb.connection(), "INSERT INTO payment_idempotency_keys (scope, idempotency_key,"
              + " request_hash, rejection_status, rejection_field, rejection_message, created_at)",
          "(?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(new Object[] {r.idempotencyScope(), r.idempotencyKey(),
              r.fingerprint(), refusal.status(), refusal.field(), limit(refusal.getMessage(), 1000), ts(at)}));
    }
  }

  private static final String TRANSACTION_INSERT = "INSERT INTO transactions (original_transaction_id,"
      + " original_transaction_type, amount, type, sender, message, created_at, updated_at)";
  private static final String TRANSACTION_ROW = "(?, ?, ?, 'energy', ?, ?, ?, ?)";

  /**
   * The idempotency keys of accepted payments, each row {scope, key, request hash, transaction id, created at}.
   * Unique: of concurrent requests with one key the first to commit wins; the insert of another waits for it, fails
   * and rolls that one back, and {@link PaymentIngress} answers it with the winner's transaction.
   */
  static void keepKeys(Connection c, List<Object[]> keys) {
    if (!keys.isEmpty()) {
      NativeSql.insertRows(c, "INSERT INTO payment_idempotency_keys (scope, idempotency_key, request_hash,"
          + " transaction_id, created_at)", "(?, ?, ?, ?, ?)", keys);
    }
  }

  /** A {@code transaction_conflicts} row on a provider row. */
  public static void addConflict(EntityManager em, String morph, long providerRowId, String state, LocalDateTime at) {
    em.createNativeQuery("INSERT INTO transaction_conflicts (transaction_type, transaction_id, state, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, morph).setParameter(2, providerRowId).setParameter(3, state).setParameter(4, ts(at))
        .setParameter(5, ts(at)).executeUpdate();
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
