package org.mpm.appliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantContext;
import org.mpm.transaction.PaymentWorker;

/**
 * The installment reminders of one company ({@link RateReminderSteps}), run by {@code PaymentSchedules} on every
 * node; reminders left for a gateway that sends outside a transaction are handed to the payment pipeline's queue.
 */
@ApplicationScoped
public class RateReminders {

  @Inject TenantContext tenant;
  @Inject RateReminderSteps steps;
  @Inject PaymentWorker worker;

  /** Reminds what is due; returns the number of rates reminded. */
  @ActivateRequestContext
  public int run(long companyId, String database) {
    tenant.set(companyId, database);
    int reminded = 0;
    RateReminderSteps.Round round;
    do {
      round = steps.remind(Timestamped.nowUtc());
      reminded += round.reminded();
      if (round.queued()) {
        worker.wake(companyId, database);
      }
    } while (round.reminded() > 0);
    return reminded;
  }
}
