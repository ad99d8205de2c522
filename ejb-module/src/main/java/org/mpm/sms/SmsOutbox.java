package org.mpm.sms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mpm.common.AfterTransaction;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentJobs;
import org.mpm.transaction.PaymentWorker;

/**
 * Messages that leave through the queue: written unsent ({@code status} 0, a new uuid) in the caller's
 * transaction together with an {@code sms} job of the payment queue, whose drain hands each to the gateway
 * outside any transaction and records the answer; woken once the transaction has committed (the queue's poll
 * takes up what a restart left). A message is written exactly when the change that asks for it commits, and sent
 * once its job is claimed.
 */
@ApplicationScoped
public class SmsOutbox {

  @Inject TenantDatabase tenantDb;
  @Inject PaymentJobs jobs;
  @Inject PaymentWorker worker;
  @Resource TransactionSynchronizationRegistry transactions;

  /** A message to queue: its receiver, text, sender (a user or person id, or null) and trigger (or nulls). */
  public record Outgoing(String receiver, String body, Long senderId, String triggerType, Long triggerId) {}

  /** Writes the messages and their jobs; returns the ids of the {@code sms} rows in the order given. */
  public List<Long> queue(List<Outgoing> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (Outgoing m : messages) {
      rows.add(new Object[] {m.receiver(), m.triggerType(), m.triggerId(), m.body(), UUID.randomUUID().toString(),
          m.senderId(), now, now});
    }
    List<Long> ids = new ArrayList<>(messages.size());
    for (int from = 0; from < rows.size(); from += 500) {
      ids.addAll(NativeSql.insertAll(tenantDb.connection(), "INSERT INTO sms (receiver, trigger_type, trigger_id,"
          + " body, uuid, sender_id, created_at, updated_at, status, direction, attempts)",
          "(?, ?, ?, ?, ?, ?, ?, ?, 0, 1, 0)", rows.subList(from, Math.min(rows.size(), from + 500))));
    }
    var at = Timestamped.nowUtc();
    List<PaymentJobs.Work> work = new ArrayList<>(ids.size());
    for (Long id : ids) {
      work.add(new PaymentJobs.Work(id, null, at));
    }
    for (int from = 0; from < work.size(); from += 500) {
      jobs.enqueue(PaymentJobs.SMS, work.subList(from, Math.min(work.size(), from + 500)));
    }
    long companyId = tenantDb.companyId();
    String database = tenantDb.databaseName();
    AfterTransaction.onCommit(transactions, () -> worker.wake(companyId, database));
    return ids;
  }
}
