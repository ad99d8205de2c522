package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * {@code kill -9} of the server between the two phases of a two-phase commit over the central and a company's
 * database (a new user and its login entry, {@code POST /api/users}). The server reaches the databases through
 * {@link CommitPhaseGate}, which holds back the first {@code XA COMMIT}: both branches are prepared, the
 * transaction manager has logged its commit decision, nothing is committed. After the kill the database still
 * holds the prepared branches and their row locks (a concurrent writer waits); after the restart the transaction
 * manager finds them from its log and commits them: both rows are there, no branch is left, the rows are writable.
 */
class PreparedBranchRecoveryIT {

  /** How long the restarted server may take to resolve the branches once it answers. */
  private static final long RESOLVE_SECONDS = 60;

  static TestServer server;
  static Api api;
  static Tenant tenant;
  static CommitPhaseGate gate;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.get();
    api = new Api(server);
    // A company registered while the server runs: its pool is created at run time, not at start.
    tenant = api.registerCompany("txlog");
    gate = CommitPhaseGate.start(server.databasePort());
  }

  @AfterAll
  static void stop() throws Exception {
    if (gate != null) {
      gate.close();
    }
  }

  @Test
  void branchesPreparedAtTheCrashAreCommittedAtRestart() throws Exception {
    String database = Db.database(tenant.companyId());
    String email = "txlog-" + System.nanoTime() + "@example.com";
    // The server through the gate (its central pool and every company's pool).
    String gated = server.centralUrl().replace(":" + server.databasePort() + "/", ":" + gate.port() + "/");
    server.restart(Map.of("MPM_DB_URL", gated));
    String token = api.login(tenant.ownerEmail(), tenant.password());
    assertTrue(xaRecover().isEmpty(), "no prepared branch before the test: " + xaRecover());

    gate.arm();
    CompletableFuture<Resp> call = CompletableFuture.supplyAsync(() -> {
      try {
        return api.post("/api/users", "{\"name\":\"Crash Clerk\",\"email\":\"" + email
            + "\",\"password\":\"secret123\"}", token);
      } catch (RuntimeException connectionLost) {
        return null;
      }
    });
    String heldCommit = gate.awaitHeldCommit(120, TimeUnit.SECONDS);
    assertNotNull(heldCommit, "the server never reached the commit phase of a two-phase commit");
    // The prepare phase ran for both databases and nothing is committed: each database has its branch prepared.
    assertEquals(2, gate.preparesSinceArmed(), "XA PREPARE statements before the first XA COMMIT");
    List<String> prepared = xaRecover();
    assertEquals(2, prepared.size(), "prepared branches at the crash: " + prepared);
    server.kill();
    Resp answer = call.join();
    assertTrue(answer == null || answer.status() >= 500, "the request must not have succeeded: " + answer);

    // After the crash: the branches stay prepared and hold their locks.
    assertEquals(prepared, xaRecover(), "prepared branches after the kill");
    assertLocked(database, "SELECT id FROM users WHERE email = ? FOR UPDATE", email);
    assertLocked(Db.CENTRAL, "SELECT id FROM database_proxies WHERE email = ? FOR UPDATE", email);

    long restarted = System.nanoTime();
    server.restart(Map.of());
    long answeredMs = (System.nanoTime() - restarted) / 1_000_000;
    boolean resolvedWhenAnswering = xaRecover().isEmpty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RESOLVE_SECONDS);
    while (!xaRecover().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    long resolvedMs = (System.nanoTime() - restarted) / 1_000_000;
    assertTrue(xaRecover().isEmpty(), "prepared branches " + RESOLVE_SECONDS + " s after the restart: "
        + xaRecover() + "; transaction log: " + logFiles());
    System.out.println("[txlog] held " + heldCommit + "; prepared " + prepared.size() + " branches; the restarted"
        + " server answered after " + answeredMs + " ms, the branches were " + (resolvedWhenAnswering
        ? "already resolved then" : "resolved " + resolvedMs + " ms after the restart began"));

    // The commit decision was logged, so both branches are committed: the user and its login entry.
    assertEquals(1, count(database, "SELECT COUNT(*) FROM users WHERE email = ?", email), "tenant user row");
    assertEquals(1, count(Db.CENTRAL, "SELECT COUNT(*) FROM database_proxies WHERE email = ?", email),
        "central login entry");
    // The rows are writable again, and the new user logs in.
    assertWritable(database, "UPDATE users SET name = 'Recovered Clerk' WHERE email = ?", email);
    assertWritable(Db.CENTRAL, "UPDATE database_proxies SET updated_at = NOW() WHERE email = ?", email);
    api.login(email, "secret123");
  }

  /** The prepared XA branches on the database server ({@code XA RECOVER}, server-wide), as text. */
  private static List<String> xaRecover() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = server.jdbc(Db.CENTRAL); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("XA RECOVER")) {
      while (rs.next()) {
        out.add(rs.getLong("formatID") + ":" + rs.getString("data"));
      }
    }
    return out;
  }

  /** A locking read of the row waits for the prepared branch's lock and gives up after one second. */
  private static void assertLocked(String database, String sql, String email) throws Exception {
    try (Connection c = server.jdbc(database)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION innodb_lock_wait_timeout = 1");
      }
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, email);
        p.executeQuery().close();
        fail("the row in " + database + " was not locked by the prepared branch: " + sql);
      } catch (SQLException e) {
        assertEquals(1205, e.getErrorCode(), "lock wait timeout expected in " + database + ": " + e);
      } finally {
        c.rollback();
      }
    }
  }

  private static void assertWritable(String database, String sql, String email) throws Exception {
    try (Connection c = server.jdbc(database)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION innodb_lock_wait_timeout = 1");
      }
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, email);
        assertEquals(1, p.executeUpdate(), sql);
      }
    }
  }

  private static long count(String database, String sql, String email) throws Exception {
    try (Connection c = server.jdbc(database); PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, email);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> logFiles() throws Exception {
    if (!Files.exists(server.transactionDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(server.transactionDir())) {
      return files.map(p -> server.transactionDir().relativize(p) + (Files.isRegularFile(p) ? " "
          + p.toFile().length() + " B" : "")).toList();
    }
  }
}
