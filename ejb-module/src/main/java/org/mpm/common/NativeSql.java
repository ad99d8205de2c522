package org.mpm.common;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Native SQL helpers: multi-row statements on the tenant transaction's JDBC connection (the payment pipeline),
 * positional parameters bound from a list, and {@code IN (…)} lists of few statement texts.
 */
public final class NativeSql {

  private NativeSql() {}

  /**
   * Inserts rows with one multi-row INSERT ({@code head} + " VALUES " + {@code row} per row, values in order) on
   * the transaction's JDBC connection ({@link org.mpm.tenancy.TenantDatabase#connection}).
   */
  public static void insertRows(Connection c, String head, String row, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      insert(c, head, row, rows, false);
    }
  }

  /** Runs an UPDATE (or DELETE) with positional values on the transaction's JDBC connection; rows changed. */
  public static int execute(Connection c, String sql, List<?> params) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException(e.getMessage(), e);
    }
  }

  /**
   * {@link #insertRows} that returns the rows' generated ids in row order. MySQL and MariaDB give the rows of one
   * such statement (a "simple insert", whose row count is known in advance) consecutive ids,
   * {@code auto_increment_increment} apart, from {@code LAST_INSERT_ID()} on: the driver's generated keys.
   */
  public static List<Long> insertAll(Connection c, String head, String row, List<Object[]> rows) {
    return rows.isEmpty() ? List.of() : insert(c, head, row, rows, true);
  }

  private static List<Long> insert(Connection c, String head, String row, List<Object[]> rows, boolean keys) {
    StringBuilder sql = new StringBuilder(head).append(" VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    try (PreparedStatement s = keys ? c.prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS)
        : c.prepareStatement(sql.toString())) {
      int n = 1;
      for (Object[] values : rows) {
        for (Object v : values) {
          s.setObject(n++, v);
        }
      }
      s.executeUpdate();
      if (!keys) {
        return List.of();
      }
      List<Long> ids = new ArrayList<>(rows.size());
      try (ResultSet generated = s.getGeneratedKeys()) {
        while (generated.next()) {
          ids.add(generated.getLong(1));
        }
      }
      if (ids.size() != rows.size()) {
        throw new IllegalStateException(rows.size() + " rows inserted, " + ids.size() + " ids returned");
      }
      return ids;
    } catch (SQLException e) {
      throw new PersistenceException(e.getMessage(), e);
    }
  }

  /** Binds positional parameters {@code ?1 …} (or {@code ?} in order) from a list; returns the query. */
  public static Query bind(Query q, List<?> params) {
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    return q;
  }

  /**
   * The inside of an SQL {@code IN (…)} list of {@code n} values: positional parameters, as many as the next power
   * of two (bound by {@link #bindIn}, which repeats the last value — the list means the same). So a statement has
   * a few texts whatever the list, and the driver and the pool keep them parsed.
   */
  public static String in(int n) {
    return String.join(", ", Collections.nCopies(padded(n), "?"));
  }

  /** Binds an {@link #in} list from parameter {@code first}; returns the position after it. */
  public static int bindIn(Query q, int first, List<?> values) {
    List<?> padded = inValues(values);
    for (int i = 0; i < padded.size(); i++) {
      q.setParameter(first + i, padded.get(i));
    }
    return first + padded.size();
  }

  /** The values of an {@link #in} list, the last one repeated up to its size (for JDBC parameter lists). */
  public static List<Object> inValues(List<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("An IN list needs at least one value");
    }
    List<Object> padded = new ArrayList<>(values);
    while (padded.size() < padded(values.size())) {
      padded.add(values.get(values.size() - 1));
    }
    return padded;
  }

  static int padded(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }
}
