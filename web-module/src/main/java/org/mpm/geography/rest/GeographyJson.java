package org.mpm.geography.rest;

import java.util.Map;
import org.mpm.geography.City;
import org.mpm.geography.Cluster;
import org.mpm.geography.Country;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService.CityView;
import org.mpm.geography.GeographyService.ClusterView;
import org.mpm.geography.GeographyService.MiniGridView;
import org.mpm.geography.MiniGrid;
import org.mpm.rest.Json;

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
  static Map<String, Object> city(CityView v) {
    Map<String, Object> m = city(v.city());
    m.put("location", location(v.location()));
    if (v.miniGrid() != null) {
      Map<String, Object> grid = miniGrid(v.miniGrid());
      grid.put("cluster", v.cluster() == null ? null : Json.obj("id", v.cluster().getId(), "name", v.cluster().getName()));
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

  static Map<String, Object> miniGrid(MiniGrid m) {
    return Json.obj("id", m.getId(), "cluster_id", m.getClusterId(), "name", m.getName(),
        "created_at", Json.ts(m.getCreatedAt()), "updated_at", Json.ts(m.getUpdatedAt()),
        "deleted_at", Json.ts(m.getDeletedAt()));
  }

  static Map<String, Object> miniGrid(MiniGridView v) {
    Map<String, Object> m = miniGrid(v.miniGrid());
    m.put("location", location(v.location()));
    return m;
  }

  static Map<String, Object> cluster(Cluster c) {
    return Json.obj("id", c.getId(), "name", c.getName(), "manager_id", c.getManagerId(),
        "geo_json", Json.parsed(c.getGeoJson()), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()), "deleted_at", Json.ts(c.getDeletedAt()));
  }

  static Map<String, Object> cluster(ClusterView v) {
    Map<String, Object> m = cluster(v.cluster());
    m.put("mini_grids", v.miniGrids().stream().map(GeographyJson::miniGrid).toList());
    return m;
  }
}
