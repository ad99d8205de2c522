package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.mpm.st.Api.Resp;

/**
 * The smoke flow of the EAR checks on full application servers ({@link PayaraServerEarIT}, {@link WildFlyEarIT}):
 * a registered company's owner builds a village with an agent and a customer with a meter, the agent pays for the
 * meter and the token is read; later the same data must still be there.
 */
final class EarSmokeFlow {

  /** The company of the EAR checks (another company's flow is told apart by its own slug). */
  static final String EAR_CHECK = "ear-check";

  /** What the flow left, to be found again. */
  record Paid(long personId, long transactionId, String token) {}

  /** Opens a JDBC connection to a tenant database, as the test's database user. */
  interface Jdbc {
    Connection open(String database) throws Exception;
  }

  private EarSmokeFlow() {}

  static String owner(String slug) {
    return "owner@" + slug + ".example";
  }

  static String agent(String slug) {
    return "agent@" + slug + ".example";
  }

  /** Registers the company of the flow; answers its id. */
  static long register(Api api) {
    return register(api, EAR_CHECK);
  }

  /** Registers the company {@code <slug> Energy}; answers its id. */
  static long register(Api api, String slug) {
    Resp registered = api.post("/api/companies", Api.registration(slug + " Energy", "info@" + slug + ".example",
        owner(slug), 21), null);
    assertEquals(201, registered.status(), registered.body());
    return registered.obj().getJsonObject("company").getJsonNumber("id").longValue();
  }

  /** The owner logs in, builds a village with an agent, a customer with a meter, and the agent pays. */
  static Paid operate(Api api, Jdbc jdbc, String database) throws Exception {
    return operate(api, jdbc, database, EAR_CHECK);
  }

  /** {@link #operate(Api, Jdbc, String)} for the company of {@link #register(Api, String)}. */
  static Paid operate(Api api, Jdbc jdbc, String database, String slug) throws Exception {
    String owner = api.login(owner(slug), "secret123");
    Resp cluster = api.post("/api/clusters", "{\"name\":\"North\",\"manager_id\":1,\"geo_json\":" + GeographyIT.AREA
        + "}", owner);
    assertEquals(201, cluster.status(), cluster.body());
    Resp grid = api.post("/api/mini-grids", "{\"name\":\"Grid One\",\"cluster_id\":" + GeographyIT.id(cluster)
        + ",\"geo_json\":" + GeographyIT.point(39.15, -7.15) + "}", owner);
    assertEquals(201, grid.status(), grid.body());
    long tz = api.get("/api/countries/TZ", owner).obj().getJsonObject("data").getJsonNumber("id").longValue();
    Resp village = api.post("/api/cities", "{\"name\":\"Kijiji\",\"mini_grid_id\":" + GeographyIT.id(grid)
        + ",\"country_id\":" + tz + ",\"geo_json\":" + GeographyIT.point(39.16, -7.16) + "}", owner);
    assertEquals(201, village.status(), village.body());
    Resp plan = api.post("/api/agents/commissions", "{\"name\":\"Field\",\"energy_commission\":0.05,"
        + "\"appliance_commission\":0.03,\"risk_balance\":5000000}", owner);
    assertEquals(201, plan.status(), plan.body());
    Resp agent = api.post("/api/agents", "{\"email\":\"" + agent(slug) + "\",\"name\":\"Baraka\","
        + "\"surname\":\"Mwita\",\"password\":\"secret1\",\"city_id\":" + GeographyIT.id(village)
        + ",\"agent_commission_id\":" + GeographyIT.id(plan) + ",\"phone\":\"+255700000123\"}", owner);
    assertEquals(201, agent.status(), agent.body());
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\","
        + "\"factor\":1,\"minimum_purchase_amount\":0,\"components\":[{\"name\":\"Service\",\"price\":50}]}", owner);
    assertEquals(201, tariff.status(), tariff.body());
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", owner);
    assertEquals(201, type.status(), type.body());
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", owner);
    assertEquals(201, maker.status(), maker.body());
    Resp person = api.post("/api/people", "{\"name\":\"Neema\",\"surname\":\"Mushi\",\"phone\":\"+255712345001\","
        + "\"email\":\"neema@example.com\",\"street\":\"Harbour Road 7\",\"is_customer\":true,\"gender\":\"female\","
        + "\"birth_date\":\"1990-01-01\",\"country_code\":\"TZ\",\"city_id\":" + GeographyIT.id(village) + "}",
        owner);
    assertEquals(201, person.status(), person.body());
    long personId = GeographyIT.id(person);
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"EAR-0001\",\"manufacturer_id\":"
        + GeographyIT.id(maker) + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":1,\"tariff_id\":"
        + GeographyIT.id(tariff) + "}", owner);
    assertEquals(201, meter.status(), meter.body());
    try (Connection c = jdbc.open(database); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at) VALUES (" + personId + ", 'meter', " + GeographyIT.id(meter) + ", 'EAR-0001', NOW(),"
          + " NOW())");
    }
    String agentToken = agentLogin(api, slug);
    Resp paid = api.post("/api/app/agents/transactions", "{\"device_serial\":\"EAR-0001\",\"amount\":1000}",
        agentToken);
    assertEquals(200, paid.status(), paid.body());
    long transactionId = paid.obj().getJsonObject("data").getJsonNumber("id").longValue();
    String token = completedToken(api, agentToken, transactionId);
    assertEquals(20, token.length(), token);
    return new Paid(personId, transactionId, token);
  }

  /** The customer and the payment's token are still there. */
  static void assertStillThere(Api api, Paid paid) throws Exception {
    assertStillThere(api, paid, EAR_CHECK);
  }

  static void assertStillThere(Api api, Paid paid, String slug) throws Exception {
    String owner = api.login(owner(slug), "secret123");
    Resp shown = api.get("/api/people/" + paid.personId(), owner);
    assertEquals(200, shown.status(), shown.body());
    assertEquals("Mushi", shown.obj().getJsonObject("data").getString("surname"));
    assertEquals(paid.token(), completedToken(api, agentLogin(api, slug), paid.transactionId()));
  }

  static String agentLogin(Api api, String slug) {
    Resp login = api.post("/api/app/login", "{\"email\":\"" + agent(slug) + "\",\"password\":\"secret1\"}", null);
    assertEquals(200, login.status(), login.body());
    return login.obj().getString("access_token");
  }

  /** The token of a payment, once it is completed (at most 30 s). */
  static String completedToken(Api api, String agentToken, long id) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      Resp r = api.get("/api/app/agents/transactions/" + id + "/status", agentToken);
      assertEquals(200, r.status(), r.body());
      JsonObject d = r.obj().getJsonObject("data");
      if (!"pending".equals(d.getString("status")) || System.nanoTime() > end) {
        assertEquals("completed", d.getString("status"), d.toString());
        return d.getJsonObject("token").getString("token");
      }
      Thread.sleep(200);
    }
  }
}
