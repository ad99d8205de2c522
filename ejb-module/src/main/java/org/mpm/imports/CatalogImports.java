package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's ClusterImportService and ApplianceImportService, each import in one transaction: a cluster is found by name
 * (its manager updated) or created, with the mini-grids it names and its villages (in its first mini-grid, the
 * company's first country); an appliance is found by name (type and price updated) or created, its type by name.
 */
@Stateless
public class CatalogImports {

  @Inject TenantDatabase tenantDb;

  public ImportResult clusters(List<ClusterItem> items) {
    ImportSql sql = new ImportSql(tenantDb.connection());
    ImportResult result = new ImportResult("clusters");
    for (ClusterItem item : items) {
      Timestamp now = ImportSql.now();
      Long managerId = item.manager() == null ? null
          : sql.id("SELECT id FROM users WHERE name = ? ORDER BY id LIMIT 1", item.manager());
      long manager = managerId == null ? item.importedBy() : managerId;
      Long id = sql.id("SELECT id FROM clusters WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
          item.name());
      boolean isNew = id == null;
      if (isNew) {
        id = sql.insert("INSERT INTO clusters (name, manager_id, geo_json, created_at, updated_at)",
            "(?, ?, ?, ?, ?)", item.name(), manager, item.geoJson() == null ? "{}" : item.geoJson(), now, now);
      } else {
        sql.execute("UPDATE clusters SET manager_id = ?, updated_at = ? WHERE id = ?", manager, now, id);
      }
      for (String grid : names(item.miniGrids())) {
        if (sql.id("SELECT id FROM mini_grids WHERE name = ? AND cluster_id = ? AND deleted_at IS NULL", grid,
            id) == null) {
          sql.insert("INSERT INTO mini_grids (cluster_id, name, created_at, updated_at)", "(?, ?, ?, ?)", id, grid,
              now, now);
        }
      }
      List<String> villages = names(item.villages());
      Long grid = sql.id("SELECT id FROM mini_grids WHERE cluster_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
          id);
      Long country = sql.id("SELECT id FROM countries ORDER BY id LIMIT 1");
      if (!villages.isEmpty() && grid != null && country != null) {
        for (String village : villages) {
          if (sql.id("SELECT id FROM cities WHERE name = ? AND mini_grid_id = ? AND deleted_at IS NULL", village,
              grid) == null) {
            sql.insert("INSERT INTO cities (name, country_id, mini_grid_id, created_at, updated_at)",
                "(?, ?, ?, ?, ?)", village, country, grid, now, now);
          }
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("name", item.name());
      if (isNew) {
        result.added(row);
      } else {
        result.modified(row);
      }
    }
    return result;
  }

  public ImportResult appliances(List<ApplianceItem> items) {
    ImportSql sql = new ImportSql(tenantDb.connection());
    ImportResult result = new ImportResult("appliances");
    for (ApplianceItem item : items) {
      Timestamp now = ImportSql.now();
      Long typeId = null;
      if (item.type() != null) {
        typeId = sql.id("SELECT id FROM appliance_types WHERE name = ? ORDER BY id LIMIT 1", item.type());
        if (typeId == null) {
          typeId = sql.insert("INSERT INTO appliance_types (name, created_at, updated_at)", "(?, ?, ?)", item.type(),
              now, now);
        }
      }
      Long id = sql.id("SELECT id FROM appliances WHERE name = ? ORDER BY id LIMIT 1", item.name());
      boolean isNew = id == null;
      if (isNew) {
        if (typeId == null) {
          typeId = sql.id("SELECT id FROM appliance_types ORDER BY id LIMIT 1");
        }
        if (typeId == null) {
          result.failed("name", item.name(), Map.of("appliance_type", "The appliance needs a type."));
          continue;
        }
        id = sql.insert("INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)",
            "(?, ?, ?, ?, ?)", item.name(), typeId, item.price() == null ? 0 : item.price(), now, now);
      } else {
        sql.execute("UPDATE appliances SET appliance_type_id = COALESCE(?, appliance_type_id), price = COALESCE(?,"
            + " price), updated_at = ? WHERE id = ?", typeId, item.price(), now, id);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("name", item.name());
      if (isNew) {
        result.added(row);
      } else {
        result.modified(row);
      }
    }
    return result;
  }

  private static List<String> names(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).distinct().toList();
  }
}
