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
import org.mpm.tenancy.DueWork;

/**
 * The import jobs' poll, a non-persistent interval timer on every node ({@code mpm.imports.poll-seconds}): wakes
 * the {@link ImportWorker} of every company with jobs to carry out ({@link DueWork}), so that jobs left by a restart
 * or a node whose lease ran out are finished.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportSchedules {

  /** Jobs pending, or whose node's lease ran out. */
  static final DueWork.Queue DUE = new DueWork.Queue("import_jobs",
      "status IN ('pending', 'processing') AND (lease_until IS NULL OR lease_until <= ?)");

  @Resource TimerService timers;
  @Inject DueWork dueWork;
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
    dueWork.forEachCompanyWith("the import poll", DUE, worker::poll);
  }
}
