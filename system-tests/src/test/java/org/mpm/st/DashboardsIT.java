package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The dashboards (clusters, mini-grids, agents), revenue against targets, trends and tickets, and targets, each
 * checked against payments and tickets written into the company's database, and against a second company whose
 * figures must never show.
 */
class DashboardsIT {

  static Api api;
  static Tenant a;
  static Tenant b;
  static long north;
  static long grid;
  static long otherCluster;
  static long otherGrid;
  static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

  @BeforeAll
  static void fixture() throws Exception {
    api = new Api(TestServer.get());
    a = api.registerCompany("dashboards-a");
    b = api.registerCompany("dashboards-b");
    north = cluster(a, "North");
    grid = grid(a, "Grid One", north);
    long amina = person(a, village(a, "Kijiji One", grid), "Amina");
    // the other company's ids differ from this one's, so a leak would show
    grid(b, "Spare Grid", cluster(b, "Spare"));
    otherCluster = cluster(b, "Elsewhere");
    otherGrid = grid(b, "Other Grid", otherCluster);
    long zawadi = person(b, village(b, "Kijiji Other", otherGrid), "Zawadi");
    try (Connection c = Db.tenant(a); Statement s = c.createStatement()) {
      meterWithPayments(s, amina, "DA-M1");
      s.executeUpdate("INSERT INTO ticket_categories (id, label_name, label_color, out_source, created_at,"
          + " updated_at) VALUES (1, 'Billing', 'red', 0, NOW(), NOW())");
      s.executeUpdate("INSERT INTO tickets (creator_type, creator_id, owner_type, owner_id, status, title, content,"
          + " category_id, created_at, updated_at) VALUES"
          + " ('user', 1, 'person', " + amina + ", 0, 'No light', 'x', 1, UTC_TIMESTAMP() - INTERVAL 1 DAY,"
          + " UTC_TIMESTAMP() - INTERVAL 1 DAY),"
          + " ('user', 1, 'person', " + amina + ", 1, 'Paid twice', 'x', 1, UTC_TIMESTAMP() - INTERVAL 1 DAY,"
          + " UTC_TIMESTAMP() - INTERVAL 1 DAY)");
      summarize(s);
    }
    try (Connection c = Db.tenant(b); Statement s = c.createStatement()) {
      meterWithPayments(s, zawadi, "DB-M1");
      s.executeUpdate("UPDATE transactions SET amount = 777 WHERE amount = 500");
      summarize(s);
    }
  }

  /** A meter of the default type and group with a settled 500 yesterday, an unsettled 999 and a settled 300. */
  static void meterWithPayments(Statement s, long person, String serial) throws Exception {
    s.executeUpdate("INSERT INTO meters (id, serial_number, meter_type_id, in_use, manufacturer_id,"
        + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES"
        + " (1, '" + serial + "', 1, 1, 1, 1, 1, 1, UTC_TIMESTAMP() - INTERVAL 1 DAY, NOW())");
    s.executeUpdate("INSERT INTO devices (id, person_id, device_type, device_id, device_serial, created_at,"
        + " updated_at) VALUES (1, " + person + ", 'meter', 1, '" + serial + "', NOW(), NOW())");
    s.executeUpdate("INSERT INTO cash_transactions (id, user_id, status, created_at, updated_at) VALUES"
        + " (1, 1, 1, NOW(), NOW()), (2, 1, 0, NOW(), NOW())");
    s.executeUpdate("INSERT INTO transactions (original_transaction_id, original_transaction_type, amount, type,"
        + " sender, message, created_at, updated_at) VALUES"
        + " (1, 'cash_transaction', 500, 'energy', '+255700000001', '" + serial + "',"
        + " UTC_TIMESTAMP() - INTERVAL 1 DAY, NOW()),"
        + " (2, 'cash_transaction', 999, 'energy', '+255700000001', '" + serial + "',"
        + " UTC_TIMESTAMP() - INTERVAL 1 DAY, NOW()),"
        + " (1, 'cash_transaction', 300, 'energy', '+255700000001', '" + serial + "', '2025-03-10 10:00:00', NOW())");
  }

