package org.mpm.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpm.tenancy.TenantDatabase;

/**
 * The rows of MPM's smaller exports: clusters, appliances, main settings and users with their roles (a company has
 * tens of them, read in one query each), and outstanding debts and appliance sales (a page at a time).
 */
@Stateless
public class CatalogExportRows {

  /** A cluster with its manager's name and its mini-grids' and villages' names (comma-separated). */
  public record ClusterRow(String name, String manager, String geoJson, String miniGrids, long miniGridCount,
      String villages, long villageCount, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** An appliance with its type and its sales (total cost, rate count, down payment of each). */
  public record ApplianceRow(long id, String name, String type, double price, long sold, LocalDateTime createdAt,
      LocalDateTime updatedAt) {}

  /** A sale's payment plan, as the appliance export lists them. */
  public record Plan(long applianceId, double totalCost, int rateCount, double downPayment) {}

  /** An overdue installment with what its sale has paid and still owes. */
  public record DebtRow(long id, String customer, String appliance, String deviceSerial, LocalDateTime dueDate,
      double remaining, double downPayment, double totalPaid, double totalRemaining) {}

  @Inject TenantDatabase tenantDb;

  public List<ClusterRow> clusters() {
    List<ClusterRow> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(tenantDb.connection(), "SELECT c.name, u.name, c.geo_json,"
        + " (SELECT GROUP_CONCAT(m.name ORDER BY m.id SEPARATOR ', ') FROM mini_grids m WHERE m.cluster_id = c.id"
        + " AND m.deleted_at IS NULL), (SELECT COUNT(*) FROM mini_grids m WHERE m.cluster_id = c.id"
        + " AND m.deleted_at IS NULL), (SELECT GROUP_CONCAT(ci.name ORDER BY ci.id SEPARATOR ', ') FROM cities ci"
        + " JOIN mini_grids m ON m.id = ci.mini_grid_id WHERE m.cluster_id = c.id AND ci.deleted_at IS NULL),"
        + " (SELECT COUNT(*) FROM cities ci JOIN mini_grids m ON m.id = ci.mini_grid_id WHERE m.cluster_id = c.id"
        + " AND ci.deleted_at IS NULL), c.created_at, c.updated_at FROM clusters c LEFT JOIN users u"
        + " ON u.id = c.manager_id WHERE c.deleted_at IS NULL ORDER BY c.id", List.of())) {
      out.add(new ClusterRow((String) r[0], r[1] == null ? "" : (String) r[1], r[2] == null ? null : r[2].toString(),
          r[3] == null ? "" : (String) r[3], ((Number) r[4]).longValue(), r[5] == null ? "" : (String) r[5],
          ((Number) r[6]).longValue(), (LocalDateTime) r[7], (LocalDateTime) r[8]));
    }
    return out;
  }

