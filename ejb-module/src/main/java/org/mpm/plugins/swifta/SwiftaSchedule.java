package org.mpm.plugins.swifta;

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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * The clock of {@link SwiftaExpiry}: every {@code MPM_SWIFTA_EXPIRY_CHECK_SECONDS} (3600), on every node, for every
 * company that has the plugin enabled — safe at once on several nodes (the rows are taken under lock and failed once),
 * so a requested payment is failed within an hour of turning 24 hours old rather than at the next midnight.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SwiftaSchedule {

  @Resource TimerService timers;
  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject Runner runner;

  @Inject
  @ConfigProperty(name = "mpm.swifta.expiry-check-seconds", defaultValue = "3600")
  long checkSeconds;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(15_000, checkSeconds * 1_000, new TimerConfig("swifta-expiry", false));
  }

  @Timeout
  void tick() {
    registry.forEachCompany("the Swifta expiry", executor, runner::run);
  }

  /** One company's expiry, in a request context bound to the company. */
  @ApplicationScoped
  public static class Runner {

    @Inject TenantContext tenant;
    @Inject SwiftaExpiry expiry;

    @ActivateRequestContext
    public int run(long companyId, String database) {
      tenant.set(companyId, database);
      return expiry.expire();
    }
  }
}
