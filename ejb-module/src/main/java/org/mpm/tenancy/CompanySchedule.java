package org.mpm.tenancy;

import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * A clock that does a piece of work for every company, on every node: a non-persistent interval timer whose tick
 * runs {@link #work} once per company ({@link TenantRegistry#forEachCompany}; only for the companies with rows of
 * its {@link #queue} when it names one), on threads of the managed executor, in a request context bound to the
 * company; one company's failure is logged and the others go on. The work must be safe on several nodes at once
 * (rows claimed under lock). A subclass is a {@code @Startup @Singleton @DependsOn("Boot")} bean without
 * transactions that starts its timer with {@link #every}.
 */
public abstract class CompanySchedule {

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject DueWork dueWork;
  @Inject InCompany inCompany;

  /** Starts the clock: first after {@code initialMillis}, then every {@code seconds}; none when that is 0 or less. */
  protected void every(String name, long initialMillis, long seconds) {
    if (seconds > 0) {
      timers.createIntervalTimer(initialMillis, seconds * 1_000, new TimerConfig(name, false));
    }
  }

  @Timeout
  protected void tick() {
    TenantRegistry.CompanyWork each = (companyId, database) -> inCompany.run(companyId, database, this::work);
    DueWork.Queue queue = queue();
    if (queue == null) {
      registry.forEachCompany(what(), executor, each);
    } else {
      registry.forEach(what(), dueWork.companiesWith(what(), queue), executor, each);
    }
  }

  /** The work's name in the log. */
  protected abstract String what();

  /**
   * The rows a company must have for the work to have anything to do, if they can be named: the tick then works
   * only on the companies that have some ({@link DueWork}), and leaves the others' databases alone. By default
   * every company is worked on.
   */
  protected DueWork.Queue queue() {
    return null;
  }

  /** The work for the company the request context is bound to. */
  protected abstract void work();

  /** Runs work in a request context bound to a company. */
  @ApplicationScoped
  public static class InCompany {

    @Inject TenantContext tenant;

    @ActivateRequestContext
    public void run(long companyId, String database, Runnable work) {
      tenant.set(companyId, database);
      work.run();
    }
  }
}
