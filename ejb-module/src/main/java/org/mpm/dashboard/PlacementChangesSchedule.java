package org.mpm.dashboard;

import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.mpm.tenancy.TenantRegistry;

/**
 * Every ten minutes, on every node, every company's {@link PlacementChanges#fold}: safe at once on several nodes
 * (a row is deleted and counted by one of them).
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlacementChangesSchedule {

  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject PlacementChanges.Runner runner;

  @Schedule(hour = "*", minute = "*/10", timezone = "UTC", persistent = false)
  void fold() {
    registry.forEachCompany("folding the dashboards' placement changes", executor, runner::fold);
  }
}
