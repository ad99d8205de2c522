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
import org.mpm.tenancy.TenantRegistry;

/**
 * The mail queue's poll, a non-persistent interval timer on every node ({@code mpm.mail.poll-seconds}): wakes every
 * company's {@link MailWorker}, so that mails left by a restart, a dead node or a lease that ran out are delivered.
 * Only when mails go through a mail server: the recording mailer leaves nothing waiting.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSchedules {

  @Resource TimerService timers;
  @Inject TenantRegistry registry;
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
    registry.forEachCompany("the mail poll", worker::poll);
  }
}
