package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mpm.device.Device;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's DeviceImportService, in one transaction: a device is found by serial (its owner, manufacturer, meter details
 * or appliance and location updated) or created with its meter, solar home system or e-bike row. Manufacturers,
 * meter types, connection types and groups, tariffs and appliances are found by name and created when missing, as
 * MPM does. A row that cannot be written fails with its reason and the others are imported.
 */
@Stateless
public class DeviceImports {

  @Inject TenantDatabase tenantDb;

  /** Ids found or created during one import, by kind and name. */
  private record Lookups(ImportSql sql, Map<String, Long> ids) {
    long get(String key, Supplier<Long> find) {
      Long id = ids.get(key);
      if (id == null) {
        id = find.get();
        ids.put(key, id);
      }
      return id;
    }
  }

  public ImportResult importAll(List<DeviceItem> items) {
    Lookups l = new Lookups(new ImportSql(tenantDb.connection()), new HashMap<>());
    ImportResult result = new ImportResult("devices");
    for (DeviceItem item : items) {
      try {
        one(l, item, result);
      } catch (PersistenceException e) {
        result.failed("serial_number", item.serial(), Map.of("import", String.valueOf(e.getMessage())));
      }
    }
    return result;
  }

  private void one(Lookups l, DeviceItem item, ImportResult result) {
    ImportSql sql = l.sql();
    String type = List.of("meter", "solar_home_system", "e_bike").contains(item.type()) ? item.type() : "meter";
    Timestamp now = ImportSql.now();
    Long manufacturerId = item.manufacturer() == null ? null : l.get("manufacturer:" + item.manufacturer(),
        () -> manufacturer(sql, item.manufacturer(), type, now));
    Long personId = null;
    if (item.customer() != null && !item.customer().isBlank()) {
      String[] parts = item.customer().split(" ", 2);
      personId = sql.id("SELECT id FROM people WHERE name = ? AND surname = ? AND deleted_at IS NULL ORDER BY id"
          + " LIMIT 1", parts[0], parts.length > 1 ? parts[1] : "");
    }
    Object[] existing = existing(sql, item.serial());
    long deviceId;
    String action;
    if (existing != null) {
      deviceId = (Long) existing[0];
      String table = table((String) existing[1]);
      long concreteId = (Long) existing[2];
      if (personId != null) {
        sql.execute("UPDATE devices SET person_id = ?, updated_at = ? WHERE id = ?", personId, now, deviceId);
      }
      if (manufacturerId != null) {
        sql.execute("UPDATE " + table + " SET manufacturer_id = ?, updated_at = ? WHERE id = ?", manufacturerId, now,
            concreteId);
      }
      if ("meters".equals(table)) {
        if (item.connectionType() != null) {
          sql.execute("UPDATE meters SET connection_type_id = ? WHERE id = ?", named(l, "connection_types",
              item.connectionType(), now), concreteId);
        }
        if (item.connectionGroup() != null) {
          sql.execute("UPDATE meters SET connection_group_id = ? WHERE id = ?", named(l, "connection_groups",
              item.connectionGroup(), now), concreteId);
        }
        if (item.tariff() != null) {
          sql.execute("UPDATE meters SET tariff_id = ? WHERE id = ?", tariff(l, item.tariff(), now), concreteId);
        }
        if (item.online() != null) {
          sql.execute("UPDATE meters SET meter_type_id = ? WHERE id = ?", meterType(l, item, now), concreteId);
        }
      } else if (item.appliance() != null) {
        sql.execute("UPDATE " + table + " SET appliance_id = ? WHERE id = ?", appliance(l, item.appliance(), now),
            concreteId);
      }
      action = "modified";
    } else {
      if (manufacturerId == null) {
        result.failed("serial_number", item.serial(), Map.of("manufacturer", "The device needs a manufacturer."));
        return;
      }
      long concreteId;
      if ("meter".equals(type)) {
        concreteId = sql.insert("INSERT INTO meters (serial_number, meter_type_id, in_use, manufacturer_id,"
            + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at)",
            "(?, ?, 1, ?, ?, ?, ?, ?, ?)", item.serial(), meterType(l, item, now), manufacturerId,
            named(l, "connection_types", item.connectionType(), now),
            named(l, "connection_groups", item.connectionGroup(), now), tariff(l, item.tariff(), now), now, now);
      } else {
        concreteId = sql.insert("INSERT INTO " + table(type) + " (serial_number, appliance_id, manufacturer_id,"
            + " created_at, updated_at)", "(?, ?, ?, ?, ?)", item.serial(), appliance(l, item.appliance(), now),
            manufacturerId, now, now);
      }
      deviceId = sql.insert("INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at)", "(?, ?, ?, ?, ?, ?)", personId, type, concreteId, item.serial(), now, now);
      action = "added";
      existing = new Object[] {deviceId, type, concreteId};
    }
    if (item.geoJson() != null) {
      Long geoId = sql.id("SELECT id FROM geographical_informations WHERE owner_type = ? AND owner_id = ?"
          + " ORDER BY id LIMIT 1", Device.MORPH, deviceId);
      if (geoId == null) {
        sql.insert("INSERT INTO geographical_informations (owner_id, owner_type, geo_json, created_at, updated_at)",
            "(?, ?, ?, ?, ?)", deviceId, Device.MORPH, item.geoJson(), now, now);
      } else {
        sql.execute("UPDATE geographical_informations SET geo_json = ?, updated_at = ? WHERE id = ?",
            item.geoJson(), now, geoId);
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", deviceId);
    row.put("serial_number", item.serial());
    row.put("type", existing[1]);
    if ("added".equals(action)) {
      result.added(row);
    } else {
      result.modified(row);
    }
  }

  /** The device with the serial: its id, type and the id of its meter, solar home system or e-bike; or null. */
  private static Object[] existing(ImportSql sql, String serial) {
    Object[] r = sql.row("SELECT id, device_type, device_id FROM devices WHERE device_serial = ?", serial);
    return r == null ? null : new Object[] {((Number) r[0]).longValue(), r[1], ((Number) r[2]).longValue()};
  }

  private static String table(String type) {
    return switch (type) {
      case "meter" -> "meters";
      case "e_bike" -> "e_bikes";
      default -> "solar_home_systems";
    };
  }

  private static long manufacturer(ImportSql sql, String name, String type, Timestamp now) {
    Long id = sql.id("SELECT id FROM manufacturers WHERE name = ? ORDER BY id LIMIT 1", name);
    return id != null ? id : sql.insert("INSERT INTO manufacturers (name, type, created_at, updated_at)",
        "(?, ?, ?, ?)", name, "solar_home_system".equals(type) ? "shs" : "e_bike".equals(type) ? "e-bike" : "meter",
        now, now);
  }

  /** A connection type or group by name; without a name the first one; created when there is none. */
  private static long named(Lookups l, String table, String name, Timestamp now) {
    String n = name == null ? "" : name;
    return l.get(table + ":" + n, () -> {
      Long id = n.isEmpty() ? null : l.sql().id("SELECT id FROM " + table + " WHERE name = ? ORDER BY id LIMIT 1", n);
      if (id == null) {
        id = l.sql().id("SELECT id FROM " + table + " ORDER BY id LIMIT 1");
      }
      return id != null ? id : l.sql().insert("INSERT INTO " + table + " (name, created_at, updated_at)",
          "(?, ?, ?)", n.isEmpty() ? "Default" : n, now, now);
    });
  }

  private static long tariff(Lookups l, String name, Timestamp now) {
    String n = name == null ? "" : name;
    return l.get("tariff:" + n, () -> {
      ImportSql sql = l.sql();
      Long id = n.isEmpty() ? null
          : sql.id("SELECT id FROM tariffs WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1", n);
      if (id == null) {
        id = sql.id("SELECT id FROM tariffs WHERE deleted_at IS NULL ORDER BY id LIMIT 1");
      }
      if (id != null) {
        return id;
      }
      Long settings = sql.id("SELECT id FROM main_settings ORDER BY id LIMIT 1");
      return sql.insert("INSERT INTO tariffs (name, price, currency, created_at, updated_at)",
          "(?, 0, COALESCE((SELECT currency FROM main_settings WHERE id = ?), '€'), ?, ?)",
          n.isEmpty() ? "Default" : n, settings, now, now);
    });
  }

  private static long meterType(Lookups l, DeviceItem item, Timestamp now) {
    if (item.online() == null) {
      return l.get("meter_type:", () -> {
        Long id = l.sql().id("SELECT id FROM meter_types ORDER BY id LIMIT 1");
        return id != null ? id : l.sql().insert("INSERT INTO meter_types (online, phase, max_current, created_at,"
            + " updated_at)", "(0, 1, 10, ?, ?)", now, now);
      });
    }
    int max = (int) Math.round(item.maxCurrent() == null ? 10 : item.maxCurrent());
    int phase = item.phase() == null ? 1 : item.phase();
    return l.get("meter_type:" + item.online() + ":" + phase + ":" + max, () -> {
      Long id = l.sql().id("SELECT id FROM meter_types WHERE online = ? AND phase = ? AND max_current = ?"
          + " ORDER BY id LIMIT 1", item.online() ? 1 : 0, phase, max);
      return id != null ? id : l.sql().insert("INSERT INTO meter_types (online, phase, max_current, created_at,"
          + " updated_at)", "(?, ?, ?, ?, ?)", item.online() ? 1 : 0, phase, max, now, now);
    });
  }

  private static long appliance(Lookups l, String name, Timestamp now) {
    String n = name == null ? "" : name;
    return l.get("appliance:" + n, () -> {
      ImportSql sql = l.sql();
      Long id = n.isEmpty() ? null : sql.id("SELECT id FROM appliances WHERE name = ? ORDER BY id LIMIT 1", n);
      if (id == null) {
        id = sql.id("SELECT id FROM appliances ORDER BY id LIMIT 1");
      }
      if (id != null) {
        return id;
      }
      Long typeId = sql.id("SELECT id FROM appliance_types ORDER BY id LIMIT 1");
      if (typeId == null) {
        typeId = sql.insert("INSERT INTO appliance_types (name, created_at, updated_at)", "(?, ?, ?)",
            "Solar Home System", now, now);
      }
      return sql.insert("INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)",
          "(?, ?, 0, ?, ?)", n.isEmpty() ? "Default Appliance" : n, typeId, now, now);
    });
  }
}
