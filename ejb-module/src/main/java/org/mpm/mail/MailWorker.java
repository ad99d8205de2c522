package org.mpm.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import org.mpm.tenancy.CompanyDrains;

/**
 * Delivers a company's waiting mails on this node: woken when a transaction that wrote a mail commits, when a
 * retry falls due, and by {@link MailSchedules}' poll (mails left by a restart or another node). At most one drain
 * per company runs on a node at a time, and at most four companies' at once ({@link CompanyDrains}); a wake during a
 * drain makes the drain look again when it finishes. Nodes share the queue through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class MailWorker {

  private static final int DRAINS_AT_ONCE = 4;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject MailDrain drain;

  private CompanyDrains drains;

  @PostConstruct
  void init() {
    drains = new CompanyDrains("Mails", DRAINS_AT_ONCE, 0, executor, scheduler, this::round);
  }

  /** Makes this node deliver the company's due mails now (or after the drain that is running). */
  public void wake(long companyId, String database) {
    drains.wake(companyId, database);
  }

  /** As {@link #wake}, for mails that may have been left by a restart or another node (after new mails). */
  public void poll(long companyId, String database) {
    drains.poll(companyId, database);
  }

  private boolean round(long companyId, String database) {
    for (LocalDateTime due : drain.drain(companyId, database)) {
      drains.wakeAt(companyId, database, due);
    }
    return false;
  }
}
