package org.mpm.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.Like;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * The customers of an export (MPM's PersonExportService), a page at a time in id order: each as MPM's JSON object,
 * whose values in order are the CSV and Excel columns ({@link #HEADERS}).
 */
@Stateless
public class PeopleExportRows {

  public static final List<String> HEADERS = List.of("Title", "Name", "Surname", "Registered Date", "Birth Date",
      "Gender", "Email", "Phone", "City", "Street", "Geographical Information (Lat, Long)", "Device Serial",
      "Appliance Name", "Cluster Name", "Site Name", "Agent Name", "Last Payment");

  /** MPM's filters: mini-grid and village names (parts of), a device type, active (paid in the last 25 days). */
  public record Filter(String miniGrid, String village, String deviceType, Boolean active) {}

  @Inject TenantDatabase tenantDb;

  /** Up to {@code limit} customers with an id above {@code afterId}; each map's {@code id} is for paging only. */
  public List<Map<String, Object>> page(Filter f, long afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT p.id, p.title, p.name, p.surname, p.created_at, p.birth_date,"
        + " p.gender, a.email, a.phone, ci.name, a.street, cl.name, mg.name FROM people p"
        + " LEFT JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
        + " AND a2.owner_id = p.id AND a2.is_primary = 1)"
        + " LEFT JOIN cities ci ON ci.id = a.city_id LEFT JOIN mini_grids mg ON mg.id = ci.mini_grid_id"
        + " LEFT JOIN clusters cl ON cl.id = mg.cluster_id"
        + " WHERE p.id > ? AND p.is_customer = 1 AND p.deleted_at IS NULL");
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
      sql.append(" AND EXISTS (SELECT 1 FROM devices d WHERE d.person_id = p.id AND d.device_type = ?)");
      params.add(f.deviceType());
    }
    if (f.active() != null) {
      sql.append(f.active() ? " AND " : " AND NOT ").append("EXISTS (SELECT 1 FROM devices d JOIN transactions t"
          + " ON t.message = d.device_serial WHERE d.person_id = p.id AND t.created_at >= ?)");
      params.add(Timestamp.valueOf(Timestamped.nowUtc().minusDays(25)));
    }
    sql.append(" ORDER BY p.id LIMIT ?");
    params.add(limit);
    Connection c = tenantDb.connection();
    List<Object[]> rows = ExportSql.rows(c, sql.toString(), params);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
    String in = ExportSql.in(ids.size());
    Map<Long, Object> serials = ExportSql.byId(c, "SELECT person_id, GROUP_CONCAT(device_serial ORDER BY id"
        + " SEPARATOR ', ') FROM devices WHERE person_id IN (" + in + ") GROUP BY person_id", ids);
    Map<Long, Object> appliances = ExportSql.byId(c, "SELECT d.person_id, GROUP_CONCAT(DISTINCT ap.name ORDER BY"
        + " ap.name SEPARATOR ', ') FROM devices d LEFT JOIN solar_home_systems s ON d.device_type ="
        + " 'solar_home_system' AND s.id = d.device_id LEFT JOIN e_bikes e ON d.device_type = 'e_bike'"
        + " AND e.id = d.device_id JOIN appliances ap ON ap.id = COALESCE(s.appliance_id, e.appliance_id)"
        + " WHERE d.person_id IN (" + in + ") GROUP BY d.person_id", ids);
    Map<Long, Object> lastPayments = ExportSql.byId(c, "SELECT d.person_id, MAX(t.created_at) FROM devices d"
        + " JOIN transactions t ON t.message = d.device_serial WHERE d.person_id IN (" + in + ")"
        + " GROUP BY d.person_id", ids);
    Map<Long, Object> geo = ExportSql.byId(c, "SELECT a.owner_id, g.geo_json FROM addresses a"
        + " JOIN geographical_informations g ON g.owner_type = 'address' AND g.owner_id = a.id"
        + " WHERE a.owner_type = 'person' AND a.is_primary = 1 AND a.owner_id IN (" + in + ")"
        + " ORDER BY a.id DESC, g.id DESC", ids);
    Map<Long, Object> agents = ExportSql.byId(c, "SELECT s.person_id, ap.name FROM agent_sold_appliances s"
        + " JOIN agent_assigned_appliances aa ON aa.id = s.agent_assigned_appliance_id"
        + " JOIN agents ag ON ag.id = aa.agent_id JOIN people ap ON ap.id = ag.person_id"
        + " WHERE s.person_id IN (" + in + ") ORDER BY s.id DESC", ids);
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("title", r[1]);
      m.put("name", r[2]);
      m.put("surname", r[3]);
      m.put("registered_date", ExportValues.day((LocalDateTime) r[4]));
      m.put("birth_date", r[5] == null ? null : String.valueOf(r[5]));
      m.put("gender", r[6]);
      m.put("email", r[7]);
      m.put("phone", r[8]);
      m.put("city", r[9]);
      m.put("street", r[10]);
      Object point = geo.get(id);
      m.put("geographical_information", point == null ? null : ExportValues.latitudeLongitude(point.toString()));
      m.put("devices", serials.getOrDefault(id, ""));
      m.put("appliance_name", appliances.getOrDefault(id, ""));
      m.put("cluster_name", r[11]);
      m.put("minigrid", r[12]);
      m.put("agent", agents.getOrDefault(id, ""));
      Object last = lastPayments.get(id);
      m.put("last_payment", last instanceof Timestamp t ? ExportValues.day(t.toLocalDateTime())
          : last instanceof LocalDateTime t ? ExportValues.day(t) : null);
      out.add(m);
    }
    return out;
  }
}
