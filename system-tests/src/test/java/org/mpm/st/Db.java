package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.mpm.st.Api.Tenant;

/**
 * SQL straight on the suite's databases: fixtures the API cannot create yet and checks from outside the API. The
 * one place the tests open JDBC connections.
 */
final class Db {

  static final String CENTRAL = "micro_power_manager";
  static final String DEMO = "DemoCompany_1";
  static final String DEMO_AGENT = "demo_company_agent@example.com";

  private Db() {}

  /** A connection to the central database. */
  static Connection central() throws Exception {
    return TestServer.get().jdbc(CENTRAL);
  }

  /** A connection to the demo company's database. */
  static Connection demo() throws Exception {
    return TestServer.get().jdbc(DEMO);
  }

  /** A connection to the company's own database. */
  static Connection tenant(Tenant t) throws Exception {
    return tenant(t.companyId());
  }

  static Connection tenant(long companyId) throws Exception {
    String database = database(companyId);
    if (database == null) {
      throw new IllegalStateException("No database for company " + companyId);
    }
    return TestServer.get().jdbc(database);
  }

  /** The name of the company's database, as {@code company_databases} has it; null when it has none. */
  static String database(long companyId) throws Exception {
    try (Connection c = central(); PreparedStatement s = prepare(c,
        "SELECT database_name FROM company_databases WHERE company_id = ?", false, companyId);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The first column of the query's first row as a number (a count, a sum, an id; 0 for NULL). */
  static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, false, params); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {@link #count(Connection, String, Object...)} in the company's database. */
  static long count(Tenant t, String sql) throws Exception {
    try (Connection c = tenant(t)) {
      return count(c, sql);
    }
  }

  /** {@link #count(Connection, String, Object...)} in the central database. */
  static long countCentral(String sql, Object... params) throws Exception {
    try (Connection c = central()) {
      return count(c, sql, params);
    }
  }

  /** Runs an insert, update or delete; returns the number of rows it changed. */
  static int exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, false, params)) {
      return s.executeUpdate();
    }
  }

  /** Runs the statements (inserts, updates) in the company's database, one after the other. */
  static void exec(Tenant t, String... sql) throws Exception {
    try (Connection c = tenant(t)) {
      for (String one : sql) {
        exec(c, one);
      }
    }
  }

  /** Runs an insert and returns the id it generated. */
  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, true, params)) {
      s.executeUpdate();
      try (ResultSet rs = s.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Runs an insert in the company's database and returns the id it generated. */
  static long insert(Tenant t, String sql) throws Exception {
    try (Connection c = tenant(t)) {
      return insert(c, sql);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, boolean keys, Object... params)
      throws SQLException {
    PreparedStatement s = keys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  /** The password hash of the seeded demo agent: the hash of {@code 123123}, for agents the tests insert. */
  static String demoPasswordHash() throws Exception {
    try (Connection c = demo(); PreparedStatement s = prepare(c, "SELECT password FROM agents WHERE email = ?", false,
        DEMO_AGENT); ResultSet rs = s.executeQuery()) {
      assertTrue(rs.next(), "the demo agent is seeded");
      return rs.getString(1);
    }
  }

  /** Adds the e-mail to the central login directory ({@code database_proxies}), pointing at the company. */
  static void addLogin(String email, long companyId) throws Exception {
    try (Connection c = central()) {
      assertEquals(1, exec(c, "INSERT INTO database_proxies (email, fk_company_id, fk_company_database_id,"
          + " created_at, updated_at) SELECT ?, company_id, id, NOW(), NOW() FROM company_databases"
          + " WHERE company_id = ?", email, companyId), "one login entry for " + email);
    }
  }

  /**
   * Inserts an agent (password 123123, person 7, mini-grid 3, commission plan 2, balance 12.5) into a company's
   * database and, when {@code directoryCompany} is given, its login entry pointing at that company.
   */
  static long insertAgent(long companyId, String email, Long directoryCompany) throws Exception {
    long id;
    try (Connection c = tenant(companyId)) {
      id = insert(c, "INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id, email,"
          + " password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection)"
          + " VALUES (7, 3, 2, '', ?, ?, 'fb', 12.5, 0, NOW(), NOW(), 'tenant')", email, demoPasswordHash());
    }
    if (directoryCompany != null) {
      addLogin(email, directoryCompany);
    }
    return id;
  }
}
