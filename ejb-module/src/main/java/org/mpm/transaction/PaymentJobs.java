package org.mpm.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.Timestamped;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantDatabase;

/**
 * Writes the pipeline's durable work ({@code payment_jobs}) in the caller's tenant transaction, so the work
 * exists exactly when the change that needs it commits. {@link PaymentWorker} carries it out.
 */
@ApplicationScoped
public class PaymentJobs {

  /** Vend the credit of a transaction: ref = transactions.id, amount = the money left for credit. */
  public static final String VEND = "vend";
  /** Send a stored SMS: ref = sms.id. */
  public static final String SMS = "sms";

  @Inject TenantDatabase tenantDb;
  @Inject SmsService sms;

  /** Adds a job, due now; {@code at} is its creation time (the payment's time). */
  public void enqueue(String kind, long refId, BigDecimal amount, LocalDateTime at) {
    tenantDb.em().createNativeQuery("INSERT INTO payment_jobs (kind, ref_id, amount, state, attempts,"
            + " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)")
        .setParameter(1, kind).setParameter(2, refId).setParameter(3, amount)
        .setParameter(4, PaymentEngine.ts(Timestamped.nowUtc())).setParameter(5, PaymentEngine.ts(at))
        .setParameter(6, PaymentEngine.ts(at)).executeUpdate();
  }

  /** Writes the customers' confirmation SMS of transactions (status 0) and the jobs that send them. */
  public void confirm(List<SmsService.Confirmation> confirmations) {
    List<Long> smsIds = sms.composeConfirmations(confirmations);
    if (smsIds.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO payment_jobs (kind, ref_id, state, attempts, next_attempt_at,"
        + " created_at, updated_at) VALUES ");
    for (int i = 0; i < smsIds.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, 'pending', 0, ?, ?, ?)");
    }
    Query insert = tenantDb.em().createNativeQuery(sql.toString());
    var now = PaymentEngine.ts(Timestamped.nowUtc());
    int n = 1;
    for (long id : smsIds) {
      insert.setParameter(n++, SMS).setParameter(n++, id).setParameter(n++, now).setParameter(n++, now)
          .setParameter(n++, now);
    }
    insert.executeUpdate();
  }
}
