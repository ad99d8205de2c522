package org.mpm.imports;

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
 * The import jobs' poll, a non-persistent interval timer on every node ({@code mpm.imports.poll-seconds}): wakes
 * every company's {@link ImportWorker}, so that jobs left by a restart or a node whose lease ran out are finished.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportSchedules {

  @Resource TimerService timers;
  @Inject TenantRegistry registry;
  @Inject ImportWorker worker;

  @Inject
  @ConfigProperty(name = "mpm.imports.poll-seconds", defaultValue = "60")
  long pollSeconds;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(5_000, pollSeconds * 1_000, new TimerConfig("import-poll", false));
  }

  @Timeout
  void poll() {
    registry.forEachCompany("the import poll", worker::poll);
  }
}
