package org.mpm.tenancy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.company.CompanyRegistrationService;
import org.mpm.demo.DemoSeeder;

/**
 * Startup: migrate the central database, record the configured database servers, remove companies whose
 * provisioning a crash interrupted, migrate every tenant database on its server (two at a time; one failing tenant
 * is logged and does not stop the others; those on a server that cannot be reached or refuses the login wait, see
 * {@link WaitingCompanies}), re-create the tenant pools,
 * and seed the demo company on an empty installation.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Boot {

  private static final Logger LOG = Logger.getLogger(Boot.class.getName());

  /** Tenant databases migrated at the same time. */
  static final int PARALLEL_MIGRATIONS = 2;

  @Inject DatabaseMigrator migrator;
  @Inject TenantRegistry registry;
  @Inject TenantDataSources dataSources;
  @Inject TenantServers servers;
  @Inject WaitingCompanies waiting;
  @Inject CompanyRegistrationService registration;
  @Inject DemoSeeder demo;
  @Resource ManagedExecutorService executor;

  @PostConstruct
  void start() {
    long t0 = System.nanoTime();
    migrator.migrateCentral();
    servers.recordConfigured();
    int removed = registration.recoverIncomplete();
    List<Object[]> tenants = registry.allTenants();
    Set<String> unavailable = servers.unavailable();
    Map<String, List<String>> waitingOn = new TreeMap<>();
    List<String> toMigrate = new ArrayList<>();
    for (Object[] t : tenants) {
      String db = (String) t[1];
      String server;
      try {
        server = servers.serverOf(db).name();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Tenant database " + db + " could not be migrated", e);
        continue;
      }
      if (unavailable.contains(server)) {
        waitingOn.computeIfAbsent(server, s -> new ArrayList<>()).add(db);
      } else {
        toMigrate.add(db);
      }
    }
    waitingOn.forEach(waiting::await);
    migrateAll(executor, toMigrate, db -> migrator.migrateTenant(servers.serverOf(db), db));
    for (Object[] t : tenants) {
      String db = (String) t[1];
      if (DatabaseNames.isSafe(db)) {
        try {
          dataSources.prepare(db);
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

  /**
   * Migrates the databases on the container's threads, {@value #PARALLEL_MIGRATIONS} at a time (each worker takes
   * the next database when it is done with one); returns when all are done. A database that fails is logged and
   * the others go on.
   */
  static void migrateAll(ExecutorService executor, List<String> databases, Consumer<String> migrate) {
    Queue<String> pending = new ConcurrentLinkedQueue<>(databases);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < Math.min(PARALLEL_MIGRATIONS, databases.size()); i++) {
      workers.add(executor.submit(() -> {
        for (String db = pending.poll(); db != null; db = pending.poll()) {
          try {
            migrate.accept(db);
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Tenant database " + db + " could not be migrated", e);
          }
        }
      }));
    }
    for (Future<?> worker : workers) {
      try {
        worker.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while migrating the tenant databases", e);
      } catch (ExecutionException e) {
        LOG.log(Level.SEVERE, "A tenant migration worker stopped; the databases it had not reached are left", e);
      }
    }
  }
}