  public List<ApplianceRow> appliances() {
    List<ApplianceRow> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(tenantDb.connection(), "SELECT a.id, a.name, t.name, a.price,"
        + " (SELECT COUNT(*) FROM appliance_people s WHERE s.appliance_id = a.id AND s.deleted_at IS NULL),"
        + " a.created_at, a.updated_at FROM appliances a LEFT JOIN appliance_types t ON t.id = a.appliance_type_id"
        + " ORDER BY a.id", List.of())) {
      out.add(new ApplianceRow(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? "" : (String) r[2],
          ((Number) r[3]).doubleValue(), ((Number) r[4]).longValue(), (LocalDateTime) r[5], (LocalDateTime) r[6]));
    }
    return out;
  }

  /** The payment plans of the sales of the appliances. */
  public List<Plan> plans() {
    List<Plan> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(tenantDb.connection(), "SELECT appliance_id, total_cost, rate_count,"
        + " COALESCE(down_payment, 0) FROM appliance_people WHERE deleted_at IS NULL ORDER BY id", List.of())) {
      out.add(new Plan(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue(), ((Number) r[2]).intValue(),
          ((Number) r[3]).doubleValue()));
    }
    return out;
  }

  /** The main settings' columns in MPM's export order, with their names; empty without settings. */
  public List<Object[]> settings() {
    return ExportSql.rows(tenantDb.connection(), "SELECT site_title, company_name, currency, country, language,"
        + " vat_energy, vat_appliance, usage_type, sms_gateway_id, transaction_sms_enabled, created_at, updated_at"
        + " FROM main_settings ORDER BY id LIMIT 1", List.of());
  }

  /** Up to {@code limit} installments due before today and not paid off, with an id above {@code afterId}. */
  public List<DebtRow> debts(long afterId, int limit, LocalDate today) {
    List<DebtRow> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(tenantDb.connection(), "SELECT r.id, p.name, p.surname, ap.name, s.device_serial,"
        + " r.due_date, r.remaining, COALESCE(s.down_payment, 0),"
        + " (SELECT COALESCE(SUM(r2.rate_cost - r2.remaining), 0) FROM appliance_rates r2"
        + " WHERE r2.appliance_person_id = s.id), (SELECT COALESCE(SUM(r2.remaining), 0) FROM appliance_rates r2"
        + " WHERE r2.appliance_person_id = s.id) FROM appliance_rates r"
        + " JOIN appliance_people s ON s.id = r.appliance_person_id AND s.deleted_at IS NULL"
        + " JOIN people p ON p.id = s.person_id AND p.deleted_at IS NULL"
        + " LEFT JOIN appliances ap ON ap.id = s.appliance_id"
        + " WHERE r.id > ? AND r.due_date < ? AND r.remaining > 0 ORDER BY r.id LIMIT ?",
        List.of(afterId, today.toString(), limit))) {
      out.add(new DebtRow(((Number) r[0]).longValue(), r[1] + " " + r[2], r[3] == null ? "" : (String) r[3],
          (String) r[4], (LocalDateTime) r[5], ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(),
          ((Number) r[8]).doubleValue(), ((Number) r[9]).doubleValue()));
    }
    return out;
  }

  /** A sale of an appliance (MPM's AppliancePersonExportService row), in the export's column order. */
  public record SaleRow(long id, List<Object> values) {}

  /** Sales of appliances with an id above {@code afterId}, optionally of one payment type or customer. */
  public List<SaleRow> sales(String paymentType, Long personId, long afterId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT s.id, p.name, p.surname, a.name, t.name, s.device_serial,"
        + " s.payment_type, s.total_cost, s.rate_count, s.down_payment, s.first_payment_date,"
        + " s.minimum_payable_amount, s.price_per_day, s.created_at FROM appliance_people s"
        + " LEFT JOIN people p ON p.id = s.person_id LEFT JOIN appliances a ON a.id = s.appliance_id"
        + " LEFT JOIN appliance_types t ON t.id = a.appliance_type_id WHERE s.id > ? AND s.deleted_at IS NULL");
    List<Object> params = new ArrayList<>();
    params.add(afterId);
    if (paymentType != null) {
      sql.append(" AND s.payment_type = ?");
      params.add(paymentType);
    }
    if (personId != null) {
      sql.append(" AND s.person_id = ?");
      params.add(personId);
    }
    sql.append(" ORDER BY s.id LIMIT ?");
    params.add(limit);
    List<SaleRow> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(tenantDb.connection(), sql.toString(), params)) {
      List<Object> values = new ArrayList<>(Arrays.asList(r).subList(1, 14));
      values.set(9, r[10] == null ? null : r[10].toString());
      values.set(12, r[13] == null ? null : ((LocalDateTime) r[13]).toLocalDate().toString());
      out.add(new SaleRow(((Number) r[0]).longValue(), values));
    }
    return out;
  }

  /** A user with its roles (each with its permissions) and all its permissions (roles' and direct). */
  public record UserRow(long id, String name, String email, long companyId, Map<String, List<String>> roles,
      List<String> permissions, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  public List<UserRow> users() {
    var c = tenantDb.connection();
    Map<Long, List<String>> rolePermissions = new HashMap<>();
    for (Object[] r : ExportSql.rows(c, "SELECT rp.role_id, p.name FROM role_has_permissions rp JOIN permissions p"
        + " ON p.id = rp.permission_id ORDER BY p.id", List.of())) {
      rolePermissions.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
    }
    Map<Long, Map<String, List<String>>> roles = new HashMap<>();
    for (Object[] r : ExportSql.rows(c, "SELECT m.model_id, r.id, r.name FROM model_has_roles m JOIN roles r"
        + " ON r.id = m.role_id WHERE m.model_type = 'users' ORDER BY r.id", List.of())) {
      roles.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashMap<>()).put((String) r[2],
          rolePermissions.getOrDefault(((Number) r[1]).longValue(), List.of()));
    }
    Map<Long, List<String>> direct = new HashMap<>();
    for (Object[] r : ExportSql.rows(c, "SELECT m.model_id, p.name FROM model_has_permissions m JOIN permissions p"
        + " ON p.id = m.permission_id WHERE m.model_type = 'users' ORDER BY p.id", List.of())) {
      direct.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]);
    }
    List<UserRow> out = new ArrayList<>();
    for (Object[] r : ExportSql.rows(c, "SELECT id, name, email, company_id, created_at, updated_at FROM users"
        + " ORDER BY id", List.of())) {
      long id = ((Number) r[0]).longValue();
      Map<String, List<String>> mine = roles.getOrDefault(id, Map.of());
      Set<String> all = new LinkedHashSet<>(direct.getOrDefault(id, List.of()));
      mine.values().forEach(all::addAll);
      out.add(new UserRow(id, (String) r[1], (String) r[2], ((Number) r[3]).longValue(), mine, new ArrayList<>(all),
          (LocalDateTime) r[4], (LocalDateTime) r[5]));
    }
    return out;
  }
}
