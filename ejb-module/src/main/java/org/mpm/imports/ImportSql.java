package org.mpm.imports;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;

/** The statements of an import on its transaction's JDBC connection. */
final class ImportSql {

  private final Connection c;

  ImportSql(Connection c) {
    this.c = c;
  }

  /** The first column of the first row as a long, or null. */
  Long id(String sql, Object... params) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    } catch (SQLException e) {
      throw new PersistenceException(e.getMessage(), e);
    }
  }

  /** The first row's columns, or null. */
  Object[] row(String sql, Object... params) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Object[] row = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        return row;
      }
    } catch (SQLException e) {
      throw new PersistenceException(e.getMessage(), e);
    }
  }

  /** Inserts one row ({@code head} names the columns, {@code row} the placeholders) and returns its id. */
  long insert(String head, String row, Object... values) {
    return NativeSql.insertAll(c, head, row, List.<Object[]>of(values)).get(0);
  }

  int execute(String sql, Object... params) {
    return NativeSql.execute(c, sql, Arrays.asList(params));
  }

  static Timestamp now() {
    return Timestamp.valueOf(Timestamped.nowUtc());
  }

  static Timestamp at(LocalDateTime t) {
    return Timestamp.valueOf(t);
  }
}
