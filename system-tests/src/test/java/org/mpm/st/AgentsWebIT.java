package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The web console's agent pages: agents, commission plans, receipts, charges, an agent's transactions and balance
 * history; the agent's ledger (balance = the sum of its non-commission balance history) under payments, charges
 * and receipts, also concurrent ones; two companies that never see each other's agents.
 */
class AgentsWebIT {

  static final String PAY = "/api/app/agents/transactions";

  static Api api;
  static Tenant t;
  static Tenant other;
  static long planId;
  static String serial = "MTR-AGW-001";
  static ExecutorService pool = Executors.newFixedThreadPool(20);

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("agents-web");
    other = api.registerCompany("agents-web-b");
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    assertEquals(201, maker.status(), maker.body());
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Amani", "Agentweb", "+255711000777", null));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":"
        + GeographyIT.id(maker) + ",\"meter_type_id\":" + GeographyIT.id(type) + ",\"in_use\":1,\"tariff_id\":"
        + GeographyIT.id(tariff) + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", '" + serial + "', NOW(), NOW())");
    Resp plan = api.post("/api/agents/commissions", "{\"name\":\"Field\",\"energy_commission\":0.05,"
        + "\"appliance_commission\":0.03,\"risk_balance\":1000}", t.token());
    assertEquals(201, plan.status(), plan.body());
    planId = GeographyIT.id(plan);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  /** An agent of the company with the plan; returns {id, token}. */
  static Object[] agent(String email, long plan) throws Exception {
    String hash = Db.demoPasswordHash();
    long id;
    try (Connection c = Db.tenant(t)) {
      id = Db.insert(c, "INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id,"
          + " email, password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection)"
          + " VALUES (1, 1, " + plan + ", '', '" + email + "', '" + hash + "', '', 0, 0, NOW(), NOW(), 'tenant')");
    }
    Db.addLogin(email, t.companyId());
    Resp login = api.post("/api/app/login", "{\"email\":\"" + email + "\",\"password\":\"123123\"}", null);
    assertEquals(200, login.status(), login.body());
    return new Object[] {id, login.obj().getString("access_token")};
  }

  static Resp pay(String token, int amount) {
    return api.post(PAY, "{\"device_serial\":\"" + serial + "\",\"amount\":" + amount + "}", token);
  }

  static Resp receipt(long agent, String amount) {
    return api.post("/api/agents/receipt", "{\"agent_id\":" + agent + ",\"amount\":" + amount + "}", t.token());
  }

  static Resp charge(long agent, String amount) {
    return api.post("/api/agents/charge", "{\"agent_id\":" + agent + ",\"amount\":" + amount + "}", t.token());
  }

  /** The agent's balance equals the sum of its balance rows, its commission revenue that of its commission rows. */
  static void ledgerHolds(long agent) throws Exception {
    long balance = Db.count(t, "SELECT ROUND(balance * 100) FROM agents WHERE id = " + agent);
    long history = Db.count(t, "SELECT COALESCE(ROUND(SUM(amount) * 100), 0) FROM agent_balance_histories"
        + " WHERE agent_id = " + agent + " AND trigger_type <> 'agent_commission'");
    assertEquals(balance, history, "balance = sum of the balance history");
    long revenue = Db.count(t, "SELECT ROUND(commission_revenue * 100) FROM agents WHERE id = " + agent);
    long commissions = Db.count(t, "SELECT COALESCE(ROUND(SUM(amount) * 100), 0) FROM agent_balance_histories"
        + " WHERE agent_id = " + agent + " AND trigger_type = 'agent_commission'");
    assertEquals(revenue, commissions, "commission revenue = sum of the commission history");
  }

  @Test
  void agentsListAndDetailWithTheirRelationsAndFigures() throws Exception {
    long id = (long) agent("list-agent@example.com", planId)[0];
    Resp all = api.get("/api/agents", t.token());
    assertEquals(200, all.status(), all.body());
    JsonObject mine = null;
    for (JsonObject a : all.obj().getJsonArray("data").getValuesAs(JsonObject.class)) {
      if (a.getJsonNumber("id").longValue() == id) {
        mine = a;
      }
    }
    assertTrue(mine != null, all.body());
    assertEquals(0, mine.getInt("customer_count"));
    assertEquals(0, mine.getInt("sales_count"));
    assertFalse(mine.getBoolean("is_active"));
    assertEquals("Field", mine.getJsonObject("commission").getString("name"));
    assertFalse(mine.containsKey("password"));
    assertTrue(mine.containsKey("person") && mine.containsKey("mini_grid"), mine.toString());

    Resp page = api.get("/api/agents?per_page=1", t.token());
    assertEquals(1, page.obj().getInt("per_page"));
    assertEquals(1, page.obj().getJsonArray("data").size());

    Resp one = api.get("/api/agents/" + id, t.token());
    assertEquals(200, one.status(), one.body());
    assertEquals("list-agent@example.com", one.obj().getJsonObject("data").getString("email"));
    assertEquals(404, api.get("/api/agents/99999999", t.token()).status());
    // The other company sees neither the agent nor its ledger.
    Resp elsewhere = api.get("/api/agents/" + id, other.token());
    assertEquals(404, elsewhere.status());
    assertTrue(elsewhere.body().startsWith("{\"message\":\"No query results for model [App"), elsewhere.body());
    assertFalse(api.get("/api/agents", other.token()).body().contains("list-agent@example.com"));
    assertEquals(422, api.post("/api/agents/receipt", "{\"agent_id\":" + id + ",\"amount\":1}", other.token())
        .status());
    assertEquals(422, api.post("/api/agents/charge", "{\"agent_id\":" + id + ",\"amount\":1}", other.token())
        .status());
    assertEquals(0, Db.count(other, "SELECT COUNT(*) FROM agent_charges"));
    assertEquals(401, api.get("/api/agents", null).status());
  }

  @Test
  void appliancesAssignedToAnAgentAndTheSalesItRecorded() throws Exception {
    long id = (long) agent("stock-agent@example.com", planId)[0];
    long appliance = Db.insert(t, "INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)"
        + " VALUES ('Radio', 1, 300, NOW(), NOW())");
    Resp bad = api.post("/api/agents/assigned", "{\"agent_id\":" + id + ",\"user_id\":1,\"appliance_id\":"
        + appliance + ",\"cost\":\"12.345\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.obj().getJsonObject("errors").containsKey("cost"), bad.body());
    Resp unknown = api.post("/api/agents/assigned", "{\"agent_id\":" + id + ",\"user_id\":1,\"appliance_id\":"
        + appliance + ",\"cost\":\"250.50\"}", other.token());
    assertEquals(422, unknown.status(), unknown.body());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM agent_assigned_appliances WHERE agent_id = " + id));
    Resp made = api.post("/api/agents/assigned", "{\"agent_id\":" + id + ",\"user_id\":1,\"appliance_id\":"
        + appliance + ",\"cost\":\"250.50\"}", t.token());
    assertEquals(201, made.status(), made.body());
    Resp list = api.get("/api/agents/assigned/" + id, t.token());
    assertEquals(200, list.status(), list.body());
    JsonObject row = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals("Radio", row.getJsonObject("appliance").getString("name"));
    assertEquals(1, api.get("/api/agents/assigned/" + id + "?per_page=5", t.token()).obj().getInt("total"));
    assertEquals(0, api.get("/api/agents/assigned/" + id, other.token()).obj().getJsonArray("data").size());

    long person = Db.count(t, "SELECT MIN(id) FROM people WHERE type <> 'agent' OR type IS NULL");
    Db.insert(t, "INSERT INTO appliance_people (appliance_id, person_id, total_cost, rate_count, creator_type,"
        + " creator_id, payment_type, created_at, updated_at) VALUES (" + appliance + ", " + person + ", 300, 3,"
        + " 'agent', " + id + ", 'installment', NOW(), NOW())");
    Resp sold = api.get("/api/agents/sold/" + id, t.token());
    assertEquals(200, sold.status(), sold.body());
    assertEquals(1, sold.obj().getInt("total"));
    assertEquals("Radio", sold.obj().getJsonArray("data").getJsonObject(0).getJsonObject("appliance")
        .getString("name"));
    assertEquals(0, api.get("/api/agents/sold/" + id, other.token()).obj().getInt("total"));
    JsonObject listed = api.get("/api/agents/" + id, t.token()).obj().getJsonObject("data");
    assertEquals(1, listed.getInt("customer_count"));
    assertEquals(1, listed.getInt("sales_count"));
  }

  @Test
  void agentsAreCreatedChangedSearchedGivenAPasswordAndDeleted() throws Exception {
    long grid = Db.insert(t, "INSERT INTO mini_grids (cluster_id, name, created_at, updated_at)"
        + " VALUES (1, 'Agents Grid', NOW(), NOW())");
    long city = Db.insert(t, "INSERT INTO cities (name, country_id, mini_grid_id, created_at, updated_at)"
        + " VALUES ('Agents Town', 1, " + grid + ", NOW(), NOW())");
    Resp bad = api.post("/api/agents", "{\"email\":\"no\",\"name\":\"Al\",\"password\":\"12\","
        + "\"city_id\":" + city + ",\"agent_commission_id\":" + planId + "}", t.token());
    assertEquals(422, bad.status(), bad.body());
    JsonObject errors = bad.obj().getJsonObject("errors");
    assertTrue(errors.containsKey("email") && errors.containsKey("name") && errors.containsKey("surname")
        && errors.containsKey("password"), bad.body());
    String body = "{\"email\":\"made-agent@example.com\",\"name\":\"Baraka\",\"surname\":\"Mwita\","
        + "\"password\":\"secret1\",\"city_id\":" + city + ",\"agent_commission_id\":" + planId
        + ",\"phone\":\"+255700000123\"}";
    Resp noPlan = api.post("/api/agents", body.replace("\"agent_commission_id\":" + planId,
        "\"agent_commission_id\":999999"), t.token());
    assertEquals(422, noPlan.status(), noPlan.body());
    assertEquals(0, Db.countCentral("SELECT COUNT(*) FROM database_proxies WHERE email = 'made-agent@example.com'"));
    Resp made = api.post("/api/agents", body, t.token());
    assertEquals(201, made.status(), made.body());
    long id = GeographyIT.id(made);
    assertEquals(grid, made.obj().getJsonObject("data").getJsonNumber("mini_grid_id").longValue());
    assertEquals(422, api.post("/api/agents", body, t.token()).status(), "the e-mail is taken");
    assertEquals(200, api.post("/api/app/login", "{\"email\":\"made-agent@example.com\",\"password\":"
        + "\"secret1\"}", null).status());

    Resp changed = api.put("/api/agents/" + id, "{\"name\":\"Barakaa\",\"phone\":\"+255700000999\"}",
        t.token());
    assertEquals(200, changed.status(), changed.body());
    JsonObject person = changed.obj().getJsonObject("data").getJsonObject("person");
    assertEquals("Barakaa", person.getString("name"));
    assertTrue(person.getJsonArray("addresses").toString().contains("+255700000999"), person.toString());
    assertEquals(422, api.put("/api/agents/" + id, "{\"miniGridId\":999999}", t.token()).status());
    assertEquals(404, api.put("/api/agents/" + id, "{\"name\":\"Other\"}", other.token()).status());

    Resp mismatch = api.put("/api/agents/" + id + "/password", "{\"password\":\"newpass1\","
        + "\"password_confirmation\":\"newpass2\"}", t.token());
    assertEquals(422, mismatch.status(), mismatch.body());
    Resp pw = api.put("/api/agents/" + id + "/password", "{\"password\":\"newpass1\","
        + "\"password_confirmation\":\"newpass1\"}", t.token());
    assertEquals(200, pw.status(), pw.body());
    assertEquals(200, api.post("/api/app/login", "{\"email\":\"made-agent@example.com\",\"password\":"
        + "\"newpass1\"}", null).status());

    Resp found = api.get("/api/agents/search?term=Barakaa", t.token());
    assertEquals(200, found.status(), found.body());
    assertEquals(1, found.obj().getInt("total"), found.body());
    assertEquals(0, api.get("/api/agents/search?term=Barakaa", other.token()).obj().getInt("total"));
    assertEquals(1, api.get("/api/agents/search?term=made-agent&paginate=0", t.token()).obj()
        .getJsonArray("data").size());

    assertEquals(404, api.delete("/api/agents/" + id, other.token()).status());
    Resp deleted = api.delete("/api/agents/" + id, t.token());
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("{\"data\":{\"message\":\"Agent deleted successfully\",\"status_code\":200}}",
        deleted.body());
    assertEquals(404, api.get("/api/agents/" + id, t.token()).status());
    assertEquals(0, Db.countCentral("SELECT COUNT(*) FROM database_proxies WHERE email = 'made-agent@example.com'"));
  }

  @Test
  void commissionPlansAreCreatedChangedAndDeleted() throws Exception {
    Resp bad = api.post("/api/agents/commissions", "{\"name\":\"\",\"energy_commission\":2,"
        + "\"appliance_commission\":\"x\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
    JsonObject errors = bad.obj().getJsonObject("errors");
    assertTrue(errors.containsKey("name") && errors.containsKey("energy_commission")
        && errors.containsKey("appliance_commission") && errors.containsKey("risk_balance"), bad.body());
    long before = Db.count(t, "SELECT COUNT(*) FROM agent_commissions");
    Resp created = api.post("/api/agents/commissions", "{\"name\":\"Town\",\"energy_commission\":0.1,"
        + "\"appliance_commission\":0.2,\"risk_balance\":500}", t.token());
    assertEquals(201, created.status(), created.body());
    long id = GeographyIT.id(created);
    assertEquals(before + 1, Db.count(t, "SELECT COUNT(*) FROM agent_commissions"));
    Resp changed = api.put("/api/agents/commissions/" + id, "{\"name\":\"Town 2\",\"energy_commission\":0.1,"
        + "\"appliance_commission\":0.2,\"risk_balance\":700}", t.token());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(700, changed.obj().getJsonObject("data").getJsonNumber("risk_balance").intValue());
    Resp list = api.get("/api/agents/commissions", t.token());
    assertTrue(list.body().contains("\"Town 2\""), list.body());
    assertEquals(404, api.put("/api/agents/commissions/" + id, "{\"name\":\"x\",\"energy_commission\":0.1,"
        + "\"appliance_commission\":0.2,\"risk_balance\":700}", other.token()).status());
    assertEquals(404, api.delete("/api/agents/commissions/" + id, other.token()).status());
    Resp deleted = api.delete("/api/agents/commissions/" + id, t.token());
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("{\"message\":\"Agent commission deleted successfully\"}", deleted.body());
    assertEquals(before, Db.count(t, "SELECT COUNT(*) FROM agent_commissions"));
  }

  @Test
  void anAgentRefusedForItsRiskBalancePaysAgainAfterAReceipt() throws Exception {
    Object[] a = agent("risk-agent@example.com", planId);
    long id = (long) a[0];
    String token = (String) a[1];
    // No activity yet: nothing to receipt.
    Resp early = receipt(id, "10");
    assertEquals(422, early.status(), early.body());
    assertEquals(200, pay(token, 600).status());
    Resp refused = pay(token, 600);
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.body().contains("Risk balance exceeded"), refused.body());

    // More than the agent holds (600) is refused, and writes nothing.
    Resp tooMuch = receipt(id, "600.01");
    assertEquals(422, tooMuch.status(), tooMuch.body());
    assertEquals("The receipt amount cannot exceed the amount the agent owes (600).",
        tooMuch.obj().getJsonObject("errors").getJsonArray("amount").getString(0));
    assertEquals(422, receipt(id, "0").status());
    assertEquals(422, receipt(id, "\"x\"").status());
    assertEquals(422, charge(id, "\"x\"").status());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM agent_receipts WHERE agent_id = " + id));
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM agent_charges WHERE agent_id = " + id));

    Resp r = receipt(id, "500");
    assertEquals(201, r.status(), r.body());
    JsonObject receipt = r.obj().getJsonObject("data");
    assertEquals(500, receipt.getJsonNumber("amount").intValue());
    assertEquals(-100, Db.count(t, "SELECT balance FROM agents WHERE id = " + id));
    assertEquals(200, pay(token, 600).status(), "the agent may take payments again");
    Resp c = charge(id, "200");
    assertEquals(201, c.status(), c.body());
    assertEquals(-500, Db.count(t, "SELECT balance FROM agents WHERE id = " + id));
    ledgerHolds(id);

    // The receipt's figures as MPM records them.
    Resp mine = api.get("/api/agents/receipt/" + id, t.token());
    assertEquals(200, mine.status(), mine.body());
    assertEquals(1, mine.obj().getInt("total"));
    JsonObject listed = mine.obj().getJsonArray("data").getJsonObject(0);
    JsonObject detail = listed.getJsonObject("detail");
    assertEquals(600, detail.getJsonNumber("due").intValue());
    assertEquals(500, detail.getJsonNumber("collected").intValue());
    assertEquals(0, detail.getJsonNumber("summary").intValue());
    assertEquals(30, detail.getJsonNumber("commission_credited").intValue());
    assertEquals("agent_receipt", listed.getJsonObject("history").getString("trigger_type"));
    assertEquals(500, listed.getJsonObject("history").getJsonNumber("amount").intValue());
    assertEquals(id, listed.getJsonObject("agent").getJsonNumber("id").longValue());
    assertTrue(api.get("/api/agents/receipt", t.token()).body().contains("\"agent_id\":" + id));
    assertEquals(0, api.get("/api/agents/receipt/" + id, other.token()).obj().getInt("total"));

    // Balance history: all, the balance ledger, the commission ledger.
    JsonArray history = api.get("/api/agents/balance/history/" + id, t.token()).obj().getJsonArray("data");
    assertEquals(6, history.size(), history.toString());
    assertEquals("agent_charge", history.getJsonObject(0).getString("trigger_type"));
    assertEquals(4, api.get("/api/agents/balance/history/" + id + "?type=balance", t.token()).obj()
        .getJsonArray("data").size());
    assertEquals(2, api.get("/api/agents/balance/history/" + id + "?type=commission", t.token()).obj()
        .getJsonArray("data").size());
    Resp paged = api.get("/api/agents/balance/history/" + id + "?per_page=2", t.token());
    assertEquals(6, paged.obj().getInt("total"));
    assertEquals(0, api.get("/api/agents/balance/history/" + id, other.token()).obj().getJsonArray("data")
        .size());

    // The agent's transactions.
    Resp txs = api.get("/api/agents/transactions/" + id, t.token());
    assertEquals(200, txs.status(), txs.body());
    assertEquals(2, txs.obj().getInt("total"));
    assertEquals(0, api.get("/api/agents/transactions/" + id, other.token()).obj().getInt("total"));

    // The agent list counts it as active.
    assertTrue(api.get("/api/agents/" + id, t.token()).obj().getJsonObject("data").containsKey("commission"));
  }

  @Test
  void twentyConcurrentPaymentsAtTheRiskLimitNeverPassIt() throws Exception {
    // Risk balance 1000: ten payments of 100 fit, whatever order twenty concurrent ones arrive in.
    Object[] a = agent("limit-agent@example.com", planId);
    long id = (long) a[0];
    String token = (String) a[1];
    List<Future<Resp>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(pool.submit(() -> pay(token, 100)));
    }
    int accepted = 0;
    int refused = 0;
    for (Future<Resp> f : all) {
      Resp r = f.get();
      if (r.status() == 200) {
        accepted++;
      } else {
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains("Risk balance exceeded"), r.body());
        refused++;
      }
    }
    assertEquals(10, accepted, "payments that fit under the risk balance");
    assertEquals(10, refused);
    assertEquals(-1000, Db.count(t, "SELECT balance FROM agents WHERE id = " + id));
    assertEquals(10, Db.count(t, "SELECT COUNT(*) FROM agent_transactions WHERE status = 1 AND agent_id = "
        + id));
    ledgerHolds(id);
    // A receipt of what it holds lets it take payments again.
    assertEquals(201, receipt(id, "1000").status());
    assertEquals(200, pay(token, 100).status());
    ledgerHolds(id);
  }

  @Test
  void concurrentPaymentsChargesAndReceiptsKeepTheLedger() throws Exception {
    Resp plan = api.post("/api/agents/commissions", "{\"name\":\"Big\",\"energy_commission\":0.05,"
        + "\"appliance_commission\":0.03,\"risk_balance\":1000000}", t.token());
    Object[] a = agent("busy-agent@example.com", GeographyIT.id(plan));
    long id = (long) a[0];
    String token = (String) a[1];
    assertEquals(200, pay(token, 5000).status());
    List<Future<Resp>> all = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      int n = i;
      all.add(pool.submit(() -> switch (n % 3) {
        case 0 -> pay(token, 100);
        case 1 -> receipt(id, "10");
        default -> charge(id, "5");
      }));
    }
    for (Future<Resp> f : all) {
      Resp r = f.get();
      assertTrue(r.status() == 200 || r.status() == 201, r.body());
    }
    assertEquals(-5000 - 7 * 100 + 7 * 10 + 7 * 5, Db.count(t, "SELECT balance FROM agents WHERE id = " + id));
    assertEquals(7, Db.count(t, "SELECT COUNT(*) FROM agent_receipts WHERE agent_id = " + id));
    assertEquals(7, Db.count(t, "SELECT COUNT(*) FROM agent_receipt_details d JOIN agent_receipts r"
        + " ON r.id = d.agent_receipt_id WHERE r.agent_id = " + id));
    ledgerHolds(id);
  }
}
