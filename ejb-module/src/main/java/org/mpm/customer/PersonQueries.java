package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mpm.common.ByIds;
import org.mpm.common.Like;
import org.mpm.common.NativeSql;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.customer.PeopleListCache.Bookmark;
import org.mpm.tenancy.TenantDatabase;

/**
 * The customer list and search ({@code GET /api/people}, {@code /api/people/search}): the ids of a page from
 * SQL over indexes, then those people with their relations ({@link PersonViews}). Totals and, deep in the list,
 * bookmarks are remembered per company and query ({@link PeopleListCache}).
 */
@Stateless
public class PersonQueries {

  @Inject TenantDatabase tenantDb;
  @Inject PeopleListCache listCache;
  @Inject PersonViews views;

  private EntityManager em() {
    return tenantDb.em();
  }

  /**
   * The filters and order of {@code GET /api/people}. Null means "not filtered". Payment filters look at the
   * person's payments ({@code payment_histories} with payer type {@code person}).
   */
  public record ListQuery(int isCustomer, Long cityId, LocalDate registrationFrom, LocalDate registrationTo,
      Long agentId, Boolean activeCustomer, Double totalPaidMin, Double totalPaidMax, LocalDate latestPaymentFrom,
      LocalDate latestPaymentTo, String deviceType, String sortField, boolean descending, int page, int perPage) {}

  /** Pages starting this deep use bookmarks. */
  static final long DEEP_OFFSET = 5_000;

  private static final String PAYMENTS = "SELECT 1 FROM payment_histories ph WHERE ph.payer_type = 'person'"
      + " AND ph.payer_id = p.id";

  public Page<PersonView> list(ListQuery q) {
    // Two steps: the ids of the page from an index (no row reads, also deep in the list), then those rows.
    List<Object> params = new ArrayList<>();
    String where = where(q, params);
    String dir = q.descending() ? " DESC" : " ASC";
    String key = sortKey(q.sortField());
    String order = key + dir + (key.equals("p.id") ? "" : ", p.id" + dir);
    // Totals and bookmarks are remembered for queries on people and addresses only: those change only through
    // PersonService and PersonAddresses, which tell the cache (payments and devices change elsewhere, and
    // "active" moves with time).
    boolean remember = q.agentId() == null && q.activeCustomer() == null && q.totalPaidMin() == null
        && q.totalPaidMax() == null && q.latestPaymentFrom() == null && q.latestPaymentTo() == null
        && q.deviceType() == null;
    String database = tenantDb.databaseName();
    String queryKey = where + " " + params;
    Supplier<Long> count = () -> ((Number) NativeSql.bind(em().createNativeQuery("SELECT COUNT(*) FROM people p"
        + where), params).getSingleResult()).longValue();
    long total = remember ? listCache.total(database, queryKey, count) : count.get();
    long offset = (long) (q.page() - 1) * q.perPage();
    StringBuilder pageWhere = new StringBuilder(where);
    List<Object> pageParams = new ArrayList<>(params);
    boolean byColumn = key.startsWith("p.");
    if (remember && byColumn && offset >= DEEP_OFFSET && offset < total) {
      // Deep in the list: continue after the nearest bookmark instead of skipping every row before it.
      List<Bookmark> marks = listCache.bookmarks(database, queryKey + order,
          () -> bookmarks(where, params, key, order));
      Bookmark from = null;
      for (Bookmark b : marks) {
        if (b.position() < offset) {
          from = b;
        }
      }
      if (from != null) {
        String after = q.descending() ? " < " : " > ";
        if (key.equals("p.id")) {
          pageWhere.append(" AND p.id").append(after).append("?");
          pageParams.add(from.id());
        } else {
          pageWhere.append(" AND ").append(key).append(q.descending() ? " <= ?" : " >= ?").append(" AND (")
              .append(key).append(after).append("? OR p.id").append(after).append("?)");
          pageParams.add(from.key());
          pageParams.add(from.key());
          pageParams.add(from.id());
        }
        offset -= from.position() + 1;
      }
    }
    @SuppressWarnings("unchecked")
    List<Number> ids = NativeSql.bind(em().createNativeQuery("SELECT p.id FROM people p" + pageWhere + " ORDER BY "
        + order + " LIMIT " + q.perPage() + " OFFSET " + offset), pageParams).getResultList();
    return new Page<>(views(ids), q.page(), q.perPage(), total);
  }

