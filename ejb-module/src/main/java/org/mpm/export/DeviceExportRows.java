package org.mpm.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mpm.common.Like;
import org.mpm.tenancy.TenantDatabase;

/** The devices of an export (MPM's DeviceExportService), a page at a time in id order. */
@Stateless
public class DeviceExportRows {

  public static final List<String> HEADERS = List.of("Device Serial", "Device Type", "Customer", "Address",
      "Manufacturer", "Created At", "Updated At");

  /** MPM's filters: mini-grid and village (parts of names, the owner's primary address), type, manufacturer. */
  public record Filter(String miniGrid, String village, String deviceType, String manufacturer) {}

  /**
   * One device; the meter's details (type, connection type and group, tariff) only for meters, the appliance only
   * for solar home systems and e-bikes; {@code geoJson} is the device's stored GeoJSON text.
   */
  public record Row(long id, long deviceId, String serial, String type, String customer, String city,
      String manufacturer, LocalDateTime createdAt, LocalDateTime updatedAt, Boolean online, Integer phase,
      Integer maxCurrent, String connectionType, String connectionGroup, String tariff, String appliance,
      String geoJson) {}

  @Inject TenantDatabase tenantDb;

  public List<Row> page(Filter f, long afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT d.id, d.device_id, d.device_serial, d.device_type, p.name,"
        + " p.surname, ci.name, mf.name, d.created_at, d.updated_at, mt.online, mt.phase, mt.max_current, ct.name,"
        + " cg.name, tf.name, ap.name, g.geo_json FROM devices d"
        + " LEFT JOIN people p ON p.id = d.person_id"
        + " LEFT JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
        + " AND a2.owner_id = d.person_id AND a2.is_primary = 1)"
        + " LEFT JOIN cities ci ON ci.id = a.city_id LEFT JOIN mini_grids mg ON mg.id = ci.mini_grid_id"
        + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id"
        + " LEFT JOIN solar_home_systems s ON d.device_type = 'solar_home_system' AND s.id = d.device_id"
        + " LEFT JOIN e_bikes e ON d.device_type = 'e_bike' AND e.id = d.device_id"
        + " LEFT JOIN manufacturers mf ON mf.id = COALESCE(m.manufacturer_id, s.manufacturer_id, e.manufacturer_id)"
        + " LEFT JOIN meter_types mt ON mt.id = m.meter_type_id"
        + " LEFT JOIN connection_types ct ON ct.id = m.connection_type_id"
        + " LEFT JOIN connection_groups cg ON cg.id = m.connection_group_id"
        + " LEFT JOIN tariffs tf ON tf.id = m.tariff_id"
        + " LEFT JOIN appliances ap ON ap.id = COALESCE(s.appliance_id, e.appliance_id)"
        + " LEFT JOIN geographical_informations g ON g.id = (SELECT MIN(g2.id) FROM geographical_informations g2"
        + " WHERE g2.owner_type = 'device' AND g2.owner_id = d.id)"
        + " WHERE d.id > ?");
    List<Object> params = new ArrayList<>();
    params.add(afterId);
    if (f.miniGrid() != null) {
      sql.append(" AND mg.name LIKE ?");
      params.add(Like.contains(f.miniGrid()));
    }
    if (f.village() != null) {
      sql.append(" AND ci.name LIKE ?");
      params.add(Like.contains(f.village()));
    }
    if (f.deviceType() != null) {
      sql.append(" AND d.device_type = ?");
      params.add(f.deviceType());
    }
    if (f.manufacturer() != null) {
      sql.append(" AND mf.name LIKE ?");
      params.add(Like.contains(f.manufacturer()));
    }
    sql.append(" ORDER BY d.id LIMIT ?");
    params.add(limit);
    List<Row> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(tenantDb.connection(), sql.toString(), params)) {
      String customer = ((r[4] == null ? "" : (String) r[4]) + " " + (r[5] == null ? "" : (String) r[5])).trim();
      out.add(new Row(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
          customer, (String) r[6], (String) r[7], (LocalDateTime) r[8], (LocalDateTime) r[9],
          r[10] == null ? null : r[10] instanceof Boolean b ? b : ((Number) r[10]).intValue() != 0,
          r[11] == null ? null : ((Number) r[11]).intValue(), r[12] == null ? null : ((Number) r[12]).intValue(),
          (String) r[13], (String) r[14], (String) r[15], (String) r[16], r[17] == null ? null : r[17].toString()));
    }
    return out;
  }
}
