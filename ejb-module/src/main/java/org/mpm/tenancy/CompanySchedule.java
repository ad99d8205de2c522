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
 * runs {@link #work} once per company ({@link TenantRegistry#forEachCompany}), each on a thread of the managed
 * executor, in a request context bound to the company; one company's failure is logged and the others go on. The
 * work must be safe on several nodes at once (rows claimed under lock). A subclass is a
 * {@code @Startup @Singleton @DependsOn("Boot")} bean without transactions that starts its timer with
 * {@link #every}.
 */
public abstract class CompanySchedule {

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject InCompany inCompany;

  /** Starts the clock: first after {@code initialMillis}, then every {@code seconds}; none when that is 0 or less. */
  protected void every(String name, long initialMillis, long seconds) {
    if (seconds > 0) {
      timers.createIntervalTimer(initialMillis, seconds * 1_000, new TimerConfig(name, false));
    }
  }

  @Timeout
  protected void tick() {
    registry.forEachCompany(what(), executor, (companyId, database) -> inCompany.run(companyId, database,
        this::work));
  }

  /** The work's name in the log. */
  protected abstract String what();

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
