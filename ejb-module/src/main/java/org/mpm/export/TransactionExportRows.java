package org.mpm.export;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mpm.common.Like;
import org.mpm.tenancy.TenantDatabase;

/**
 * The transactions of an export, a page at a time (newest first, keyed on the id so every page is an index range):
 * each with the status of its provider row (agent, cash, third party), its device and the device's owner.
 */
@Stateless
public class TransactionExportRows {

  /** MPM's export filters (null = none); {@code serial} and {@code tariff} as the transaction search reads them. */
  public record Filter(String deviceType, String serial, Long tariff, String provider, Integer status,
      LocalDateTime from, LocalDateTime to) {}

  /** One exported transaction; {@code providerStatus} null when its provider row is not one of the core three. */
  public record Row(long id, Integer providerStatus, String provider, String customer, String message,
      String deviceSerial, String deviceType, double amount, String type, LocalDateTime createdAt) {

    /** MPM's {@code resolveStatus}: 1 Success, 0 Pending, anything else Failed. */
    public String status() {
      return providerStatus == null ? "Failed" : providerStatus == 1 ? "Success" : providerStatus == 0 ? "Pending"
          : "Failed";
    }
  }

  private static final String SELECT = "SELECT t.id, COALESCE(a.status, c.status, tp.status),"
      + " t.original_transaction_type, p.name, p.surname, t.message, d.device_serial, d.device_type, t.amount,"
      + " t.type, t.created_at FROM transactions t"
      + " LEFT JOIN agent_transactions a ON t.original_transaction_type = 'agent_transaction'"
      + " AND a.id = t.original_transaction_id"
      + " LEFT JOIN cash_transactions c ON t.original_transaction_type = 'cash_transaction'"
      + " AND c.id = t.original_transaction_id"
      + " LEFT JOIN third_party_transactions tp ON t.original_transaction_type = 'third_party_transaction'"
      + " AND tp.id = t.original_transaction_id"
      + " LEFT JOIN devices d ON d.device_serial = t.message"
      + " LEFT JOIN people p ON p.id = d.person_id";

  @Inject TenantDatabase tenantDb;

  /** Up to {@code limit} transactions with an id below {@code beforeId}, newest first. */
  public List<Row> page(Filter f, long beforeId, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE t.id < ?");
    List<Object> params = new ArrayList<>();
    params.add(beforeId);
    if (f.deviceType() != null) {
      sql.append(" AND d.device_type = ?");
      params.add(f.deviceType());
    }
    if (f.serial() != null) {
      sql.append(" AND t.message LIKE ?");
      params.add(Like.contains(f.serial()));
    }
    if (f.tariff() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM meters m WHERE d.device_type = 'meter' AND m.id = d.device_id"
          + " AND m.tariff_id = ?)");
      params.add(f.tariff());
    }
    if (f.provider() != null) {
      sql.append(" AND t.original_transaction_type = ?");
      params.add(f.provider());
    }
    if (f.status() != null) {
      sql.append(" AND COALESCE(a.status, c.status, tp.status) = ?");
      params.add(f.status());
    }
    if (f.from() != null) {
      sql.append(" AND t.created_at >= ?");
      params.add(Timestamp.valueOf(f.from()));
    }
    if (f.to() != null) {
      sql.append(" AND t.created_at <= ?");
      params.add(Timestamp.valueOf(f.to()));
    }
    sql.append(" ORDER BY t.id DESC LIMIT ?");
    params.add(limit);
    Connection c = tenantDb.connection();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<Row> rows = new ArrayList<>(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object status = rs.getObject(2);
          String name = rs.getString(4);
          String surname = rs.getString(5);
          String customer = ((name == null ? "" : name) + " " + (surname == null ? "" : surname)).trim();
          Timestamp at = rs.getTimestamp(11);
          rows.add(new Row(rs.getLong(1), status == null ? null : ((Number) status).intValue(), rs.getString(3),
              customer, rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getString(10),
              at == null ? null : at.toLocalDateTime()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading transactions for an export failed", e);
    }
  }

  /** The company's currency (main settings), as MPM appends it to each amount. */
  public String currency() {
    Object v = tenantDb.em().createNativeQuery("SELECT currency FROM main_settings ORDER BY id LIMIT 1")
        .getResultStream().findFirst().orElse(null);
    return v == null ? "" : String.valueOf(v);
  }
}
