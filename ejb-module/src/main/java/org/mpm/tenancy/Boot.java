package org.mpm.tenancy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.company.CompanyRegistrationService;
import org.mpm.demo.DemoSeeder;

/**
 * Startup: migrate the central database, remove companies whose provisioning a crash interrupted, migrate every
 * tenant database (two at a time; one failing tenant is logged and does not stop the others), re-create the
 * tenant pools, and seed the demo company on an empty installation.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Boot {

  private static final Logger LOG = Logger.getLogger(Boot.class.getName());

  @Inject DatabaseMigrator migrator;
  @Inject TenantRegistry registry;
  @Inject TenantDataSources dataSources;
  @Inject CompanyRegistrationService registration;
  @Inject DemoSeeder demo;

  @PostConstruct
  void start() {
    long t0 = System.nanoTime();
    migrator.migrateCentral();
    int removed = registration.recoverIncomplete();
    List<Object[]> tenants = registry.allTenants();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (Object[] t : tenants) {
        String db = (String) t[1];
        jobs.add(pool.submit(() -> migrator.migrateTenant(db)));
      }
      for (int i = 0; i < jobs.size(); i++) {
        try {
          jobs.get(i).get();
        } catch (Exception e) {
          LOG.log(Level.SEVERE, "Tenant database " + tenants.get(i)[1] + " could not be migrated", e);
        }
      }
    } finally {
      pool.shutdown();
    }
    for (Object[] t : tenants) {
      String db = (String) t[1];
      if (DatabaseNames.isSafe(db)) {
        try {
          dataSources.dataSource(db);
        } catch (RuntimeException e) {
          LOG.log(Level.SEVERE, "Pool for tenant database " + db + " could not be created", e);
        }
      }
    }
    demo.seedIfEmpty();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(() -> "Startup: " + tenants.size() + " tenant(s) ready, " + removed
        + " incomplete registration(s) removed, in " + ms + " ms");
  }
}
