package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.Timestamped;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.manufacturer.ManufacturerApi;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeRequest;
import org.mpm.device.manufacturer.ManufacturerApi.ChargeResult;
import org.mpm.sms.SmsGateway;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantDatabase;

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
  @Inject PaymentJobs jobs;
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

  /**
   * Vends a transaction's credit. A local integration is charged here and its token recorded in this transaction
   * (empty result); a remote one is returned to be charged outside any transaction and then recorded with
   * {@link #recordRemoteVend}. Empty as well when the job is no longer pending or the token exists.
   *
   * @param backdate record the token, its history and the SMS at the payment's own time (demo data, imports)
   * @throws PermanentFailure when the device cannot be charged at all (retrying cannot help)
   */
  public Optional<RemoteVend> vend(long jobId, boolean backdate) {
    Object[] job = lockPending(jobId);
    if (job == null) {
      return Optional.empty();
    }
    long transactionId = ((Number) job[0]).longValue();
    BigDecimal amount = new BigDecimal(job[1].toString());
    Transaction tx = em().find(Transaction.class, transactionId);
    if (tx == null) {
      throw new PermanentFailure("Transaction " + transactionId + " does not exist.");
    }
    if (tokenExists(transactionId)) {
      markDone(jobId);
      return Optional.empty();
    }
    Device device = em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial = :s", Device.class)
        .setParameter("s", tx.getMessage()).setMaxResults(1).getResultStream().findFirst()
        .orElseThrow(() -> new PermanentFailure("Device " + tx.getMessage() + " no longer exists."));
    ManufacturerApi api = devices.api(device).orElseThrow(() -> new PermanentFailure(
        "The manufacturer of device " + device.getDeviceSerial() + " has no integration to generate tokens."));
    if (!api.chargesInTransaction()) {
      return Optional.of(new RemoteVend(jobId, transactionId, device, amount, api));
    }
    ChargeResult result;
    try {
      result = api.charge(new ChargeRequest(device, amount.doubleValue(), transactionId));
    } catch (RuntimeException e) {
      throw PermanentFailure.ifDeterministic(e);
    }
    recordToken(jobId, tx, device, amount, result, backdate ? tx.getCreatedAt() : Timestamped.nowUtc());
    return Optional.empty();
  }

  /**
   * {@link #vend} for several jobs in this one transaction: the tokens of local integrations are recorded together;
   * the vends of remote integrations are returned. Any failure rolls the whole batch back and is thrown: the
   * caller then vends the jobs one by one, so one bad job cannot hold up the others.
   */
  public List<RemoteVend> vendAll(List<Long> jobIds, boolean backdate) {
    List<RemoteVend> remote = new ArrayList<>();
    for (long id : jobIds) {
      vend(id, backdate).ifPresent(remote::add);
    }
    return remote;
  }

  /** Records the token a remote integration returned for a job, unless the job was finished meanwhile. */
  public void recordRemoteVend(long jobId, ChargeResult result) {
    Object[] job = lockPending(jobId);
    if (job == null) {
      return;
    }
    long transactionId = ((Number) job[0]).longValue();
    if (tokenExists(transactionId)) {
      markDone(jobId);
      return;
    }
    Transaction tx = em().find(Transaction.class, transactionId);
    Device device = em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial = :s", Device.class)
        .setParameter("s", tx.getMessage()).setMaxResults(1).getSingleResult();
    recordToken(jobId, tx, device, new BigDecimal(job[1].toString()), result, Timestamped.nowUtc());
  }

  /** The token, the energy history, the provider row's success, the SMS to send and the job done: one step. */
  private void recordToken(long jobId, Transaction tx, Device device, BigDecimal amount, ChargeResult r,
      LocalDateTime at) {
    long tokenId = PaymentEngine.insert(em(), "INSERT INTO tokens (transaction_id, token, token_amount, device_id,"
            + " token_type, token_unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        tx.getId(), r.token(), r.tokenAmount(), device.getId(), r.tokenType() == null ? "energy" : r.tokenType(),
        r.tokenUnit(), PaymentEngine.ts(at), PaymentEngine.ts(at));
    PaymentEngine.writeHistory(em(), tx.getId(), tx.getOriginalTransactionType(), tx.getSender(), amount,
        "energy", Token.MORPH, tokenId, device.getPersonId(), at);
    providers.find(tx.getOriginalTransactionType()).ifPresent(p -> setStatus(p, tx.getOriginalTransactionId(),
        PaymentProvider.STATUS_SUCCESS, at));
    jobs.enqueueConfirmation(tx.getId(), at);
    markDone(jobId);
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
        em().createNativeQuery("INSERT INTO transaction_conflicts (transaction_type, transaction_id, state,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
            .setParameter(1, tx.getOriginalTransactionType()).setParameter(2, tx.getOriginalTransactionId())
            .setParameter(3, state).setParameter(4, PaymentEngine.ts(now)).setParameter(5, PaymentEngine.ts(now))
            .executeUpdate();
        providers.find(tx.getOriginalTransactionType()).ifPresent(p -> setStatus(p, tx.getOriginalTransactionId(),
            PaymentProvider.STATUS_FAILED, now));
      }
    }
    return Optional.empty();
  }

  /** A stored SMS to send for a job. */
  public record SmsWork(long jobId, SmsService.Outgoing sms) {}

  /** The gateway's answer for the SMS of a job. */
  public record SmsOutcome(long jobId, long smsId, SmsGateway.Result result, Integer gatewayId) {}

  /** The stored SMS of pending sms jobs, to hand to the gateway outside any transaction. */
  public List<SmsWork> smsToSendAll(List<Long> jobIds) {
    List<SmsWork> work = new ArrayList<>();
    for (long id : jobIds) {
      smsToSend(id).ifPresent(o -> work.add(new SmsWork(id, o)));
    }
    return work;
  }

  /** Records the gateway's answers; returns when refused messages are due again. */
  public List<LocalDateTime> smsSentAll(List<SmsOutcome> outcomes) {
    List<LocalDateTime> retries = new ArrayList<>();
    for (SmsOutcome o : outcomes) {
      smsSent(o.jobId(), o.smsId(), o.result(), o.gatewayId()).ifPresent(retries::add);
    }
    return retries;
  }

  /** The stored SMS of a pending sms job, to hand to the gateway outside any transaction. */
  public Optional<SmsService.Outgoing> smsToSend(long jobId) {
    Object[] job = lockPending(jobId);
    if (job == null) {
      return Optional.empty();
    }
    Optional<SmsService.Outgoing> out = sms.unsent(((Number) job[0]).longValue());
    if (out.isEmpty()) {
      markDone(jobId);
    }
    return out;
  }

  /** Records the gateway's answer; a refused message is retried as a failed vend is. */
  public Optional<LocalDateTime> smsSent(long jobId, long smsId, SmsGateway.Result result, Integer gatewayId) {
    sms.recordResult(smsId, result, gatewayId);
    if (result.accepted()) {
      if (lockPending(jobId) != null) {
        markDone(jobId);
      }
      return Optional.empty();
    }
    return failed(jobId, result.error(), false);
  }

  /** Job counts by kind and state, for the status of the pipeline. */
  public List<Object[]> counts() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT kind, state, COUNT(*) FROM payment_jobs GROUP BY kind, state")
        .getResultList();
    return rows;
  }

  /** {ref_id, amount} of the job when it is still pending (locked for this transaction), else null. */
  private Object[] lockPending(long jobId) {
    List<?> rows = em().createNativeQuery("SELECT ref_id, amount, state FROM payment_jobs WHERE id = ? FOR UPDATE")
        .setParameter(1, jobId).getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = (Object[]) rows.get(0);
    return "pending".equals(row[2]) ? row : null;
  }

  private boolean tokenExists(long transactionId) {
    return !em().createNativeQuery("SELECT id FROM tokens WHERE transaction_id = ?").setParameter(1, transactionId)
        .getResultList().isEmpty();
  }

  private void markDone(long jobId) {
    em().createNativeQuery("UPDATE payment_jobs SET state = 'done', last_error = NULL, updated_at = ? WHERE id = ?")
        .setParameter(1, PaymentEngine.ts(Timestamped.nowUtc())).setParameter(2, jobId).executeUpdate();
  }

  private void setStatus(PaymentProvider p, long rowId, int status, LocalDateTime at) {
    em().createNativeQuery("UPDATE " + p.table() + " SET status = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, status).setParameter(2, PaymentEngine.ts(at)).setParameter(3, rowId).executeUpdate();
  }

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A vend that cannot succeed by trying again (no integration, the device cannot be priced …). */
  @jakarta.ejb.ApplicationException(rollback = true)
  public static class PermanentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
      super(message);
    }

    /** The integration's refusal is permanent when it says the device cannot be charged; other errors are not. */
    static RuntimeException ifDeterministic(RuntimeException e) {
      if (e instanceof org.mpm.device.manufacturer.UnsupportedManufacturerCallException
          || e instanceof org.mpm.tariff.TariffPricing.PricingException) {
        return new PermanentFailure(e.getMessage());
      }
      return e;
    }
  }
}
