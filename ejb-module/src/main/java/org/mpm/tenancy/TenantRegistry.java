package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Company id to tenant database, from central {@code company_databases}. A company whose provisioning has not
 * completed (a {@code tenant_provisionings} row exists) is not a tenant yet. Positive answers are cached; a miss
 * asks the database, so companies registered on another node are found.
 */
@ApplicationScoped
public class TenantRegistry {

  private static final Logger LOG = Logger.getLogger(TenantRegistry.class.getName());

  /** Work done for one company by a schedule that goes over all of them. */
  @FunctionalInterface
  public interface CompanyWork {
    void run(long companyId, String database);
  }

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject WaitingCompanies waiting;

  /** The most companies a clock's round works on at once ({@link #forEachCompany(String, Executor, CompanyWork)}). */
  static final int LANES = 4;

  private final Map<Long, String> databases = new ConcurrentHashMap<>();
  /** The clocks whose round is going. */
  private final Set<String> rounds = ConcurrentHashMap.newKeySet();

  /** The tenant database of a company, if the company exists and is fully provisioned. */
  public Optional<String> databaseOf(long companyId) {
    String cached = databases.get(companyId);
    if (cached != null) {
      return Optional.of(cached);
    }
    @SuppressWarnings("unchecked")
    List<Object> rows = central.createNativeQuery(
            "SELECT cd.database_name FROM company_databases cd WHERE cd.company_id = ?1"
                + " AND NOT EXISTS (SELECT 1 FROM tenant_provisionings tp WHERE tp.database_name = cd.database_name)"
                + " ORDER BY cd.id LIMIT 1")
        .setParameter(1, companyId)
        .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String name = (String) rows.get(0);
    if (!DatabaseNames.isSafe(name)) {
      return Optional.empty();
    }
    databases.put(companyId, name);
    return Optional.of(name);
  }

  /** Every fully provisioned tenant database. */
  @SuppressWarnings("unchecked")
  public List<Object[]> allTenants() {
    return central.createNativeQuery(
            "SELECT cd.company_id, cd.database_name FROM company_databases cd"
                + " WHERE NOT EXISTS (SELECT 1 FROM tenant_provisionings tp WHERE tp.database_name = cd.database_name)"
                + " ORDER BY cd.company_id")
        .getResultList();
  }

  /**
   * Runs {@code work} for every company on threads of {@code executor}: at most {@value #LANES} companies at once,
   * however many there are, so that a clock never floods the executor (whose threads the requests and the other
   * clocks share). One company's failure is logged and the others go on. When the companies cannot be listed (the
   * central database away), that is logged and nothing runs. A round that finds the previous round of the same work
   * still going is skipped: the next tick takes it up.
   *
   * @param what the work's name in the log
   */
  public void forEachCompany(String what, Executor executor, CompanyWork work) {
    List<Object[]> tenants;
    try {
      tenants = allTenants();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not list the companies for " + what, e);
      return;
    }
    forEach(what, tenants, executor, work);
  }

  /**
   * As {@link #forEachCompany(String, Executor, CompanyWork)}, for these companies ({@code [company id, database]},
   * e.g. those {@link DueWork} found work due for). Companies waiting for their migration ({@link WaitingCompanies})
   * are passed by.
   */
  public void forEach(String what, List<Object[]> companies, Executor executor, CompanyWork work) {
    if (!rounds.add(what)) {
      LOG.fine(() -> what + ": the previous round is still going; this one is skipped");
      return;
    }
    Queue<Object[]> queue = new ConcurrentLinkedQueue<>(companies);
    queue.removeIf(t -> waiting.isWaiting((String) t[1]));
    int lanes = Math.min(LANES, queue.size());
    AtomicInteger going = new AtomicInteger(lanes);
    if (lanes == 0) {
      rounds.remove(what);
      return;
    }
    for (int i = 0; i < lanes; i++) {
      Runnable lane = () -> {
        try {
          Object[] t;
          while ((t = queue.poll()) != null) {
            long companyId = ((Number) t[0]).longValue();
            try {
              work.run(companyId, (String) t[1]);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, what + " failed for company " + companyId, e);
            }
          }
        } finally {
          if (going.decrementAndGet() == 0) {
            rounds.remove(what);
          }
        }
      };
      try {
        executor.execute(lane);
      } catch (RuntimeException e) {
        // The other lanes take this one's companies; when none could start, the round ends here.
        LOG.log(Level.WARNING, what + ": a lane could not be started (" + e + ")");
        if (going.decrementAndGet() == 0) {
          rounds.remove(what);
        }
      }
    }
  }
}
