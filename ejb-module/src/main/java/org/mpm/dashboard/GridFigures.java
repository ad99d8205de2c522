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
import org.mpm.transaction.RevenueSummary;

/**
 * The figures of the dashboards, each one query grouped in SQL: revenue and meters of a mini-grid or a cluster per
 * connection group, weekly revenue per connection type, weekly tickets per category, the appliances sold in a
 * cluster. A device belongs where its owner's primary address is (as in {@link GridRevenueService}); revenue is the
 * sum of the settled transactions paid for it, read from the maintained {@link RevenueSummary}, as is the energy
 * sold; counts per place are computed by aggregate SQL and remembered while nothing they count changes
 * ({@link PlacementChanges}). Date ranges are whole days, both ends included.
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

  /**
   * Settled revenue {@code s} per village, kind of device, connection group and type, and day in the villages
   * {@code c} of the mini-grids {@code g} ({@link RevenueSummary}).
   */
  private static final String SUMMARY = " FROM revenue_summaries s"
      + " JOIN cities c ON c.id = s.city_id AND c.deleted_at IS NULL"
      + " JOIN mini_grids g ON g.id = c.mini_grid_id AND g.deleted_at IS NULL";

  @Inject TenantDatabase tenantDb;
  @Inject PlacementChanges places;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** Figures keyed by mini-grid (or cluster) id, then by connection group or type id. */
  public record Keyed(Map<Long, Map<Long, Double>> values) {
    public Map<Long, Double> of(long id) {
      return values.getOrDefault(id, Map.of());
    }
  }

  /** Settled revenue of the meters in {@code from..to}, per scope id (one, or all when null) and connection group. */
  public Keyed revenueByGroup(Scope scope, Long id, LocalDate from, LocalDate to) {
    return keyed(em().createNativeQuery("SELECT " + scope.column + ", s.connection_group_id, SUM(s.amount)" + SUMMARY
        + " WHERE " + only(scope, id) + " s.meter = 1 AND s.day >= ?2 AND s.day < ?3 GROUP BY 1, 2"), id, from, to);
  }

  /** The meters registered up to {@code to}, per scope id (one, or all when null) and connection group. */
  public Keyed metersByGroup(Scope scope, Long id, LocalDate to) {
    return newMetersByGroup(scope, id, LocalDate.of(1970, 1, 1), to);
  }

  /** The meters registered in {@code from..to}, per scope id (one, or all when null) and connection group. */
  public Keyed newMetersByGroup(Scope scope, Long id, LocalDate from, LocalDate to) {
    return places.counted("meters " + scope + " " + id + " " + from + " " + to, () -> keyed(em().createNativeQuery(
        "SELECT " + scope.column + ", m.connection_group_id, COUNT(m.id)" + METERS + " WHERE " + only(scope, id)
        + " m.created_at >= ?2 AND m.created_at < ?3 GROUP BY 1, 2"), id, from, to));
  }

  /** Number ({@code 0}) and sum ({@code 1}) of the settled payments for meters in {@code from..to}, per mini-grid. */
  @SuppressWarnings("unchecked")
  public Keyed salesByMiniGrid(LocalDate from, LocalDate to) {
    Map<Long, Map<Long, Double>> out = new HashMap<>();
    for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT g.id, SUM(s.payments), SUM(s.amount)" + SUMMARY
            + " WHERE s.meter = 1 AND s.day >= ?2 AND s.day < ?3 GROUP BY 1")
        .setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay()).getResultList()) {
      Map<Long, Double> m = new HashMap<>();
      m.put(0L, ((Number) r[1]).doubleValue());
      m.put(1L, r[2] == null ? 0 : ((Number) r[2]).doubleValue());
      out.put(((Number) r[0]).longValue(), m);
    }
    return new Keyed(out);
  }

  /** The kWh of the energy tokens bought for meters in {@code from..to}, per mini-grid (under key 0). */
  public Keyed energyByMiniGrid(LocalDate from, LocalDate to) {
    return keyed(em().createNativeQuery("SELECT g.id, 0, SUM(s.energy)" + SUMMARY
        + " WHERE s.meter = 1 AND s.day >= ?2 AND s.day < ?3 GROUP BY 1"), null, from, to);
  }

  /** A sum per mini-grid, connection type and ISO week ({@code YEARWEEK(…, 3)}). */
  public record WeeklyAmount(long miniGridId, long typeId, long yearWeek, double amount) {}

  /** Settled revenue of meters in {@code from..to} per mini-grid (one, or all when null), type and ISO week. */
  @SuppressWarnings("unchecked")
  public List<WeeklyAmount> weeklyRevenueByType(Long miniGridId, LocalDate from, LocalDate to) {
    Query q = em().createNativeQuery("SELECT g.id, s.connection_type_id, YEARWEEK(s.day, 3), SUM(s.amount)"
            + SUMMARY + " WHERE " + only(Scope.MINI_GRID, miniGridId) + " s.meter = 1 AND s.day >= ?2 AND s.day < ?3"
            + " GROUP BY 1, 2, 3")
        .setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay());
    if (miniGridId != null) {
      q.setParameter(1, miniGridId);
    }
    return ((List<Object[]>) q.getResultList()).stream().map(r -> new WeeklyAmount(((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), r[3] == null ? 0 : ((Number) r[3]).doubleValue()))
        .toList();
  }

  /** Settled revenue of one mini-grid's devices in a month, of one connection type (null: not a meter). */
  public record GridMonth(long miniGridId, Long typeId, String month, double amount) {}

  /** Settled revenue of located devices in {@code from..to} per mini-grid, meter connection type and month. */
  @SuppressWarnings("unchecked")
  public List<GridMonth> monthlyByGridAndType(LocalDate from, LocalDate to) {
    return ((List<Object[]>) em().createNativeQuery("SELECT g.id,"
            + " CASE WHEN s.meter = 1 THEN s.connection_type_id END, DATE_FORMAT(s.day, '%Y-%m'), SUM(s.amount)"
            + SUMMARY + " WHERE s.day >= ?1 AND s.day < ?2 GROUP BY 1, 2, 3")
        .setParameter(1, from.atStartOfDay()).setParameter(2, to.plusDays(1).atStartOfDay()).getResultList())
        .stream().map(r -> new GridMonth(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
            text(r[2]), r[3] == null ? 0 : ((Number) r[3]).doubleValue())).toList();
  }

  /** Settled revenue of one cluster's devices in a month and ISO week. */
  public record ClusterWeek(long clusterId, String month, long yearWeek, double amount) {}

  /** Settled revenue of located devices in {@code from..to} per cluster, month and ISO week. */
  @SuppressWarnings("unchecked")
  public List<ClusterWeek> weeklyByCluster(LocalDate from, LocalDate to) {
    return ((List<Object[]>) em().createNativeQuery("SELECT g.cluster_id, DATE_FORMAT(s.day, '%Y-%m'),"
            + " YEARWEEK(s.day, 3), SUM(s.amount)" + SUMMARY + " WHERE s.day >= ?1 AND s.day < ?2 GROUP BY 1, 2, 3")
        .setParameter(1, from.atStartOfDay()).setParameter(2, to.plusDays(1).atStartOfDay()).getResultList())
        .stream().map(r -> new ClusterWeek(((Number) r[0]).longValue(), text(r[1]), ((Number) r[2]).longValue(),
            r[3] == null ? 0 : ((Number) r[3]).doubleValue())).toList();
  }

  /**
   * Per cluster: devices ({@code 0}) and meters ({@code 1}) of its residents, and its customers ({@code 2}), as
   * {@link GridRevenueService#clusterFigures} counts them.
   */
  public Keyed clusterCounts() {
    return places.counted("clusters", this::countClusters);
  }

  @SuppressWarnings("unchecked")
  private Keyed countClusters() {
    String residents = " FROM mini_grids g JOIN cities c ON c.mini_grid_id = g.id AND c.deleted_at IS NULL"
        + " JOIN addresses a ON a.city_id = c.id AND a.owner_type = 'person' AND a.is_primary = 1"
        + " JOIN people p ON p.id = a.owner_id AND p.deleted_at IS NULL";
    Map<Long, Map<Long, Double>> out = new HashMap<>();
    for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT g.cluster_id, COUNT(DISTINCT d.id),"
        + " COUNT(DISTINCT m.id)" + residents + " JOIN devices d ON d.person_id = p.id"
        + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id WHERE g.deleted_at IS NULL"
        + " GROUP BY 1").getResultList()) {
      Map<Long, Double> m = out.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>());
      m.put(0L, ((Number) r[1]).doubleValue());
      m.put(1L, ((Number) r[2]).doubleValue());
    }
    for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT g.cluster_id, COUNT(DISTINCT p.id)"
        + residents + " WHERE g.deleted_at IS NULL AND p.is_customer = 1 GROUP BY 1").getResultList()) {
      out.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>()).put(2L, ((Number) r[1]).doubleValue());
    }
    return new Keyed(out);
  }

  private static String only(Scope scope, Long id) {
    return id == null ? "" : scope.column + " = ?1 AND";
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

  /** Appliances sold to customers living in each cluster (under key 0). */
  public Keyed appliancesSold() {
    return places.counted("appliances", this::countAppliances);
  }

  @SuppressWarnings("unchecked")
  private Keyed countAppliances() {
    Map<Long, Map<Long, Double>> out = new HashMap<>();
    for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT g.cluster_id, COUNT(ap.id)"
        + " FROM appliance_people ap JOIN people p ON p.id = ap.person_id AND p.deleted_at IS NULL"
        + " JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
        + " AND a2.owner_id = p.id AND a2.is_primary = 1)"
        + " JOIN cities c ON c.id = a.city_id AND c.deleted_at IS NULL"
        + " JOIN mini_grids g ON g.id = c.mini_grid_id AND g.deleted_at IS NULL"
        + " WHERE ap.deleted_at IS NULL GROUP BY 1").getResultList()) {
      out.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>()).put(0L, ((Number) r[1]).doubleValue());
    }
    return new Keyed(out);
  }

  @SuppressWarnings("unchecked")
  private static Keyed keyed(Query q, Long id, LocalDate from, LocalDate to) {
    if (id != null) {
      q.setParameter(1, id);
    }
    q.setParameter(2, from.atStartOfDay()).setParameter(3, to.plusDays(1).atStartOfDay());
    Map<Long, Map<Long, Double>> out = new HashMap<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      out.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>()).put(((Number) r[1]).longValue(),
          r[2] == null ? 0 : ((Number) r[2]).doubleValue());
    }
    return new Keyed(out);
  }

  static String text(Object v) {
    return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
  }
}
