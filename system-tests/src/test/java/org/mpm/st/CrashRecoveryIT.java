package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;

/**
 * {@code kill -9} of the server in the middle of {@code POST /api/companies}: after a restart the company is
 * either complete (its owner logs in) or absent (no central row, no database), never half there. The rounds kill
 * at chosen moments of the registration (docs/architecture.md): before its commit point, so that the company must
 * vanish, and after it, so that it must survive, and once at a random moment; both outcomes must occur.
 */
class CrashRecoveryIT {

  /** When a round kills the server: once the registration's state answers {@code sql} with a count above 0. */
  enum Moment {
    CENTRAL_ROWS("once the central rows and the provisioning mark are written", "SELECT COUNT(*) FROM companies c"
        + " JOIN tenant_provisionings p ON p.company_id = c.id WHERE c.name = ?"),
    MIGRATING("while the company's database is being migrated", "SELECT COUNT(*) FROM companies c"
        + " JOIN tenant_provisionings p ON p.company_id = c.id"
        + " JOIN information_schema.tables t ON t.table_schema = p.database_name WHERE c.name = ?"),
    COMMITTED("once the owner's login entry is committed (the commit point)",
        "SELECT COUNT(*) FROM database_proxies WHERE email = ?"),
    RANDOM("at a random moment", null);

    final String description;
    final String sql;

    Moment(String description, String sql) {
      this.description = description;
      this.sql = sql;
    }
  }

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
    List<String> outcomes = new ArrayList<>();
    int complete = 0;
    int absent = 0;
    Moment[] rounds = {Moment.CENTRAL_ROWS, Moment.MIGRATING, Moment.COMMITTED, Moment.RANDOM};
    for (int round = 0; round < rounds.length; round++) {
      Moment moment = rounds[round];
      String name = "Crash" + round + "x" + System.nanoTime();
      String owner = "owner-" + name.toLowerCase() + "@example.com";
      String body = Api.registration(name, "info-" + name.toLowerCase() + "@example.com", owner, 21, 22);
      long sent = System.nanoTime();
      CompletableFuture<Resp> call = CompletableFuture.supplyAsync(() -> {
        try {
          return api.post("/api/companies", body, null);
        } catch (RuntimeException connectionLost) {
          return null;
        }
      });
      boolean reached = true;
      if (moment == Moment.RANDOM) {
        Thread.sleep(30 + random.nextInt(900));
      } else {
        reached = await(moment, moment == Moment.COMMITTED ? owner : name, call);
      }
      long after = (System.nanoTime() - sent) / 1_000_000;
      server.kill();
      Resp answer = call.join();
      server.restart();

      boolean companyRow = Db.countCentral("SELECT COUNT(*) FROM companies WHERE name = ?", name) > 0;
      boolean database = Db.countCentral("SELECT COUNT(*) FROM information_schema.schemata"
          + " WHERE schema_name LIKE ?", name + "\\_%") > 0;
      boolean loginEntry = Db.countCentral("SELECT COUNT(*) FROM database_proxies WHERE email = ?", owner) > 0;
      String outcome = "crash round " + round + ": killed " + moment.description + (reached ? "" : " (not seen)")
          + ", " + after + " ms after sending -> " + (companyRow ? "complete" : "absent")
          + (answer == null ? " (no answer)" : " (answer " + answer.status() + ")");
      System.out.println(outcome);
      outcomes.add(outcome);
      assertEquals(0, Db.countCentral("SELECT COUNT(*) FROM tenant_provisionings"), "no registration left half done");
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
        assertTrue(!(moment == Moment.COMMITTED && reached), "a registration killed after its commit point was lost");
        assertEquals(401, api.post("/api/auth/login", "{\"email\":\"" + owner + "\",\"password\":\"secret123\"}",
            null).status());
        absent++;
      }
    }
    System.out.println("crash test: " + rounds.length + " kills, " + complete + " complete, " + absent
        + " absent, 0 partial");
    assertTrue(complete > 0 && absent > 0, "both outcomes occur: " + outcomes);
    assertEquals(200, api.get("/up", null).status());
  }

  /**
   * Polls the central database until the registration reaches the moment, or is answered, or a minute passed;
   * whether the moment's state is there.
   */
  static boolean await(Moment moment, String arg, CompletableFuture<Resp> call) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (Connection c = Db.central()) {
      while (!call.isDone() && System.nanoTime() < deadline) {
        if (Db.count(c, moment.sql, arg) > 0) {
          return true;
        }
        Thread.sleep(5);
      }
      return Db.count(c, moment.sql, arg) > 0;
    }
  }
}