  /**
   * Builds the revenue summary of payments written straight into the database, as the migration that created it
   * does (the payment pipeline keeps it when it settles a payment).
   */
  static void summarize(Statement s) throws Exception {
    s.executeUpdate("DELETE FROM revenue_summaries");
    s.executeUpdate("INSERT INTO revenue_summaries (city_id, meter, connection_group_id, connection_type_id, day,"
        + " amount, payments, energy) SELECT a.city_id, m.id IS NOT NULL, COALESCE(m.connection_group_id, 0),"
        + " COALESCE(m.connection_type_id, 0), DATE(t.created_at), SUM(t.amount), COUNT(t.id),"
        + " COALESCE(SUM(k.token_amount), 0) FROM transactions t"
        + " LEFT JOIN tokens k ON k.transaction_id = t.id AND k.token_type = 'energy'"
        + " JOIN devices d ON d.device_serial = t.message"
        + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id"
        + " JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL"
        + " JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
        + " AND a2.owner_id = p.id AND a2.is_primary = 1)"
        + " WHERE t.created_at IS NOT NULL AND a.city_id IS NOT NULL"
        + " AND t.original_transaction_type = 'cash_transaction'"
        + " AND EXISTS (SELECT 1 FROM cash_transactions o WHERE o.id = t.original_transaction_id AND o.status = 1)"
        + " GROUP BY 1, 2, 3, 4, 5");
  }

  // ---- dashboards

