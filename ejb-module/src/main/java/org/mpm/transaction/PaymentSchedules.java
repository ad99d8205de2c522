package org.mpm.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.appliance.RateReminders;
import org.mpm.tariff.AccessRateAccrual;
import org.mpm.tenancy.DueWork;
import org.mpm.tenancy.TenantRegistry;

/**
 * The pipeline's clocks, one non-persistent interval timer each, on every node: the poll that wakes the
 * {@link PaymentWorker} of every company with jobs due ({@link DueWork}: work left by a restart, a dead node or another
 * node), the access-rate accrual and the installment reminders (every {@code MPM_APPLIANCE_REMINDERS_CHECK_SECONDS},
 * 3600). All are safe to run on every node at once — jobs, access-rate accounts and rates to remind are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and each change is made once — so the cluster does the work once per company; one
 * company's failure is logged and the others go on.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentSchedules {

  private static final String POLL = "payments-poll";
  private static final String ACCRUAL = "access-rate-accrual";
  private static final String REMINDERS = "appliance-rate-reminders";

  /** Companies with access rates to charge (whether an account is due is asked of each). */
  static final DueWork.Queue ACCESS_RATES = new DueWork.Queue("access_rates", "amount > 0 AND period > 0");
  /** Companies with installments still owed (whether one is to be reminded of is asked of each). */
  static final DueWork.Queue OWED_RATES = new DueWork.Queue("appliance_rates", "remaining > 0");

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject DueWork dueWork;
  @Inject PaymentWorker worker;
  @Inject AccessRateAccrual accrual;
  @Inject RateReminders reminders;

  @Inject
  @ConfigProperty(name = "mpm.payments.poll-seconds", defaultValue = "5")
  long pollSeconds;

  @Inject
  @ConfigProperty(name = "mpm.access-rate.check-seconds", defaultValue = "600")
  long accrualSeconds;

  @Inject
  @ConfigProperty(name = "mpm.appliance-reminders.check-seconds", defaultValue = "3600")
  long reminderSeconds;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(1_000, pollSeconds * 1_000, new TimerConfig(POLL, false));
    timers.createIntervalTimer(5_000, accrualSeconds * 1_000, new TimerConfig(ACCRUAL, false));
    timers.createIntervalTimer(10_000, reminderSeconds * 1_000, new TimerConfig(REMINDERS, false));
  }

  @Timeout
  void tick(Timer timer) {
    String what = (String) timer.getInfo();
    if (POLL.equals(what)) {
      dueWork.forEachCompanyWith(what, PaymentJobs.DUE, worker::poll);
    } else if (REMINDERS.equals(what)) {
      registry.forEach(what, dueWork.companiesWith(what, OWED_RATES), executor, reminders::run);
    } else {
      // On threads of their own: the timer's request context is bound to no company and must stay so.
      registry.forEach(what, dueWork.companiesWith(what, ACCESS_RATES), executor, accrual::run);
    }
  }
}
