package org.mpm.imports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mpm.tenancy.CompanyDrains;

/**
 * Carries out a company's import jobs on this node: woken when a job is submitted and by {@link ImportSchedules}'
 * poll (jobs left by a restart or a dead node). At most one drain per company runs on a node at a time, and at most
 * two companies' at once ({@link CompanyDrains}); a wake during a drain makes it look again when it finishes. Nodes
 * share the jobs through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ImportWorker {

  private static final int DRAINS_AT_ONCE = 2;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ImportDrain drain;

  private CompanyDrains drains;

  @PostConstruct
  void init() {
    drains = new CompanyDrains("Imports", DRAINS_AT_ONCE, 0, executor, scheduler, (companyId, database) -> {
      drain.drain(companyId, database);
      return false;
    });
  }

  /** Makes this node carry out the company's submitted imports now (or after the drain that is running). */
  public void wake(long companyId, String database) {
    drains.wake(companyId, database);
  }

  /** As {@link #wake}, for jobs that may have been left by a restart or another node. */
  public void poll(long companyId, String database) {
    drains.poll(companyId, database);
  }
}
