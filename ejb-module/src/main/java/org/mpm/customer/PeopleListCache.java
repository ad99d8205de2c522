package org.mpm.customer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the customer list needs besides its page, remembered per company and query: the total number of matching
 * people (Laravel's paginator reports it on every page; counting 100,000 index entries takes ~40 ms) and
 * bookmarks every {@value #BOOKMARK_STEP} rows, so that a deep page starts from the nearest bookmark instead of
 * skipping tens of thousands of rows.
 *
 * <p>Every committed change to a company's people on this server forgets what was remembered for that company;
 * changes made through another server are seen after at most {@link #TOTAL_TTL_NANOS} (totals) or
 * {@link #BOOKMARK_TTL_NANOS} (bookmarks; a stale bookmark still points at a real row, so a deep page may start a
 * few rows early or late, as any offset page does when rows are added meanwhile).
 */
@ApplicationScoped
public class PeopleListCache {

  public static final int BOOKMARK_STEP = 1000;
  static final long TOTAL_TTL_NANOS = 10_000_000_000L;
  static final long BOOKMARK_TTL_NANOS = 60_000_000_000L;

  /** Row {@code position} (0-based) of the ordered list has sort key {@code key} and id {@code id}. */
  public record Bookmark(long position, Object key, long id) {}

  private record Remembered<T>(T value, long version, long at) {}

  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
  private final Map<String, Remembered<Long>> totals = new ConcurrentHashMap<>();
  private final Map<String, Remembered<List<Bookmark>>> bookmarks = new ConcurrentHashMap<>();

  @Resource TransactionSynchronizationRegistry transactions;

  public long total(String database, String query, Supplier<Long> count) {
    return remembered(totals, database, query, TOTAL_TTL_NANOS, count);
  }

  public List<Bookmark> bookmarks(String database, String query, Supplier<List<Bookmark>> scan) {
    return remembered(bookmarks, database, query, BOOKMARK_TTL_NANOS, scan);
  }

  /** Forgets the company's totals and bookmarks once the current transaction has committed. */
  public void changed(String database) {
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          version(database).incrementAndGet();
        }
      }
    });
  }

  private <T> T remembered(Map<String, Remembered<T>> store, String database, String query, long ttl,
      Supplier<T> compute) {
    String key = database + '\u0000' + query;
    long version = version(database).get();
    long now = System.nanoTime();
    Remembered<T> r = store.get(key);
    if (r != null && r.version() == version && now - r.at() < ttl) {
      return r.value();
    }
    T value = compute.get();
    if (store.size() > 10_000) {
      store.clear();
    }
    store.put(key, new Remembered<>(value, version, now));
    return value;
  }

  private AtomicLong version(String database) {
    return versions.computeIfAbsent(database, d -> new AtomicLong());
  }
}
