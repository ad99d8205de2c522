package org.mpm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.ApiException;

/**
 * The companies whose databases could not be migrated at start, because their database server could not be reached
 * or refused the login. Until their database is migrated they answer 503 and the clocks pass them by, so that no
 * request and no background work meets a schema older than the code. Every {@value #RETRY_SECONDS} s the login is
 * tried on each of their servers; a server that takes it has its waiting companies migrated one after the other,
 * each served again as soon as its migration is done. A company whose migration fails waits for the next round.
 *
 * <p>Each node of a cluster keeps its own list (it is what its own start found); the migrations are Flyway's, which
 * locks a database's history, so two nodes migrating the same company at once do it once.
 */
@ApplicationScoped
public class WaitingCompanies {

  private static final Logger LOG = Logger.getLogger(WaitingCompanies.class.getName());

  /** How often the servers of waiting companies are tried. */
  static final long RETRY_SECONDS = 30;

  @Inject TenantServers servers;
  @Inject DatabaseMigrator migrator;
  @Resource ManagedScheduledExecutorService scheduler;

  /** Database server name to its companies' databases still to migrate. */
  private final Map<String, Set<String>> waiting = new ConcurrentHashMap<>();
  /** Every waiting database, for the check on each transaction. */
  private final Set<String> databases = ConcurrentHashMap.newKeySet();

  private ScheduledFuture<?> retries;

  /** Whether a company's database waits for its migration. */
  public boolean isWaiting(String database) {
    return !databases.isEmpty() && databases.contains(database);
  }

  /**
   * Refuses a waiting company's database.
   *
   * @throws ApiException 503 while the database waits for its migration
   */
  public void requireMigrated(String database) {
    if (isWaiting(database)) {
      throw new ApiException(503, "Service Unavailable");
    }
  }

  /** Puts a server's companies on the list and starts the retries if they are not going yet. */
  public synchronized void await(String server, Collection<String> companyDatabases) {
    if (companyDatabases.isEmpty()) {
      return;
    }
    add(server, companyDatabases);
    LOG.warning(() -> companyDatabases.size() + " company database(s) on the database server " + server
        + " wait for their migration: they answer 503 until the server takes this installation's login; it is"
        + " tried every " + RETRY_SECONDS + " s");
    if (retries == null) {
      retries = scheduler.scheduleWithFixedDelay(this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Puts a server's companies on the list. */
  synchronized void add(String server, Collection<String> companyDatabases) {
    waiting.computeIfAbsent(server, s -> ConcurrentHashMap.newKeySet()).addAll(companyDatabases);
    databases.addAll(companyDatabases);
  }

  private void retry() {
    try {
      boolean done = retry(name -> servers.server(name).map(servers::takesLogin).orElse(false), db -> {
        DatabaseServer server = servers.serverOf(db);
        migrator.migrateTenant(server, db);
      });
      if (done) {
        synchronized (this) {
          if (waiting.isEmpty() && retries != null) {
            retries.cancel(false);
            retries = null;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The waiting companies' servers could not be tried", e);
    }
  }

  /**
   * One round: for each server that takes the login now, migrates its waiting companies; a company is served again
   * once its migration is done.
   *
   * @return whether no company waits any more
   */
  synchronized boolean retry(Predicate<String> takesLogin, Consumer<String> migrate) {
    for (Map.Entry<String, Set<String>> entry : waiting.entrySet()) {
      String server = entry.getKey();
      if (!takesLogin.test(server)) {
        LOG.fine(() -> "The database server " + server + " still does not take the login");
        continue;
      }
      int migrated = 0;
      for (Iterator<String> it = entry.getValue().iterator(); it.hasNext(); ) {
        String db = it.next();
        try {
          migrate.accept(db);
          it.remove();
          databases.remove(db);
          migrated++;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Tenant database " + db + " could not be migrated; it waits for the next round", e);
        }
      }
      int done = migrated;
      int left = entry.getValue().size();
      LOG.info(() -> "The database server " + server + " takes the login again: " + done
          + " company database(s) migrated and served" + (left == 0 ? "" : ", " + left + " still waiting"));
    }
    waiting.entrySet().removeIf(e -> e.getValue().isEmpty());
    return waiting.isEmpty();
  }

  @PreDestroy
  synchronized void stop() {
    if (retries != null) {
      retries.cancel(false);
    }
  }
}
