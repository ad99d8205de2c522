package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.geography.GridRevenueService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.SettledTransactions;

/**
 * The figures of the dashboards, each one query grouped in SQL: revenue and meters of a mini-grid or a cluster per
 * connection group, weekly revenue per connection type, weekly tickets per category, the appliances sold in a
 * cluster. A device belongs where its owner's primary address is (as in {@link GridRevenueService}); revenue is the
 * sum of the settled transactions paid for it. Date ranges are whole days, both ends included.
 */
@Stateless
public class GridFigures {

  /** Where a dashboard's figures are taken: one mini-grid or the mini-grids of one cluster. */
  public enum Scope {
    MINI_GRID("g.id"),
    CLUSTER("g.cluster_id");

    private final String column;

    Scope(String column) {
      this.column = column;
    }
  }

  /** Meters {@code m} of devices {@code d} located in mini-grids {@code g}. */
  private static final String METERS = " FROM meters m"
      + " JOIN devices d ON d.device_type = 'meter' AND d.device_id = m.id" + GridRevenueService.DEVICE_PLACE;

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** Settled revenue of the scope's meters in {@code from..to}, per connection group id. */
  public Map<Long, Double> revenueByGroup(Scope scope, long id, LocalDate from, LocalDate to) {
    return sums(em().createNativeQuery("SELECT m.connection_group_id, SUM(t.amount)" + METERS
            + " JOIN transactions t ON t.message = d.device_serial"
            + " WHERE " + scope.column + " = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND "
            + SettledTransactions.condition(em(), "t") + " GROUP BY m.connection_group_id")
        .setParameter(1, id).setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay()));
  }

  /** The scope's meters registered up to {@code to}, per connection group id. */
  public Map<Long, Double> metersByGroup(Scope scope, long id, LocalDate to) {
    return sums(em().createNativeQuery("SELECT m.connection_group_id, COUNT(m.id)" + METERS
            + " WHERE " + scope.column + " = ?1 AND m.created_at < ?2 GROUP BY m.connection_group_id")
        .setParameter(1, id).setParameter(2, to.plusDays(1).atStartOfDay()));
  }

  /** The scope's meters registered in {@code from..to}, per connection group id. */
  public Map<Long, Double> newMetersByGroup(Scope scope, long id, LocalDate from, LocalDate to) {
    return sums(em().createNativeQuery("SELECT m.connection_group_id, COUNT(m.id)" + METERS
            + " WHERE " + scope.column + " = ?1 AND m.created_at >= ?2 AND m.created_at < ?3"
            + " GROUP BY m.connection_group_id")
        .setParameter(1, id).setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay()));
  }

  /** A sum per connection type and ISO week ({@code YEARWEEK(…, 3)}). */
  public record WeeklyAmount(long typeId, long yearWeek, double amount) {}

  /** Settled revenue of the mini-grid's meters in {@code from..to} per connection type and ISO week. */
  public List<WeeklyAmount> weeklyRevenueByType(long miniGridId, LocalDate from, LocalDate to) {
    return rows(em().createNativeQuery("SELECT m.connection_type_id, YEARWEEK(t.created_at, 3), SUM(t.amount)"
            + METERS + " JOIN transactions t ON t.message = d.device_serial"
            + " WHERE g.id = ?1 AND t.created_at >= ?2 AND t.created_at < ?3 AND "
            + SettledTransactions.condition(em(), "t") + " GROUP BY 1, 2")
        .setParameter(1, miniGridId).setParameter(2, from.atStartOfDay())
        .setParameter(3, to.plusDays(1).atStartOfDay()));
  }

  /** Tickets of a category in an ISO week. */
  public record WeeklyTickets(String category, long yearWeek, long count) {}

  /**
   * Tickets of customers living in the mini-grid per category and ISO week: opened (by creation) or closed (status
   * 1, by last update), in {@code from..to} when given.
   */
  @SuppressWarnings("unchecked")
  public List<WeeklyTickets> weeklyTickets(long miniGridId, boolean closed, LocalDate from, LocalDate to) {
    String at = closed ? "k.updated_at" : "k.created_at";
    Query q = em().createNativeQuery("SELECT tc.label_name, YEARWEEK(" + at + ", 3), COUNT(k.id) FROM tickets k"
        + " JOIN ticket_categories tc ON tc.id = k.category_id"
        + " JOIN people p ON k.owner_type = 'person' AND p.id = k.owner_id"
        + " JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
        + " AND a2.owner_id = p.id AND a2.is_primary = 1)"
        + " JOIN cities c ON c.id = a.city_id WHERE c.mini_grid_id = ?1" + (closed ? " AND k.status = 1" : "")
        + (from == null ? "" : " AND " + at + " >= ?2 AND " + at + " < ?3")
        + " GROUP BY tc.id, tc.label_name, YEARWEEK(" + at + ", 3)").setParameter(1, miniGridId);
    if (from != null) {
      q.setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay());
    }
    return ((List<Object[]>) q.getResultList()).stream().map(r -> new WeeklyTickets(text(r[0]),
        ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
  }

  /** Appliances sold to customers living in the cluster. */
  public long appliancesSold(long clusterId) {
    Number n = (Number) em().createNativeQuery("SELECT COUNT(ap.id) FROM appliance_people ap"
            + " JOIN people p ON p.id = ap.person_id AND p.deleted_at IS NULL"
            + " JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
            + " AND a2.owner_id = p.id AND a2.is_primary = 1)"
            + " JOIN cities c ON c.id = a.city_id AND c.deleted_at IS NULL"
            + " JOIN mini_grids g ON g.id = c.mini_grid_id AND g.deleted_at IS NULL"
            + " WHERE g.cluster_id = ?1 AND ap.deleted_at IS NULL")
        .setParameter(1, clusterId).getSingleResult();
    return n == null ? 0 : n.longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<Long, Double> sums(Query q) {
    Map<Long, Double> out = new HashMap<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      out.put(((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).doubleValue());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<WeeklyAmount> rows(Query q) {
    return ((List<Object[]>) q.getResultList()).stream().map(r -> new WeeklyAmount(((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).doubleValue())).toList();
  }

  static String text(Object v) {
    return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
  }
}
