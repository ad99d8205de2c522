package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;

/**
 * {@code kill -9} of the server in the middle of {@code POST /api/companies}: after a restart the company is
 * either complete (its owner logs in) or absent (no central row, no database), never half there.
 */
class CrashRecoveryIT {

  static TestServer server;
  static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    api = new Api(server);
  }

  @Test
  void killDuringRegistrationLeavesAllOrNothing() throws Exception {
    Random random = new Random(20261126L);
    int complete = 0;
    int absent = 0;
    int rounds = 4;
    for (int round = 0; round < rounds; round++) {
      String name = "Crash" + round + "x" + System.nanoTime();
      String owner = "owner-" + name.toLowerCase() + "@example.com";
      String body = "{\"name\":\"" + name + "\",\"address\":\"a\",\"phone\":\"1\",\"email\":\"info-" + name.toLowerCase()
          + "@example.com\",\"user\":{\"name\":\"o\",\"email\":\"" + owner + "\",\"password\":\"secret123\"},"
          + "\"plugins\":[{\"id\":21},{\"id\":22}]}";
      CompletableFuture<Resp> call = CompletableFuture.supplyAsync(() -> {
        try {
          return api.post("/api/companies", body, null);
        } catch (RuntimeException connectionLost) {
          return null;
        }
      });
      long delay = 30 + random.nextInt(900);
      Thread.sleep(delay);
      server.kill();
      Resp answer = call.join();
      server.restart();

      boolean companyRow = exists("SELECT 1 FROM companies WHERE name = ?", name);
      boolean database = databaseExists(name);
      boolean loginEntry = exists("SELECT 1 FROM database_proxies WHERE email = ?", owner);
      assertEquals(0, count("SELECT COUNT(*) FROM tenant_provisionings"), "no registration left half done");
      if (companyRow) {
        assertTrue(database && loginEntry, name + ": company row without its database or login");
        Resp login = api.post("/api/auth/login", "{\"email\":\"" + owner + "\",\"password\":\"secret123\"}", null);
        assertEquals(200, login.status(), login.body());
        assertEquals(2, api.get("/api/plugins", login.obj().getString("access_token")).obj()
            .getJsonArray("data").size());
        complete++;
      } else {
        assertTrue(!database && !loginEntry, name + ": leftovers of a company that does not exist");
        assertTrue(answer == null || answer.status() != 201, "an acknowledged registration was lost");
        assertEquals(401, api.post("/api/auth/login", "{\"email\":\"" + owner + "\",\"password\":\"secret123\"}",
            null).status());
        absent++;
      }
      System.out.println("crash round " + round + ": killed after " + delay + " ms -> "
          + (companyRow ? "complete" : "absent") + (answer == null ? " (no answer)" : " (answer " + answer.status()
          + ")"));
    }
    System.out.println("crash test: " + rounds + " kills, " + complete + " complete, " + absent
        + " absent, 0 partial");
    assertEquals(200, api.get("/up", null).status());
  }

  private static boolean exists(String sql, String arg) throws Exception {
    try (Connection c = Db.central(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean databaseExists(String companyName) throws Exception {
    try (Connection c = Db.central();
        PreparedStatement s = c.prepareStatement("SHOW DATABASES LIKE ?")) {
      s.setString(1, companyName + "\\_%");
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = Db.central(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
