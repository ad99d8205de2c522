package org.mpm.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.tenancy.TenantContext;

/**
 * One pass over a company's due mails: claim a batch, hand each mail to the mailer outside any transaction, record
 * each answer in a transaction of its own, until nothing is due. Runs in its own request context bound to the
 * company.
 */
@ApplicationScoped
public class MailDrain {

  private static final Logger LOG = Logger.getLogger(MailDrain.class.getName());
  static final int BATCH = 20;

  @Inject TenantContext tenant;
  @Inject MailSteps steps;
  @Inject Mailers mailers;

  /** Delivers the company's due mails; returns when those that failed for now are to be tried again. */
  @ActivateRequestContext
  public List<LocalDateTime> drain(long companyId, String database) {
    tenant.set(companyId, database);
    Mailer mailer = mailers.active();
    List<LocalDateTime> retries = new ArrayList<>();
    while (true) {
      List<MailSteps.Claimed> claimed = steps.claim(BATCH);
      for (MailSteps.Claimed c : claimed) {
        Mailer.Result result = Mailer.sendOrFail(mailer, c.mail());
        if (!result.delivered()) {
          LOG.log(result.permanent() ? Level.WARNING : Level.INFO, "Mail " + c.id() + " of company " + companyId
              + " to " + c.mail().receiver() + " was not delivered: " + result.error());
        }
        steps.record(c.id(), result).ifPresent(retries::add);
      }
      if (claimed.size() < BATCH) {
        return retries;
      }
    }
  }
}
