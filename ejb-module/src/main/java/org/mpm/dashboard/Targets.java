package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.Timestamped;
import org.mpm.geography.Cluster;
import org.mpm.geography.GeographyService;
import org.mpm.geography.MiniGrid;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tenancy.TenantDatabase;

/**
 * The period targets of mini-grids and clusters ({@code targets}) with their figures per connection group
 * ({@code sub_targets}), as MPM's TargetService and SubTargetService keep them.
 */
@Stateless
public class Targets {

  static final String MODEL = "App\\Models\\Target";
  public static final String MINI_GRID = "mini-grid";
  public static final String CLUSTER = "cluster";

  private static final String COLUMNS = "SELECT id, target_date, type, owner_type, owner_id, created_at, updated_at"
      + " FROM targets";

  @Inject TenantDatabase tenantDb;
  @Inject GeographyService geography;

  /** A target row. */
  public record Target(long id, LocalDate targetDate, String type, String ownerType, long ownerId,
      LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** A sub-target row: the target's figures for one connection group. */
  public record SubTarget(long id, long targetId, long connectionId, long revenue, long newConnections,
      double connectedPower, double energyPerMonth, double averageRevenuePerMonth, LocalDateTime createdAt,
      LocalDateTime updatedAt) {}

  /** A target with its sub-targets. */
  public record Detail(Target target, List<SubTarget> subTargets) {}

  /** The figures of a new sub-target. */
  public record NewSubTarget(long connectionGroupId, long revenue, long newConnections, double connectedPower,
      double energyPerMonth, double averageRevenuePerMonth) {}

  private EntityManager em() {
    return tenantDb.em();
  }

  /** Targets, latest target date first, with their sub-targets. */
  public Page<Detail> page(int page, int perPage) {
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM targets").getSingleResult()).longValue();
    List<Target> rows = targets(COLUMNS + " ORDER BY target_date DESC, id DESC LIMIT ?1 OFFSET ?2",
        perPage, (long) (page - 1) * perPage);
    return new Page<>(withSubTargets(rows), page, perPage, total);
  }

  public Detail show(long id) {
    List<Target> rows = targets(COLUMNS + " WHERE id = ?1", id);
    if (rows.isEmpty()) {
      throw NotFoundException.model(MODEL, id);
    }
    return withSubTargets(rows).get(0);
  }

  /** The targets whose date falls in the month of {@code day}. */
  public List<Target> slots(LocalDate day) {
    return targets(COLUMNS + " WHERE target_date BETWEEN ?1 AND ?2 ORDER BY id", day.withDayOfMonth(1),
        day.withDayOfMonth(day.lengthOfMonth()));
  }

  /** A target of the cluster or mini-grid (404 when it does not exist) with its sub-targets. */
  public Detail create(LocalDate period, String ownerType, long ownerId, List<NewSubTarget> figures) {
    if (CLUSTER.equals(ownerType)) {
      geography.cluster(ownerId);
    } else {
      geography.miniGrid(ownerId);
    }
    if (!figures.isEmpty()) {
      List<Long> groups = figures.stream().map(NewSubTarget::connectionGroupId).distinct().toList();
      Number found = (Number) em().createNativeQuery("SELECT COUNT(*) FROM connection_groups WHERE id IN ("
          + String.join(",", groups.stream().map(String::valueOf).toList()) + ")").getSingleResult();
      if (found.intValue() != groups.size()) {
        throw NotFoundException.model("App\\Models\\ConnectionGroup", groups.get(0));
      }
    }
    LocalDateTime now = Timestamped.nowUtc();
    em().createNativeQuery("INSERT INTO targets (target_date, type, owner_type, owner_id, created_at, updated_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
        .setParameter(1, period).setParameter(2, ownerType).setParameter(3, ownerType).setParameter(4, ownerId)
        .setParameter(5, now).executeUpdate();
    long id = ((Number) em().createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    for (NewSubTarget f : figures) {
      em().createNativeQuery("INSERT INTO sub_targets (target_id, connection_id, revenue, new_connections,"
              + " connected_power, energy_per_month, average_revenue_per_month, created_at, updated_at)"
              + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)")
          .setParameter(1, id).setParameter(2, f.connectionGroupId()).setParameter(3, f.revenue())
          .setParameter(4, f.newConnections()).setParameter(5, f.connectedPower())
          .setParameter(6, f.energyPerMonth()).setParameter(7, f.averageRevenuePerMonth()).setParameter(8, now)
          .executeUpdate();
    }
    return show(id);
  }

  /**
   * The mini-grid's target in force at {@code end} (MPM: the earliest with a target date on or after it), with its
   * sub-targets; null when there is none.
   */
  public Detail forMiniGrid(long miniGridId, LocalDate end) {
    List<Target> rows = targets(COLUMNS + " WHERE owner_type = 'mini-grid' AND owner_id = ?1 AND target_date >= ?2"
        + " ORDER BY target_date, id LIMIT 1", miniGridId, end);
    return rows.isEmpty() ? null : withSubTargets(rows).get(0);
  }

  /** The targets of the cluster's mini-grids dated on or after {@code end}, earliest first. */
  public List<Detail> forCluster(long clusterId, LocalDate end) {
    return withSubTargets(targets(COLUMNS + " WHERE owner_type = 'mini-grid' AND target_date >= ?2 AND owner_id IN"
        + " (SELECT id FROM mini_grids WHERE cluster_id = ?1) ORDER BY target_date, id", clusterId, end));
  }

  /** The connection groups by id. */
  public Map<Long, ConnectionGroup> groups() {
    Map<Long, ConnectionGroup> out = new HashMap<>();
    em().createQuery("SELECT g FROM ConnectionGroup g", ConnectionGroup.class).getResultList()
        .forEach(g -> out.put(g.getId(), g));
    return out;
  }

  /** The target's owner: a {@link Cluster} or {@link MiniGrid}, null when it is gone. */
  public Object ownerOf(Target t) {
    return CLUSTER.equals(t.ownerType()) ? em().find(Cluster.class, t.ownerId())
        : em().find(MiniGrid.class, t.ownerId());
  }

  @SuppressWarnings("unchecked")
  private List<Target> targets(String sql, Object... params) {
    var q = em().createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<Target> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      out.add(new Target(((Number) r[0]).longValue(), date(r[1]), (String) r[2], (String) r[3],
          ((Number) r[4]).longValue(), time(r[5]), time(r[6])));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Detail> withSubTargets(List<Target> targets) {
    Map<Long, List<SubTarget>> byTarget = new HashMap<>();
    if (!targets.isEmpty()) {
      String ids = String.join(",", targets.stream().map(t -> String.valueOf(t.id())).toList());
      for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT id, target_id, connection_id, revenue,"
          + " new_connections, connected_power, energy_per_month, average_revenue_per_month, created_at, updated_at"
          + " FROM sub_targets WHERE target_id IN (" + ids + ") ORDER BY id").getResultList()) {
        SubTarget s = new SubTarget(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
            ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
            ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(),
            time(r[8]), time(r[9]));
        byTarget.computeIfAbsent(s.targetId(), k -> new ArrayList<>()).add(s);
      }
    }
    return targets.stream().map(t -> new Detail(t, byTarget.getOrDefault(t.id(), List.of()))).toList();
  }

  static LocalDateTime time(Object o) {
    return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
  }

  private static LocalDate date(Object o) {
    return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
  }
}
