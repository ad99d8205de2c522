package org.mpm.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.tenancy.CompanyDrains;

/**
 * Carries out the pipeline's durable work of a company on this node: woken when a payment commits, when a retry
 * falls due, and by {@link PaymentSchedules}' poll (work left by a node that died, by another node, or before a
 * restart). At most one drain per company runs on a node at a time, and at most {@code mpm.payments.drains} (8)
 * companies' drains at once, companies with new work before those the poll woke ({@link CompanyDrains}); nodes
 * share the queue through {@code FOR UPDATE SKIP LOCKED}. A wake during a drain makes the drain look again when it
 * finishes.
 *
 * <p>A drain starts {@code mpm.payments.gather-ms} after the wake that asks for it, and goes on in rounds as far
 * apart until a round finds nothing due, so that the payments of each moment are carried out together: a round
 * of the queue costs a handful of transactions whether it carries one payment or fifty, so under load larger
 * rounds leave more of the machine to taking payments.
 */
@ApplicationScoped
public class PaymentWorker {

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PaymentDrain drain;

  @Inject
  @ConfigProperty(name = "mpm.payments.gather-ms", defaultValue = "50")
  long gatherMillis;

  @Inject
  @ConfigProperty(name = "mpm.payments.drains", defaultValue = "8")
  int drainsAtOnce;

  private CompanyDrains drains;

  @PostConstruct
  void init() {
    drains = new CompanyDrains("Payment jobs", drainsAtOnce, gatherMillis, executor, scheduler, this::round);
  }

  /** Makes this node look at the company's due work soon (now, or after the drain that is running). */
  public void wake(long companyId, String database) {
    drains.wake(companyId, database);
  }

  /** As {@link #wake}, for work that may have been left by a restart or another node (after new work). */
  public void poll(long companyId, String database) {
    drains.poll(companyId, database);
  }

  private boolean round(long companyId, String database) {
    PaymentDrain.Pass pass = drain.drain(companyId, database, false);
    pass.retries().forEach(due -> drains.wakeAt(companyId, database, due));
    return pass.more();
  }
}
