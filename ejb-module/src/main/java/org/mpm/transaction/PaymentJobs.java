package org.mpm.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.DueWork;
import org.mpm.tenancy.TenantDatabase;

/**
 * Writes the pipeline's durable work ({@code payment_jobs}) in the caller's tenant transaction, so the work
 * exists exactly when the change that needs it commits. {@link PaymentWorker} carries it out.
 */
@ApplicationScoped
public class PaymentJobs {

  /** Vend the credit of a transaction: ref = transactions.id, amount = the money left for credit. */
  /** Jobs due now: what the poll looks for ({@link DueWork}). */
  public static final DueWork.Queue DUE = new DueWork.Queue("payment_jobs",
      "state = 'pending' AND next_attempt_at <= ?");

  public static final String VEND = "vend";
  /** Send a stored SMS: ref = sms.id. */
  public static final String SMS = "sms";

  @Inject TenantDatabase tenantDb;
  @Inject SmsService sms;

  /** A job to add: what it refers to, the money it carries (or null) and its creation time. */
  public record Work(long refId, BigDecimal amount, LocalDateTime at) {}

  /** Adds jobs of one kind, due now (one statement); {@code at} is a job's creation time (its payment's). */
  public void enqueue(String kind, List<Work> work) {
    if (work.isEmpty()) {
      return;
    }
    var now = PaymentEngine.ts(Timestamped.nowUtc());
    List<Object[]> rows = new ArrayList<>();
    for (Work w : work) {
      rows.add(new Object[] {kind, w.refId(), w.amount(), now, PaymentEngine.ts(w.at()), PaymentEngine.ts(w.at())});
    }
    NativeSql.insertRows(tenantDb.connection(), "INSERT INTO payment_jobs (kind, ref_id, amount, state, attempts,"
        + " next_attempt_at, created_at, updated_at)", "(?, ?, ?, 'pending', 0, ?, ?, ?)", rows);
  }

  /**
   * Writes the customers' confirmation SMS of transactions ({@link SmsService#composeConfirmations}: sent at once
   * when the gateway sends inside the transaction) and the jobs that send the others. Returns whether any job was
   * added.
   */
  public boolean confirm(List<SmsService.Confirmation> confirmations) {
    LocalDateTime now = Timestamped.nowUtc();
    List<Work> toSend = sms.composeConfirmations(confirmations).stream().map(id -> new Work(id, null, now)).toList();
    enqueue(SMS, toSend);
    return !toSend.isEmpty();
  }
}
