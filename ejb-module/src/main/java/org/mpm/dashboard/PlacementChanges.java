package org.mpm.dashboard;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.tenancy.CompanySchedule;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * Counts per place (customers, devices and meters of each village, appliances sold) computed by aggregate SQL and
 * remembered for as long as nothing they count has changed. The company's database keeps the version of what is
 * counted: triggers append a row to {@code placement_changes} for every change to people, primary addresses,
 * devices, meters, appliance sales, villages and mini-grids (tenant migration V33_1), and {@link #fold} moves old
 * rows into {@code placement_change_totals} in one transaction. The version, folded + rows, therefore grows by one
 * with every committed change, whichever server or tool made it, and never otherwise; remembered counts of the
 * current version are exact on every server at once.
 *
 * <p>After a change, counts are recounted at once, unless the company is large (a version of {@value #LARGE} or
 * more: its people, devices and meters have been written that often) and their last count took
 * {@value #SLOW_MILLIS} ms or more (up to seconds at 200,000 customers): then they are recounted in the background
 * while the previous counts are answered, so a dashboard stays fast and its counts lag a change by one recount.
 */
@Stateless
public class PlacementChanges {

  private static final Logger LOG = Logger.getLogger(PlacementChanges.class.getName());

  /** How long counts are remembered at most (the version, not this time, decides whether they still hold). */
  static final long TTL_NANOS = 24L * 3600 * 1_000_000_000L;
  /** A count that took this long, in a company of {@value #LARGE} changes or more, is recounted in the background. */
  static final long SLOW_MILLIS = 100;
  /** The version from which a company is large enough for background recounts. */
  static final long LARGE = 10_000;
  /** So many changes not folded yet start a fold. */
  static final long FOLD_AT = 10_000;

  /** The last counts under a key: their value, the version they were counted at, and how long counting took. */
  record Latest(Object value, long version, long millis) {}

  @Inject TenantDatabase tenantDb;
  @Inject TenantMemo memo;
  @Inject Recounts recounts;

  /** The counts named {@code key}: remembered from the current version, or counted now, or (slow) the last ones. */
  @SuppressWarnings("unchecked")
  public <T> T counted(String key, Supplier<T> count) {
    String database = tenantDb.databaseName();
    long version = version();
    Latest latest = memo.remembered(TenantMemo.PLACES, database, key);
    if (latest != null && latest.version() == version) {
      return (T) latest.value();
    }
    if (latest != null && latest.millis() >= SLOW_MILLIS && version >= LARGE
        && recounts.start(tenantDb.companyId(), database, key, count)) {
      return (T) latest.value();
    }
    return recount(key, version, count);
  }

  /** Counts now, in the current transaction, and remembers the counts under {@code version}. */
  <T> T recount(String key, long version, Supplier<T> count) {
    long start = System.nanoTime();
    T value = count.get();
    memo.remember(TenantMemo.PLACES, tenantDb.databaseName(), key, TTL_NANOS,
        new Latest(value, version, (System.nanoTime() - start) / 1_000_000));
    return value;
  }

  /** Counts in a transaction of its own (a background recount). */
  public void recountNow(String key, Supplier<?> count) {
    recount(key, version(), count);
  }

  /**
   * The version of what is counted per place: grows by one with every committed change. When many changes are not
   * folded yet (a bulk import), a fold is started in the background so that reading the version stays cheap.
   */
  public long version() {
    Object[] r = (Object[]) tenantDb.em().createNativeQuery("SELECT (SELECT folded FROM placement_change_totals"
        + " WHERE id = 1), (SELECT COUNT(*) FROM placement_changes)").getSingleResult();
    long unfolded = ((Number) r[1]).longValue();
    if (unfolded >= FOLD_AT) {
      recounts.fold(tenantDb.companyId(), tenantDb.databaseName());
    }
    return (r[0] == null ? 0 : ((Number) r[0]).longValue()) + unfolded;
  }

  /**
   * Folds the changes recorded more than ten seconds ago into the total, in this transaction: the version stays
   * the same and the table read by {@link #version} stays small. Returns how many rows were folded.
   */
  public int fold() {
    Number last = (Number) tenantDb.em().createNativeQuery("SELECT MAX(id) FROM placement_changes"
        + " WHERE created_at < NOW() - INTERVAL 10 SECOND").getSingleResult();
    if (last == null) {
      return 0;
    }
    int folded = tenantDb.em().createNativeQuery("DELETE FROM placement_changes WHERE id <= ?1")
        .setParameter(1, last.longValue()).executeUpdate();
    tenantDb.em().createNativeQuery("UPDATE placement_change_totals SET folded = folded + ?1 WHERE id = 1")
        .setParameter(1, folded).executeUpdate();
    return folded;
  }

  /** The background recounts: at most one at a time per company and key. */
  @ApplicationScoped
  public static class Recounts {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Resource ManagedExecutorService executor;
    @Inject CompanySchedule.InCompany inCompany;
    @Inject PlacementChanges changes;

    /** Starts a recount unless one of the key is running; false when none could be started. */
    boolean start(long companyId, String database, String key, Supplier<?> count) {
      return submit(database + '\u0000' + key, "Recounting the dashboard's " + key + " of " + database,
          () -> inCompany.run(companyId, database, () -> changes.recountNow(key, count)));
    }

    /** Starts a fold of the company's changes unless one is running. */
    void fold(long companyId, String database) {
      submit(database, "Folding the dashboard's changes of " + database,
          () -> inCompany.run(companyId, database, changes::fold));
    }

    private boolean submit(String id, String what, Runnable work) {
      if (!running.add(id)) {
        return true;
      }
      try {
        executor.execute(() -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed", e);
          } finally {
            running.remove(id);
          }
        });
        return true;
      } catch (RejectedExecutionException e) {
        running.remove(id);
        return false;
      }
    }
  }
}
