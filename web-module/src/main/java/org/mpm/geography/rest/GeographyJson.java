package org.mpm.geography.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.geography.City;
import org.mpm.geography.Cluster;
import org.mpm.geography.Country;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService.CityView;
import org.mpm.geography.GeographyService.ClusterView;
import org.mpm.geography.GeographyService.MiniGridView;
import org.mpm.geography.GridRevenueService.ClusterDetail;
import org.mpm.geography.GridRevenueService.ClusterFigures;
import org.mpm.geography.GridRevenueService.ClusterRevenue;
import org.mpm.geography.GridRevenueService.MiniGridRevenue;
import org.mpm.geography.MiniGrid;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/** The Eloquent JSON of countries, villages, clusters, mini-grids and locations. */
public final class GeographyJson {

  private GeographyJson() {}

  static Map<String, Object> country(Country c) {
    return c == null ? null : Json.obj("id", c.getId(), "country_code", c.getCountryCode(),
        "country_name", c.getCountryName(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }

  static Map<String, Object> city(City c) {
    return Json.obj("id", c.getId(), "name", c.getName(), "country_id", c.getCountryId(),
        "mini_grid_id", c.getMiniGridId(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()), "deleted_at", Json.ts(c.getDeletedAt()));
  }

  /** A village with {@code location}, {@code mini_grid} (with its cluster's id and name) and {@code country}. */
  public static Map<String, Object> city(CityView v) {
    Map<String, Object> m = city(v.city());
    m.put("location", location(v.location()));
    if (v.miniGrid() != null) {
      Map<String, Object> grid = miniGrid(v.miniGrid());
      grid.put("cluster", v.cluster() == null ? null
          : Json.obj("id", v.cluster().getId(), "name", v.cluster().getName()));
      m.put("mini_grid", grid);
    } else {
      m.put("mini_grid", null);
    }
    m.put("country", country(v.country()));
    return m;
  }

  public static Map<String, Object> location(GeographicalInformation g) {
    return g == null ? null : Json.obj("id", g.getId(), "owner_id", g.getOwnerId(), "owner_type", g.getOwnerType(),
        "geo_json", Json.parsed(g.getGeoJson()), "created_at", Json.ts(g.getCreatedAt()),
        "updated_at", Json.ts(g.getUpdatedAt()));
  }

  public static Map<String, Object> miniGrid(MiniGrid m) {
    return Json.obj("id", m.getId(), "cluster_id", m.getClusterId(), "name", m.getName(),
        "created_at", Json.ts(m.getCreatedAt()), "updated_at", Json.ts(m.getUpdatedAt()),
        "deleted_at", Json.ts(m.getDeletedAt()));
  }

  public static Map<String, Object> miniGrid(MiniGridView v) {
    Map<String, Object> m = miniGrid(v.miniGrid());
    m.put("location", location(v.location()));
    return m;
  }

  public static Map<String, Object> cluster(Cluster c) {
    return Json.obj("id", c.getId(), "name", c.getName(), "manager_id", c.getManagerId(),
        "geo_json", Json.parsed(c.getGeoJson()), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()), "deleted_at", Json.ts(c.getDeletedAt()));
  }

  public static Map<String, Object> cluster(ClusterView v) {
    Map<String, Object> m = cluster(v.cluster());
    m.put("mini_grids", v.miniGrids().stream().map(GeographyJson::miniGrid).toList());
    return m;
  }

  // ---- figures and revenue

  /** A number as PHP's json_encode writes it: a whole float without a fraction (1200.0 → 1200). */
  public static Object num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
  }

  /**
   * A cluster with {@code mini_grids} (each with its location) and {@code cities} (each with Laravel's
   * {@code laravel_through_key}, the cluster id, as a has-many-through relation gives it).
   */
  public static Map<String, Object> clusterWithRelations(ClusterDetail d, Map<String, Object> extra) {
    Map<String, Object> m = cluster(d.cluster());
    m.putAll(extra);
    m.put("mini_grids", d.miniGrids().stream().map(GeographyJson::miniGrid).toList());
    m.put("cities", d.cities().stream().map(c -> {
      Map<String, Object> city = city(c);
      city.put("laravel_through_key", d.cluster().getId());
      return city;
    }).toList());
    return m;
  }

  /**
   * MPM's cluster dashboard item for one cluster: its counts and revenue; the dashboard-only series
   * ({@code citiesRevenue}, {@code revenueAnalysis}, {@code period}, {@code periodWeekly}) empty as MPM leaves them.
   */
  static Map<String, Object> clusterDashboard(ClusterDetail d, ClusterFigures f) {
    Cluster c = d.cluster();
    return Json.obj("id", c.getId(), "name", c.getName(), "manager_id", c.getManagerId(),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()),
        "deviceCount", f.deviceCount(), "meterCount", f.meterCount(), "applianceCount", 0,
        "revenue", num(f.revenue()), "population", f.population(), "citiesRevenue", List.of(),
        "revenueAnalysis", List.of(), "clusterData", clusterWithRelations(d, Map.of()), "period", List.of(),
        "periodWeekly", List.of(), "totalRevenue", 0);
  }

  /** The cluster with {@code meterCount}, {@code revenue}, {@code population} and its relations. */
  static Map<String, Object> clusterRevenue(ClusterDetail d, ClusterFigures f) {
    return clusterWithRelations(d, Json.obj("meterCount", f.meterCount(), "revenue", num(f.revenue()),
        "population", f.population()));
  }

  /** A cluster with its {@code period} slots ({@code {"revenue": n}}), {@code totalRevenue} and mini-grids. */
  static Map<String, Object> clusterPeriodic(ClusterRevenue r) {
    Map<String, Object> m = cluster(r.cluster().cluster());
    m.put("period", slots(r.revenue().slots(), true));
    m.put("totalRevenue", num(r.revenue().total()));
    m.put("mini_grids", r.cluster().miniGrids().stream().map(GeographyJson::miniGrid).toList());
    return m;
  }

  /** A mini-grid with its {@code period} slots ({@code {"revenue": n}}) and {@code totalRevenue}. */
  public static Map<String, Object> miniGridPeriodic(MiniGridRevenue r) {
    Map<String, Object> m = miniGrid(r.miniGrid());
    m.put("period", slots(r.revenue().slots(), true));
    m.put("totalRevenue", num(r.revenue().total()));
    return m;
  }

  /** Revenue per connection type name (and {@code Total}), each slot a plain number; none → {@code []}. */
  public static Object connectionTypeRevenue(Map<String, Map<String, Object>> analysis) {
    if (analysis.isEmpty()) {
      return List.of();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    analysis.forEach((name, periods) -> m.put(name, slots(periods, false)));
    return m;
  }

  /** Period slots as JSON: amounts as numbers or as {@code {"revenue": n}}; an empty list is PHP's {@code []}. */
  @SuppressWarnings("unchecked")
  public static Object slots(Map<String, Object> slots, boolean wrapped) {
    if (slots.isEmpty()) {
      return List.of();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    slots.forEach((key, value) -> m.put(key, value instanceof Map<?, ?> inner
        ? slots((Map<String, Object>) inner, wrapped)
        : wrapped ? Json.obj("revenue", num((Double) value)) : num((Double) value)));
    return m;
  }

  /** MPM's {@code ?relation}: anything but absent, 0 or false asks for the relations. */
  static boolean withRelation(JsonBody q) {
    String relation = q.string("relation", false);
    return relation != null && !"0".equals(relation) && !"false".equals(relation);
  }
}
