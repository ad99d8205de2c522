package org.mpm.transaction;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.ByIds;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.device.manufacturer.UnsupportedManufacturerCallException;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsGateway;
import org.mpm.sms.SmsService;
import org.mpm.tariff.TariffPricing.PricingException;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.PaymentRows;

/**
 * The transactional steps of the pipeline's durable work ({@code payment_jobs}), each its own tenant transaction:
 * claim due jobs ({@code FOR UPDATE SKIP LOCKED}, so nodes share the queue), vend a transaction's credit and
 * record the token, send a stored SMS, and count a failure (retry with backoff, or give up with a conflict).
 * Every step locks its job row first and does nothing when the job is no longer pending, so a job taken up again
 * after a node died, or claimed twice after its lease ran out, is carried out once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentJobSteps {

  /** How long a claim holds a job before another node may take it up. */
  static final long LEASE_MILLIS = 30_000;

  @Inject TenantDatabase tenantDb;
  @Inject DeviceService devices;
  @Inject PaymentProviders providers;
  @Inject TokenRecorder tokens;
  @Inject SmsService sms;

  @Inject
  @ConfigProperty(name = "mpm.payments.max-attempts", defaultValue = "6")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "mpm.payments.backoff-ms", defaultValue = "2000")
  long backoffMillis;

  /** A claimed job; {@code attempts} counts this attempt. */
  public record Job(long id, String kind, long refId, BigDecimal amount, int attempts) {}

  /** A vend for a remote integration, to be charged outside any transaction. */
  public record RemoteVend(long jobId, long transactionId, Device device, BigDecimal amount, ManufacturerApi api) {}

  /** Claims up to {@code limit} due jobs for {@link #LEASE_MILLIS}. */
  public List<Job> claim(int limit) {
    LocalDateTime now = Timestamped.nowUtc();
    List<?> rows = em().createNativeQuery("SELECT id, kind, ref_id, amount, attempts FROM payment_jobs"
            + " WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED")
        .setParameter(1, PaymentEngine.ts(now)).setParameter(2, limit).getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Job> claimed = new ArrayList<>(rows.size());
    StringBuilder ids = new StringBuilder();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      claimed.add(new Job(id, (String) r[1], ((Number) r[2]).longValue(),
          r[3] == null ? null : new BigDecimal(r[3].toString()), ((Number) r[4]).intValue() + 1));
      ids.append(ids.length() == 0 ? "" : ",").append(id);
    }
    em().createNativeQuery("UPDATE payment_jobs SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?"
            + " WHERE id IN (" + ids + ")")
        .setParameter(1, PaymentEngine.ts(now.plusNanos(LEASE_MILLIS * 1_000_000)))
        .setParameter(2, PaymentEngine.ts(now)).executeUpdate();
    return claimed;
  }

  /** A claimed round: its jobs, and the vends among them that a remote integration has to carry out. */
  public record Round(List<Job> jobs, List<RemoteVend> remote) {}

  /**
   * Claims up to {@code limit} due jobs ({@link #claim}) and, in the same transaction, vends those that local
   * integrations charge ({@link #vendAll}): a round of the queue that only vends locally is one transaction. A
   * failing vend rolls the claim back with it and is thrown; the caller then claims again and vends one by one.
   */
  public Round claimAndVend(int limit, boolean backdate) {
    List<Job> jobs = claim(limit);
    List<Long> vends = jobs.stream().filter(j -> PaymentJobs.VEND.equals(j.kind())).map(Job::id).toList();
    return new Round(jobs, vends.isEmpty() ? List.of() : vendAll(vends, backdate));
  }

  /**
   * Vends a transaction's credit: {@link #vendAll} for one job.
   *
   * @throws PermanentFailure when the device cannot be charged at all (retrying cannot help)
   */
  public Optional<RemoteVend> vend(long jobId, boolean backdate) {
    return vendAll(List.of(jobId), backdate).stream().findFirst();
  }

  /**
   * Vends the credit of several transactions in this one transaction. Local integrations are charged here and
   * their tokens recorded together; the vends of remote integrations are returned, to be charged outside any
   * transaction and recorded with {@link #recordRemoteVend}. Jobs no longer pending, or whose token exists, are
   * skipped. Any failure rolls the whole batch back and is thrown: the caller then vends the jobs one by one, so
   * one bad job cannot hold up the others.
   *
   * @param backdate record the tokens, histories and SMS at the payments' own time (demo data, imports)
   * @throws PermanentFailure when a device cannot be charged at all (retrying cannot help)
   */
  public List<RemoteVend> vendAll(List<Long> jobIds, boolean backdate) {
    List<VendJob> jobs = lockVends(jobIds);
    List<RemoteVend> remote = new ArrayList<>();
    List<Vended> vended = new ArrayList<>();
    for (VendJob j : jobs) {
      if (!j.api().chargesInTransaction()) {
        remote.add(new RemoteVend(j.jobId(), j.tx().getId(), j.device(), j.amount(), j.api()));
        continue;
      }
      try {
        vended.add(new Vended(j, j.api().charge(new ChargeRequest(j.device(), j.amount().doubleValue(),
            j.tx().getId()))));
      } catch (RuntimeException e) {
        throw PermanentFailure.ifDeterministic(e);
      }
    }
    recordTokens(vended, backdate);
    return remote;
  }

  /** Records the token a remote integration returned for a job, unless the job was finished meanwhile. */
  public void recordRemoteVend(long jobId, ChargeResult result) {
    List<VendJob> jobs = lockVends(List.of(jobId));
    if (!jobs.isEmpty()) {
      recordTokens(List.of(new Vended(jobs.get(0), result)), false);
    }
  }

  /** A pending vend job with what it needs: its transaction, the money for credit, the device and integration. */
  private record VendJob(long jobId, Transaction tx, BigDecimal amount, Device device, ManufacturerApi api) {}

  /** A vend job and the token its integration returned. */
  private record Vended(VendJob job, ChargeResult result) {}

  /**
   * Locks the jobs that are still pending and loads what their vends need, a few queries for the whole list.
   * Jobs whose transaction already has a token are marked done and left out.
   */
  private List<VendJob> lockVends(List<Long> jobIds) {
    List<?> rows = selectIn("SELECT id, ref_id, amount FROM payment_jobs WHERE id IN ("
        + NativeSql.in(jobIds.size()) + ") AND state = 'pending' ORDER BY id FOR UPDATE", jobIds);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> txIds = new ArrayList<>();
    rows.forEach(o -> txIds.add(((Number) ((Object[]) o)[1]).longValue()));
    Map<Long, Transaction> txs = ByIds.map(em(), Transaction.class, txIds, Transaction::getId);
    Set<Long> tokened = new HashSet<>();
    for (Object id : selectIn("SELECT transaction_id FROM tokens WHERE transaction_id IN ("
        + NativeSql.in(txIds.size()) + ")", txIds)) {
      tokened.add(((Number) id).longValue());
    }
    DeviceService.BySerial found = devices.bySerials(txs.values().stream().map(Transaction::getMessage).distinct()
        .toList());
    List<VendJob> jobs = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    for (Object o : rows) {
      Object[] row = (Object[]) o;
      long jobId = ((Number) row[0]).longValue();
      long transactionId = ((Number) row[1]).longValue();
      Transaction tx = txs.get(transactionId);
      if (tx == null) {
        throw new PermanentFailure("Transaction " + transactionId + " does not exist.");
      }
      if (tokened.contains(transactionId)) {
        done.add(jobId);
        continue;
      }
      Device device = found.devices().get(tx.getMessage());
      if (device == null) {
        throw new PermanentFailure("Device " + tx.getMessage() + " no longer exists.");
      }
      ManufacturerApi api = found.apis().get(device.getId());
      if (api == null) {
        throw new PermanentFailure("The manufacturer of device " + device.getDeviceSerial()
            + " has no integration to generate tokens.");
      }
      jobs.add(new VendJob(jobId, tx, new BigDecimal(row[2].toString()), device, api));
    }
    markDone(done);
    return jobs;
  }

  /** Records the vends ({@link TokenRecorder}) and marks their jobs done. */
  private void recordTokens(List<Vended> vended, boolean backdate) {
    if (vended.isEmpty()) {
      return;
    }
    LocalDateTime now = Timestamped.nowUtc();
    List<TokenRecorder.Vend> vends = new ArrayList<>(vended.size());
    for (Vended v : vended) {
      Transaction tx = v.job().tx();
      vends.add(new TokenRecorder.Vend(tx.getId(), tx.getOriginalTransactionType(), tx.getOriginalTransactionId(),
          tx.getSender(), tx.getAmount(), v.job().amount(), v.job().device(), v.result(),
          backdate ? tx.getCreatedAt() : now));
    }
    tokens.record(vends, now);
    markDone(vended.stream().map(v -> v.job().jobId()).toList());
  }

  /**
   * Counts a failed attempt: the job is retried after an exponential backoff, or — when the failure is permanent
   * or the attempts are used up — marked failed, with a {@code transaction_conflicts} row on the provider row and
   * the provider status -1. Returns when to try again, or empty when the job gave up or is no longer pending.
   */
  public Optional<LocalDateTime> failed(long jobId, String error, boolean permanent) {
    List<?> rows = em().createNativeQuery("SELECT kind, ref_id, amount, attempts, state FROM payment_jobs"
            + " WHERE id = ? FOR UPDATE").setParameter(1, jobId).getResultList();
    if (rows.isEmpty() || !"pending".equals(((Object[]) rows.get(0))[4])) {
      return Optional.empty();
    }
    Object[] job = (Object[]) rows.get(0);
    int attempts = ((Number) job[3]).intValue();
    LocalDateTime now = Timestamped.nowUtc();
    String message = error == null || error.isBlank() ? "unknown error" : error;
    if (!permanent && attempts < maxAttempts) {
      long delay = Math.min(backoffMillis << Math.min(attempts - 1, 20), 15 * 60_000L);
      LocalDateTime next = now.plusNanos(delay * 1_000_000);
      em().createNativeQuery("UPDATE payment_jobs SET next_attempt_at = ?, last_error = ?, updated_at = ?"
              + " WHERE id = ?")
          .setParameter(1, PaymentEngine.ts(next)).setParameter(2, message).setParameter(3, PaymentEngine.ts(now))
          .setParameter(4, jobId).executeUpdate();
      return Optional.of(next);
    }
    em().createNativeQuery("UPDATE payment_jobs SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, message).setParameter(2, PaymentEngine.ts(now)).setParameter(3, jobId).executeUpdate();
    if (PaymentJobs.VEND.equals(job[0])) {
      Transaction tx = em().find(Transaction.class, ((Number) job[1]).longValue());
      if (tx != null) {
        BigDecimal amount = new BigDecimal(job[2].toString()).stripTrailingZeros();
        String state = "Token generation failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
            + ": " + message + " The " + amount.toPlainString() + " left for credit after debts was not vended;"
            + " what paid installments and access-rate debt stays paid.";
        PaymentEngine.addConflict(em(), tx.getOriginalTransactionType(), tx.getOriginalTransactionId(), state, now);
        providers.find(tx.getOriginalTransactionType()).ifPresent(p -> PaymentRows.setProviderStatus(em(), p,
            List.of(tx.getOriginalTransactionId()), PaymentProvider.STATUS_FAILED, now));
      }
    }
    return Optional.empty();
  }

  /** A stored SMS to send for a job. */
  public record SmsWork(long jobId, SmsService.Outgoing sms) {}

  /** The gateway's answer for the SMS of a job. */
  public record SmsOutcome(long jobId, long smsId, SmsGateway.Result result, Integer gatewayId) {}

  /**
   * The stored SMS of pending sms jobs, to hand to the gateway outside any transaction (one query); jobs whose
   * message was sent meanwhile are marked done.
   */
  public List<SmsWork> smsToSendAll(List<Long> jobIds) {
    List<?> rows = selectIn("SELECT j.id, s.id, s.receiver, s.body, s.uuid, s.status"
        + " FROM payment_jobs j LEFT JOIN sms s ON s.id = j.ref_id WHERE j.id IN (" + NativeSql.in(jobIds.size())
        + ") AND j.state = 'pending' ORDER BY j.id FOR UPDATE", jobIds);
    List<SmsWork> work = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      long jobId = ((Number) r[0]).longValue();
      if (r[1] == null || ((Number) r[5]).intValue() == Sms.STATUS_SENT) {
        done.add(jobId);
      } else {
        work.add(new SmsWork(jobId, new SmsService.Outgoing(((Number) r[1]).longValue(), (String) r[2],
            (String) r[3], (String) r[4])));
      }
    }
    markDone(done);
    return work;
  }

  /**
   * Records the gateway's answers (set-based for the accepted ones); a refused message is retried as a failed vend
   * is. Returns when refused messages are due again.
   */
  public List<LocalDateTime> smsSentAll(List<SmsOutcome> outcomes) {
    List<LocalDateTime> retries = new ArrayList<>();
    List<Long> sentIds = new ArrayList<>();
    List<Long> sentJobs = new ArrayList<>();
    Timestamp now = PaymentEngine.ts(Timestamped.nowUtc());
    for (SmsOutcome o : outcomes) {
      if (!o.result().accepted()) {
        sms.recordResult(o.smsId(), o.result(), o.gatewayId());
        failed(o.jobId(), o.result().error(), false).ifPresent(retries::add);
        continue;
      }
      sentIds.add(o.smsId());
      sentJobs.add(o.jobId());
      if (o.result().reference() != null && !o.result().reference().isBlank()) {
        em().createNativeQuery("UPDATE sms SET uuid = ? WHERE id = ? AND (uuid IS NULL OR uuid <> ?)")
            .setParameter(1, o.result().reference()).setParameter(2, o.smsId())
            .setParameter(3, o.result().reference()).executeUpdate();
      }
    }
    if (!sentIds.isEmpty()) {
      Query q = em().createNativeQuery("UPDATE sms SET status = ?, error_message = NULL,"
              + " gateway_id = ?, updated_at = ? WHERE id IN (" + NativeSql.in(sentIds.size()) + ")")
          .setParameter(1, Sms.STATUS_SENT).setParameter(2, outcomes.get(0).gatewayId()).setParameter(3, now);
      NativeSql.bindIn(q, 4, sentIds);
      q.executeUpdate();
      markDone(sentJobs);
    }
    return retries;
  }

  private void markDone(long jobId) {
    markDone(List.of(jobId));
  }

  private void markDone(List<Long> jobIds) {
    if (jobIds.isEmpty()) {
      return;
    }
    Query q = em().createNativeQuery("UPDATE payment_jobs SET state = 'done', last_error = NULL,"
            + " updated_at = ? WHERE id IN (" + NativeSql.in(jobIds.size()) + ")")
        .setParameter(1, PaymentEngine.ts(Timestamped.nowUtc()));
    NativeSql.bindIn(q, 2, jobIds);
    q.executeUpdate();
  }

  /** The rows of a query whose only parameters are one {@link NativeSql#in} list. */
  private List<?> selectIn(String sql, List<Long> ids) {
    Query q = em().createNativeQuery(sql);
    NativeSql.bindIn(q, 1, ids);
    return q.getResultList();
  }

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A vend that cannot succeed by trying again (no integration, the device cannot be priced …). */
  @ApplicationException(rollback = true)
  public static class PermanentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
      super(message);
    }

    /** The integration's refusal is permanent when it says the device cannot be charged; other errors are not. */
    static RuntimeException ifDeterministic(RuntimeException e) {
      if (e instanceof UnsupportedManufacturerCallException
          || e instanceof PricingException) {
        return new PermanentFailure(e.getMessage());
      }
      return e;
    }
  }
}
