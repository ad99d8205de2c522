package org.mpm.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.mpm.tenancy.TenantMemo;

/**
 * What the customer list needs besides its page, remembered per company and query: the total number of matching
 * people (Laravel's paginator reports it on every page; counting 100,000 index entries takes ~40 ms) and
 * bookmarks every {@value #BOOKMARK_STEP} rows, so that a deep page starts from the nearest bookmark instead of
 * skipping tens of thousands of rows.
 *
 * <p>Every committed change to a company's people or addresses on this server forgets what was remembered for
 * that company; changes made through another server are seen after at most 10 s (totals) or 60 s (bookmarks; a
 * stale bookmark still points at a real row, so a deep page may start a few rows early or late, as any offset
 * page does when rows are added meanwhile).
 */
@ApplicationScoped
public class PeopleListCache {

  public static final int BOOKMARK_STEP = 1000;
  static final long TOTAL_TTL_NANOS = 10_000_000_000L;
  static final long BOOKMARK_TTL_NANOS = 60_000_000_000L;

  /** Row {@code position} (0-based) of the ordered list has sort key {@code key} and id {@code id}. */
  public record Bookmark(long position, Object key, long id) {}

  @Inject TenantMemo memo;

  public long total(String database, String query, Supplier<Long> count) {
    return memo.get(TenantMemo.PEOPLE, database, "total " + query, TOTAL_TTL_NANOS, count);
  }

  public List<Bookmark> bookmarks(String database, String query, Supplier<List<Bookmark>> scan) {
    return memo.get(TenantMemo.PEOPLE, database, "bookmarks " + query, BOOKMARK_TTL_NANOS, scan);
  }

  /** Forgets the company's totals and bookmarks once the current transaction has committed. */
  public void changed(String database) {
    memo.changed(TenantMemo.PEOPLE, database);
  }
}
