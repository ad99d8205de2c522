package org.mpm.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a page of an export on the transaction's JDBC connection: rows as arrays, timestamps as local times. */
final class ExportSql {

  private ExportSql() {}

  static List<Object[]> rows(Connection c, String sql, List<?> params) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<Object[]> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            Object v = rs.getObject(i + 1);
            row[i] = v instanceof Timestamp t ? t.toLocalDateTime() : v;
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading an export page failed", e);
    }
  }

  /** The first column of each row (an id) mapped to the second. */
  static Map<Long, Object> byId(Connection c, String sql, List<?> params) {
    Map<Long, Object> out = new HashMap<>();
    for (Object[] r : rows(c, sql, params)) {
      out.put(((Number) r[0]).longValue(), r[1]);
    }
    return out;
  }

  static String in(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