  /** The WHERE clause of the list's filters; their values are added to {@code params}. */
  private static String where(ListQuery q, List<Object> params) {
    StringBuilder where = new StringBuilder(" WHERE p.is_customer = ? AND p.deleted_at IS NULL");
    params.add(q.isCustomer());
    if (q.cityId() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM addresses a WHERE a.owner_type = 'person' AND a.owner_id = p.id"
          + " AND a.is_primary = 1 AND a.city_id = ?)");
      params.add(q.cityId());
    }
    if (q.registrationFrom() != null) {
      where.append(" AND p.created_at >= ?");
      params.add(q.registrationFrom().atStartOfDay());
    }
    if (q.registrationTo() != null) {
      where.append(" AND p.created_at < ?");
      params.add(q.registrationTo().plusDays(1).atStartOfDay());
    }
    if (q.agentId() != null) {
      // A customer's agent is the agent who sold it an appliance; no appliance sales are recorded by this
      // backend yet (agents and appliance sales come with their own tables), so no customer has an agent.
      where.append(" AND 1 = 0");
    }
    if (q.activeCustomer() != null) {
      where.append(q.activeCustomer() ? " AND EXISTS (" : " AND NOT EXISTS (").append(PAYMENTS)
          .append(" AND ph.created_at >= ?)");
      params.add(Timestamped.nowUtc().minusDays(PersonView.ACTIVE_DAYS));
    }
    if (q.totalPaidMin() != null || q.totalPaidMax() != null) {
      where.append(" AND p.id IN (SELECT ph.payer_id FROM payment_histories ph WHERE ph.payer_type = 'person'"
          + " GROUP BY ph.payer_id HAVING 1 = 1");
      if (q.totalPaidMin() != null) {
        where.append(" AND SUM(ph.amount) >= ?");
        params.add(q.totalPaidMin());
      }
      if (q.totalPaidMax() != null) {
        where.append(" AND SUM(ph.amount) <= ?");
        params.add(q.totalPaidMax());
      }
      where.append(")");
    }
    if (q.latestPaymentFrom() != null) {
      where.append(" AND (SELECT MAX(ph.created_at) FROM payment_histories ph WHERE ph.payer_type = 'person'"
          + " AND ph.payer_id = p.id) >= ?");
      params.add(q.latestPaymentFrom().atStartOfDay());
    }
    if (q.latestPaymentTo() != null) {
      where.append(" AND (SELECT MAX(ph.created_at) FROM payment_histories ph WHERE ph.payer_type = 'person'"
          + " AND ph.payer_id = p.id) < ?");
      params.add(q.latestPaymentTo().plusDays(1).atStartOfDay());
    }
    if (q.deviceType() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM devices d WHERE d.person_id = p.id AND d.device_type = ?)");
      params.add(q.deviceType());
    }
    return where.toString();
  }

  /** The SQL expression the list is ordered by (then by id). */
  private static String sortKey(String sortField) {
    return switch (sortField) {
      case "name" -> "p.name";
      case "id" -> "p.id";
      case "city" -> "(SELECT c.name FROM addresses a JOIN cities c ON c.id = a.city_id WHERE a.owner_type = 'person'"
          + " AND a.owner_id = p.id AND a.is_primary = 1 ORDER BY a.id LIMIT 1)";
      case "device" -> "(SELECT d.device_serial FROM devices d WHERE d.person_id = p.id ORDER BY d.id LIMIT 1)";
      // no customer has an agent yet (see the agent filter): the agent order is the id order
      case "agent" -> "p.id";
      default -> "p.created_at";
    };
  }

  /**
   * Every {@value PeopleListCache#BOOKMARK_STEP}th row of the ordered list, from one index-only scan; none when
   * a sort key is null (a keyset comparison cannot continue after a null).
   */
  private List<Bookmark> bookmarks(String where, List<Object> params, String key, String order) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = NativeSql.bind(em().createNativeQuery("SELECT " + key + ", p.id FROM people p"
        + where + " ORDER BY " + order), params).getResultList();
    List<Bookmark> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      if (row[0] == null) {
        return List.of();
      }
      if (i % PeopleListCache.BOOKMARK_STEP == PeopleListCache.BOOKMARK_STEP - 1) {
        out.add(new Bookmark(i, row[0], ((Number) row[1]).longValue()));
      }
    }
    return out;
  }

  /** People by id, in the order of the ids, with their relations. */
  private List<PersonView> views(List<Number> ids) {
    return views.views(ByIds.inOrder(em(), Person.class, ids.stream().map(Number::longValue).toList(),
        Person::getId));
  }

  /**
   * Prefix search on name, surname, phone (with or without a leading '+') and device serial: a union of index
   * range scans, so it stays fast on large companies.
   */
  public Page<PersonView> search(String term, int page, int perPage) {
    String t = term == null ? "" : Like.escape(term.trim());
    if (t.isEmpty()) {
      return new Page<>(List.of(), page, perPage, 0);
    }
    String digits = t.startsWith("+") ? t.substring(1) : t;
    String matches = "SELECT p.id FROM people p WHERE p.name LIKE ?1 AND p.deleted_at IS NULL"
        + " UNION SELECT p.id FROM people p WHERE p.surname LIKE ?1 AND p.deleted_at IS NULL"
        + " UNION SELECT a.owner_id FROM addresses a JOIN people p ON p.id = a.owner_id AND p.deleted_at IS NULL"
        + " WHERE a.owner_type = 'person' AND (a.phone LIKE ?2 OR a.phone LIKE ?3)"
        + " UNION SELECT d.person_id FROM devices d JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL"
        + " WHERE d.device_serial LIKE ?1";
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM (" + matches + ") m")
        .setParameter(1, t + "%").setParameter(2, digits + "%").setParameter(3, "+" + digits + "%")
        .getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT m.id FROM (" + matches + ") m ORDER BY m.id LIMIT " + perPage
            + " OFFSET " + (long) (page - 1) * perPage)
        .setParameter(1, t + "%").setParameter(2, digits + "%").setParameter(3, "+" + digits + "%")
        .getResultList();
    return new Page<>(views(ids), page, perPage, total);
  }
}
