package org.mpm.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.tenancy.DueWork;

/**
 * The mail queue's poll, a non-persistent interval timer on every node ({@code mpm.mail.poll-seconds}): wakes the
 * {@link MailWorker} of every company with mails due ({@link DueWork}), so that mails left by a restart, a dead node
 * or a lease that ran out are delivered. Only when mails go through a mail server: the recording mailer leaves
 * nothing waiting.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSchedules {

  /** Mails due now. */
  static final DueWork.Queue DUE = new DueWork.Queue("mails", "status = 0 AND next_attempt_at <= ?");

  @Resource TimerService timers;
  @Inject DueWork dueWork;
  @Inject MailWorker worker;
  @Inject Mailers mailers;

  @Inject
  @ConfigProperty(name = "mpm.mail.poll-seconds", defaultValue = "60")
  long pollSeconds;

  @PostConstruct
  void start() {
    if (!mailers.active().deliversInTransaction()) {
      timers.createIntervalTimer(2_000, pollSeconds * 1_000, new TimerConfig("mail-poll", false));
    }
  }

  @Timeout
  void poll() {
    dueWork.forEachCompanyWith("the mail poll", DUE, worker::poll);
  }
}