  @Test
  void aPaymentShowsOnTheDashboardsAtOnce() throws Exception {
    Tenant c = api.registerCompany("dashboards-c");
    long cluster = cluster(c, "East");
    long east = grid(c, "Grid East", cluster);
    long person = person(c, village(c, "Kijiji East", east), "Neema");
    long tariff = GeographyIT.id(api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,"
        + "\"currency\":\"TZS\",\"factor\":1,\"minimum_purchase_amount\":0,"
        + "\"components\":[{\"name\":\"Service\",\"price\":50}]}", c.token()));
    long type = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        c.token()));
    long maker = GeographyIT.id(api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\","
        + "\"type\":\"meter\",\"api_name\":\"DemoMeterManufacturerApi\"}", c.token()));
    Resp meter = api.post("/api/meters", "{\"serial_number\":\"DC-M1\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + type + ",\"in_use\":1,\"tariff_id\":" + tariff + "}", c.token());
    assertEquals(201, meter.status(), meter.body());
    try (Connection db = Db.tenant(c)) {
      Db.insert(db, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
          + " VALUES (" + person + ", 'meter', " + GeographyIT.id(meter) + ", 'DC-M1', NOW(), NOW())");
      long commission = Db.insert(db, "INSERT INTO agent_commissions (name, energy_commission,"
          + " appliance_commission, risk_balance, created_at, updated_at) VALUES ('Field', 0.05, 0.03, 5000000,"
          + " NOW(), NOW())");
      Db.insert(db, "INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id, email,"
          + " password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection) VALUES"
          + " (" + person + ", " + east + ", " + commission + ", 'phone-dc', 'dashboards-agent@example.com', '"
          + Db.demoPasswordHash() + "', '', 0, 0, NOW(), NOW(), 'tenant')");
    }
    Db.addLogin("dashboards-agent@example.com", c.companyId());
    Resp login = api.post("/api/app/login", "{\"email\":\"dashboards-agent@example.com\",\"password\":\"123123\"}",
        null);
    assertEquals(200, login.status(), login.body());
    String agent = login.obj().getString("access_token");
    assertEquals(0, api.get("/api/dashboard/clusters", c.token()).obj().getJsonArray("data").getJsonObject(0)
        .getJsonNumber("revenue").doubleValue());

    Resp paid = api.post("/api/app/agents/transactions", "{\"device_serial\":\"DC-M1\",\"amount\":1200}", agent);
    assertEquals(200, paid.status(), paid.body());
    long id = paid.obj().getJsonObject("data").getJsonNumber("id").longValue();
    long end = System.nanoTime() + 30_000_000_000L;
    String status;
    do {
      status = api.get("/api/app/agents/transactions/" + id + "/status", agent).obj().getJsonObject("data")
          .getString("status");
    } while ("pending".equals(status) && System.nanoTime() < end);
    assertEquals("completed", status);

    JsonObject east1 = api.get("/api/dashboard/clusters", c.token()).obj().getJsonArray("data").getJsonObject(0);
    assertEquals(1200, east1.getJsonNumber("revenue").doubleValue(), east1.toString());
    JsonObject sales = api.get("/api/dashboard/mini-grids/" + east, c.token()).obj().getJsonObject("data");
    assertTrue(sales.toString().contains("1200"), sales.toString());
    double kwh;
    try (Connection db = Db.tenant(c); Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT token_amount FROM tokens WHERE token_type = 'energy'")) {
      assertTrue(rs.next(), "the payment's energy token");
      kwh = rs.getDouble(1);
    }
    assertTrue(kwh > 0, "the token's kWh");
    JsonObject grid = api.get("/api/dashboard/mini-grids", c.token()).obj().getJsonArray("data").getJsonObject(0);
    assertEquals(kwh, grid.getJsonObject("soldEnergy").getJsonNumber("data").doubleValue(), 0.001, grid.toString());
  }

  @Test
  void countsFollowEveryChangeAtOnce() throws Exception {
    Tenant c = api.registerCompany("dashboards-counts");
    long cluster = cluster(c, "West");
    long village = village(c, "Kijiji West", grid(c, "Grid West", cluster));
    long asha = person(c, village, "Asha");
    JsonObject before = clusterOf(c);
    assertEquals(1, before.getInt("population"), before.toString());
    assertEquals(0, before.getInt("deviceCount"));
    assertEquals(before.toString(), clusterOf(c).toString(), "nothing changed, the same counts");

    // written straight into the database, as another server or a tool would
    try (Connection db = Db.tenant(c); Statement s = db.createStatement()) {
      s.executeUpdate("INSERT INTO meters (id, serial_number, meter_type_id, in_use, manufacturer_id,"
          + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES"
          + " (7, 'DW-M7', 1, 1, 1, 1, 1, 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at) VALUES (" + asha + ", 'meter', 7, 'DW-M7', NOW(), NOW())");
    }
    JsonObject metered = clusterOf(c);
    assertEquals(1, metered.getInt("deviceCount"), metered.toString());
    assertEquals(1, metered.getInt("meterCount"));

    long baraka = person(c, village, "Baraka");
    assertEquals(2, clusterOf(c).getInt("population"), "a customer added through the API");
    assertEquals(200, api.delete("/api/people/" + baraka, c.token()).status());
    assertEquals(1, clusterOf(c).getInt("population"), "a customer removed through the API");

    try (Connection db = Db.tenant(c); Statement s = db.createStatement()) {
      long version = Db.count(db, "SELECT COUNT(*) FROM placement_changes");
      s.executeUpdate("UPDATE people SET updated_at = NOW()");
      assertEquals(version, Db.count(db, "SELECT COUNT(*) FROM placement_changes"),
          "a change no count depends on is not recorded");
      s.executeUpdate("UPDATE devices SET person_id = NULL");
    }
    JsonObject unowned = clusterOf(c);
    assertEquals(0, unowned.getInt("deviceCount"), unowned.toString());
    assertEquals(0, unowned.getInt("meterCount"));
  }

  static JsonObject clusterOf(Tenant t) {
    Resp r = api.get("/api/dashboard/clusters", t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").getJsonObject(0);
  }

  @Test
  void clusterDashboardHasTheCompanysFiguresOnly() {
    Resp r = api.get("/api/dashboard/clusters", a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray items = r.obj().getJsonArray("data");
    assertEquals(1, items.size(), r.body());
    JsonObject n = items.getJsonObject(0);
    assertEquals(north, n.getJsonNumber("id").longValue());
    assertEquals(1, n.getInt("meterCount"));
    assertEquals(1, n.getInt("deviceCount"));
    assertEquals(1, n.getInt("population"));
    assertEquals(500, n.getJsonNumber("revenue").doubleValue(), "the settled 500 of the last three months");
    assertEquals(500, n.getJsonNumber("totalRevenue").doubleValue());
    assertEquals(500, n.getJsonObject("period").getJsonObject(month(YESTERDAY)).getInt("revenue"));
    assertEquals("Grid One", n.getJsonArray("citiesRevenue").getJsonObject(0).getString("name"));
    assertEquals(north, n.getJsonObject("clusterData").getJsonNumber("id").longValue());
    assertTrue(n.containsKey("revenueAnalysis") && n.containsKey("periodWeekly") && n.containsKey("applianceCount"));

    JsonArray other = api.get("/api/dashboard/clusters", b.token()).obj().getJsonArray("data");
    assertEquals(2, other.size());
    assertEquals(otherCluster, other.getJsonObject(1).getJsonNumber("id").longValue());
    assertEquals(777, other.getJsonObject(1).getJsonNumber("revenue").doubleValue());
    assertEquals(0, other.getJsonObject(0).getJsonNumber("revenue").doubleValue());
  }

  @Test
  void refreshingTheClusterDashboardTakesTheRange() {
    Resp r = api.put("/api/dashboard/clusters?from=2025-03-01&to=2025-03-31", "", a.token());
    assertEquals(200, r.status(), r.body());
    JsonObject n = r.obj().getJsonArray("data").getJsonObject(0);
    assertEquals(300, n.getJsonNumber("revenue").doubleValue());
    assertEquals("{\"2025-03\":{\"revenue\":300}}", n.getJsonObject("period").toString());
    assertEquals(300, n.getJsonObject("periodWeekly").getJsonObject("2025-03")
        .getJsonObject(week(LocalDate.of(2025, 3, 10))).getInt("revenue"));
    assertEquals(422, api.put("/api/dashboard/clusters?from=yesterday&to=2025-03-01", "", a.token()).status());
    assertEquals(422, api.put("/api/dashboard/clusters?from=2025-03-02&to=2025-03-01", "", a.token()).status());
  }

  @Test
  void oneClusterOrMiniGridOfTheDashboard() {
    Resp r = api.get("/api/dashboard/clusters/" + north, a.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("North", r.obj().getJsonObject("data").getString("name"));
    assertEquals(404, api.get("/api/dashboard/clusters/" + otherCluster, a.token()).status(),
        "another company's cluster");
    Resp g = api.get("/api/dashboard/mini-grids/" + grid, a.token());
    assertEquals(200, g.status(), g.body());
    assertEquals("Grid One", g.obj().getJsonObject("data").getString("name"));
    assertEquals(404, api.get("/api/dashboard/mini-grids/" + otherGrid, a.token()).status());
  }

  @Test
  void miniGridDashboardHasSalesConnectionsTicketsAndTargets() {
    Resp r = api.get("/api/dashboard/mini-grids", a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray items = r.obj().getJsonArray("data");
    assertEquals(1, items.size());
    JsonObject g = items.getJsonObject(0);
    assertEquals(grid, g.getJsonNumber("id").longValue());
    JsonObject sales = g.getJsonArray("transactions").getJsonObject(0);
    assertEquals(1, sales.getInt("amount"));
    assertEquals(500, sales.getJsonNumber("revenue").doubleValue());
    assertEquals(0, g.getJsonObject("soldEnergy").getJsonNumber("data").doubleValue());
    JsonObject list = g.getJsonObject("revenueList");
    assertEquals(500, list.getJsonObject("revenue").getJsonNumber("default connection group").doubleValue());
    assertEquals(1, list.getJsonObject("totalConnections").getInt("default connection group"));
    assertEquals(1, list.getJsonObject("newConnections").getInt("default connection group"));
    assertTrue(list.getJsonObject("target").getJsonObject("targets").containsKey("default connection group"));
    assertEquals(500, g.getJsonObject("period").getJsonObject(week(YESTERDAY))
        .getJsonObject("default connection type").getInt("revenue"));
    JsonObject tickets = g.getJsonObject("tickets");
    assertEquals("Billing", tickets.getJsonArray("categories").getJsonObject(0).getString("label_name"));
    JsonObject billing = tickets.getJsonObject(week(YESTERDAY)).getJsonObject("Billing");
    assertEquals(2, billing.getInt("opened"));
    assertEquals(1, billing.getInt("closed"));

    JsonObject march = api.put("/api/dashboard/mini-grids?from=2025-03-01&to=2025-03-31", "", a.token()).obj()
        .getJsonArray("data").getJsonObject(0);
    assertEquals(300, march.getJsonArray("transactions").getJsonObject(0).getJsonNumber("revenue").doubleValue());
    assertEquals(2, api.get("/api/dashboard/mini-grids", b.token()).obj().getJsonArray("data").size());
  }

  @Test
  void agentDashboard() {
    Resp r = api.get("/api/dashboard/agents?period=weekly", a.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("success", r.obj().getString("status"));
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals(0, d.getJsonObject("metrics").getInt("number_of_agents"));
    assertEquals(0, d.getJsonArray("top_agents").size());
    assertTrue(d.getJsonObject("period").containsKey(week(YESTERDAY)), d.toString());
    assertEquals(422, api.get("/api/dashboard/agents?period=hourly", a.token()).status());
    assertEquals(422, api.get("/api/dashboard/agents?start_date=2025-03-02&end_date=2025-03-01", a.token())
        .status());
    assertEquals(401, api.get("/api/dashboard/agents", null).status());
  }

  // ---- revenue

  @Test
  void revenueAgainstTheTargetInForce() {
    String range = ",\"start_date\":\"" + YESTERDAY.minusDays(3) + "\",\"end_date\":\"" + YESTERDAY + "\"}";
    Resp target = api.post("/api/targets", "{\"period\":\"" + YESTERDAY.plusMonths(2) + "\",\"targetForType\":"
        + "\"mini-grid\",\"targetForId\":" + grid + ",\"data\":[{\"id\":1,\"target\":{\"totalRevenue\":9000,"
        + "\"newConnection\":4,\"connectedPower\":2.5,\"energyPerMonth\":100,\"averageRevenuePerMonth\":50}}]}",
        a.token());
    assertEquals(201, target.status(), target.body());
    Resp r = api.post("/api/revenue", "{\"target_type\":\"mini-grid\",\"target_type_id\":" + grid + range,
        a.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals(500, d.getJsonObject("revenue").getJsonNumber("default connection group").doubleValue());
    assertEquals(1, d.getJsonObject("total_connections").getInt("default connection group"));
    assertEquals(9000, d.getJsonObject("target").getJsonObject("targets").getJsonObject("default connection group")
        .getInt("revenue"));
    JsonObject cluster = api.post("/api/revenue", "{\"target_type\":\"cluster\",\"target_type_id\":" + north + range,
        a.token()).obj().getJsonObject("data");
    assertEquals(500, cluster.getJsonObject("revenue").getJsonNumber("default connection group").doubleValue());
    assertEquals(4, cluster.getJsonObject("target").getJsonObject("targets")
        .getJsonObject("default connection group").getInt("new_connections"));
    assertEquals(422, api.post("/api/revenue", "{\"target_type\":\"village\",\"target_type_id\":1}", a.token())
        .status());
    assertEquals(404, api.post("/api/revenue", "{\"target_type\":\"mini-grid\",\"target_type_id\":" + otherGrid
        + range, a.token()).status(), "another company's mini-grid");
  }

  @Test
  void weeklyTrendsAndTickets() {
    Resp r = api.post("/api/revenue/trends/" + grid, "{\"startDate\":\"" + YESTERDAY.minusDays(10) + "\"}",
        a.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(500, r.obj().getJsonObject("data").getJsonObject(week(YESTERDAY))
        .getJsonObject("default connection type").getInt("revenue"));
    Resp t = api.get("/api/revenue/tickets/" + grid, a.token());
    assertEquals(200, t.status(), t.body());
    JsonObject data = t.obj().getJsonObject("data");
    assertTrue(data.containsKey("2018-31"), "from MPM's start week");
    assertEquals(2, data.getJsonObject(week(YESTERDAY)).getJsonObject("Billing").getInt("opened"));
    assertEquals(404, api.get("/api/revenue/tickets/" + otherGrid, a.token()).status());
    assertEquals(404, api.post("/api/revenue/trends/" + otherGrid, "{}", a.token()).status());
  }

  // ---- targets

  @Test
  void targetsAreCreatedListedShownAndTheirSlotsFound() {
    Resp created = api.post("/api/targets", "{\"period\":\"2031-05-31\",\"targetForType\":\"cluster\","
        + "\"targetForId\":" + north + ",\"data\":[{\"id\":1,\"target\":{\"totalRevenue\":100,\"newConnection\":1,"
        + "\"connectedPower\":1,\"energyPerMonth\":1,\"averageRevenuePerMonth\":1}}]}", a.token());
    assertEquals(201, created.status(), created.body());
    JsonObject t = created.obj().getJsonObject("data");
    assertEquals("2031-05-31", t.getString("target_date"));
    assertEquals("cluster", t.getString("owner_type"));
    long id = t.getJsonNumber("id").longValue();

    Resp list = api.get("/api/targets?limit=50", a.token());
    assertEquals(200, list.status(), list.body());
    JsonObject first = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals(id, first.getJsonNumber("id").longValue(), "latest target date first");
    assertEquals("North", first.getJsonObject("owner").getString("name"));
    JsonObject sub = first.getJsonArray("sub_targets").getJsonObject(0);
    assertEquals(100, sub.getInt("revenue"));
    assertEquals("default connection group", sub.getJsonObject("connection_type").getString("name"));

    Resp shown = api.get("/api/targets/" + id, a.token());
    assertEquals(200, shown.status(), shown.body());
    assertEquals(1, shown.obj().getJsonObject("data").getJsonArray("sub_targets").size());
    assertTrue(shown.obj().getJsonObject("data").isNull("city"));

    JsonArray slots = api.post("/api/targets/slots", "{\"date\":\"2031-05-03\"}", a.token()).obj()
        .getJsonArray("data");
    assertEquals(1, slots.size());
    assertEquals(0, api.post("/api/targets/slots", "{\"date\":\"2031-06-03\"}", a.token()).obj()
        .getJsonArray("data").size());

    assertEquals(404, api.get("/api/targets/" + id, b.token()).status(), "another company's target");
    assertEquals(0, api.get("/api/targets", b.token()).obj().getInt("total"));
    assertEquals(0, api.post("/api/targets/slots", "{\"date\":\"2031-05-03\"}", b.token()).obj()
        .getJsonArray("data").size());
  }

  @Test
  void badTargetsAreRefusedAndWriteNothing() throws Exception {
    long before = Db.count(a, "SELECT COUNT(*) FROM targets");
    Resp missing = api.post("/api/targets", "{\"targetForType\":\"mini-grid\"}", a.token());
    assertEquals(422, missing.status(), missing.body());
    assertTrue(missing.obj().getJsonObject("errors").containsKey("period"));
    assertTrue(missing.obj().getJsonObject("errors").containsKey("targetForId"));
    assertTrue(missing.obj().getJsonObject("errors").containsKey("data"));
    Resp badFigure = api.post("/api/targets", "{\"period\":\"2031-01-31\",\"targetForType\":\"mini-grid\","
        + "\"targetForId\":" + grid + ",\"data\":[{\"id\":1,\"target\":{\"totalRevenue\":\"lots\"}}]}", a.token());
    assertEquals(422, badFigure.status(), badFigure.body());
    assertEquals(404, api.post("/api/targets", "{\"period\":\"2031-01-31\",\"targetForType\":\"mini-grid\","
        + "\"targetForId\":" + otherGrid + ",\"data\":[{\"id\":1,\"target\":{\"totalRevenue\":1,\"newConnection\":1,"
        + "\"connectedPower\":1,\"energyPerMonth\":1,\"averageRevenuePerMonth\":1}}]}", a.token()).status(),
        "another company's mini-grid");
    assertEquals(404, api.post("/api/targets", "{\"period\":\"2031-01-31\",\"targetForType\":\"mini-grid\","
        + "\"targetForId\":" + grid + ",\"data\":[{\"id\":99,\"target\":{\"totalRevenue\":1,\"newConnection\":1,"
        + "\"connectedPower\":1,\"energyPerMonth\":1,\"averageRevenuePerMonth\":1}}]}", a.token()).status(),
        "an unknown connection group");
    assertEquals(before, Db.count(a, "SELECT COUNT(*) FROM targets"));
    String user = api.userWithRole(a, "user");
    assertEquals(403, api.get("/api/targets", user).status());
    assertEquals(403, api.get("/api/reports", user).status());
  }

  // ---- reports

  @Test
  void theDemosVillageReportsAreListedAndDownloadedByItsCompanyOnly() {
    String owner = api.login("demo_company_admin@example.com", "123123");
    Resp weekly = api.get("/api/reports?type=weekly", owner);
    assertEquals(200, weekly.status(), weekly.body());
    JsonArray list = weekly.obj().getJsonArray("data");
    assertEquals(1, weekly.obj().getInt("total"), weekly.body());
    assertEquals("weekly", list.getJsonObject(0).getString("type"));
    assertTrue(list.getJsonObject(0).getString("date").contains("---"));
    JsonArray monthly = api.get("/api/reports?type=monthly", owner).obj().getJsonArray("data");
    assertEquals("monthly", monthly.getJsonObject(0).getString("type"));
    assertEquals(2, api.get("/api/reports", owner).obj().getInt("total"));
    long id = list.getJsonObject(0).getJsonNumber("id").longValue();
    HttpResponse<byte[]> file = api.download("/api/reports/download/" + id, owner);
    assertEquals(200, file.statusCode());
    assertEquals('P', file.body()[0]);
    assertEquals('K', file.body()[1]);
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));

    assertEquals(0, api.get("/api/reports", a.token()).obj().getInt("total"), "another company's reports");
    assertEquals(404, api.get("/api/reports/download/" + id, a.token()).status());
    assertEquals(404, api.get("/api/reports/download/999999", owner).status());
  }

  // ---- helpers

  static String week(LocalDate d) {
    return String.format("%04d-%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static String month(LocalDate d) {
    return d.toString().substring(0, 7);
  }

  static long cluster(Tenant t, String name) {
    return GeographyIT.id(api.post("/api/clusters", "{\"name\":\"" + name + "\",\"manager_id\":1,\"geo_json\":"
        + GeographyIT.AREA + "}", t.token()));
  }

  static long grid(Tenant t, String name, long cluster) {
    return GeographyIT.id(api.post("/api/mini-grids", "{\"name\":\"" + name + "\",\"cluster_id\":" + cluster
        + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", t.token()));
  }

  static long village(Tenant t, String name, long grid) {
    long tz = api.get("/api/countries/TZ", t.token()).obj().getJsonObject("data").getJsonNumber("id").longValue();
    return GeographyIT.id(api.post("/api/cities", "{\"name\":\"" + name + "\",\"mini_grid_id\":" + grid
        + ",\"country_id\":" + tz + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", t.token()));
  }

  static long person(Tenant t, long village, String name) {
    Resp r = api.post("/api/people", "{\"name\":\"" + name + "\",\"surname\":\"Mwinyi\",\"city_id\":" + village
        + ",\"is_customer\":true}", t.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }
}
