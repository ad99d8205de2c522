package org.mpm.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDateTime;
import org.mpm.common.AfterTransaction;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * Outgoing mails of the current company. A mail is written to {@code mails} in the caller's transaction, so it
 * exists exactly when the change that asks for it commits. A mailer that
 * {@linkplain Mailer#deliversInTransaction delivers in the transaction} (the recording one) is handed the mail at
 * once and the row is written sent; otherwise the row waits with the mail as sent in {@code payload}, and once the
 * transaction has committed {@link MailWorker} delivers it, outside any transaction.
 */
@Stateless
public class MailService {

  @Inject TenantDatabase tenantDb;
  @Inject Mailers mailers;
  @Inject MailWorker worker;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Sends a mail from the current company.
   *
   * @param kept the body as recorded in {@code mails} once the mail is delivered (a mail whose body carries a
   *     secret, such as a reset link, is kept without it); null keeps the body as sent
   * @return the id of the {@code mails} row
   */
  public long send(MailMessage mail, String kept) {
    EntityManager em = tenantDb.em();
    Mailer mailer = mailers.active();
    Mail row = new Mail(mail.receiver(), mail.subject(), kept == null ? mail.html() : kept, mailer.name());
    LocalDateTime now = Timestamped.nowUtc();
    if (mailer.deliversInTransaction()) {
      Mailer.Result result = Mailer.sendOrFail(mailer, mail);
      row.record(result, !result.delivered(), now, null);
    } else {
      row.await(mail.html(), now);
      long companyId = tenantDb.companyId();
      String database = tenantDb.databaseName();
      AfterTransaction.onCommit(transactions, () -> worker.wake(companyId, database));
    }
    em.persist(row);
    em.flush();
    return row.getId();
  }
}
