package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Cluster and mini-grid figures: counts, revenue (settled payments of the devices whose owners live there), revenue
 * per period, connection type and mini-grid, sold energy and located devices. The money is written straight into
 * the company's database (there is no API for meters and payments yet) and every figure is checked against it.
 */
class GridRevenueIT {

  static Api api;
  static Tenant a;
  static long north;
  static long south;
  static long gridOne;
  static long gridTwo;
  static long gridThree;
  static long villageOne;

  @BeforeAll
  static void fixture() throws Exception {
    api = new Api(TestServer.get());
    a = api.registerCompany("grid-revenue");
    north = cluster("North");
    south = cluster("South");
    gridOne = grid("Grid One", north);
    gridTwo = grid("Grid Two", north);
    gridThree = grid("Grid Three", south);
    villageOne = village("Kijiji One", gridOne);
    long villageTwo = village("Kijiji Two", gridTwo);
    long villageThree = village("Kijiji Three", gridThree);
    long amina = person("Amina", villageOne, true);
    long baraka = person("Baraka", villageTwo, true);
    long chausiku = person("Chausiku", villageThree, true);
    person("Dalila", villageOne, false);

    try (Connection c = Db.tenant(a); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO connection_types (id, name, created_at, updated_at)"
          + " VALUES (2, 'Commercial', NOW(), NOW())");
      // meters 1 (Amina, default type), 2 (Baraka, Commercial), 3 (Chausiku, default); SHS 1 (Amina)
      s.executeUpdate("INSERT INTO meters (id, serial_number, meter_type_id, in_use, manufacturer_id,"
          + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES"
          + " (1, 'GR-M1', 1, 1, 1, 1, 1, 1, NOW(), NOW()), (2, 'GR-M2', 1, 1, 1, 2, 1, 1, NOW(), NOW()),"
          + " (3, 'GR-M3', 1, 1, 1, 1, 1, 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO solar_home_systems (id, appliance_id, serial_number, manufacturer_id, created_at,"
          + " updated_at) VALUES (1, 1, 'GR-S1', 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO devices (id, person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at) VALUES (1, " + amina + ", 'meter', 1, 'GR-M1', NOW(), NOW()),"
          + " (2, " + baraka + ", 'meter', 2, 'GR-M2', NOW(), NOW()),"
          + " (3, " + chausiku + ", 'meter', 3, 'GR-M3', NOW(), NOW()),"
          + " (4, " + amina + ", 'solar_home_system', 1, 'GR-S1', NOW(), NOW())");
      s.executeUpdate("INSERT INTO geographical_informations (owner_id, owner_type, geo_json, created_at, updated_at)"
          + " VALUES (1, 'device', '{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
          + "[39.1,-7.1]},\"properties\":{}}', NOW(), NOW())");
      // cash 1: settled; cash 2: requested only (status 0); third party 1: settled
      s.executeUpdate("INSERT INTO cash_transactions (id, user_id, status, created_at, updated_at) VALUES"
          + " (1, 1, 1, NOW(), NOW()), (2, 1, 0, NOW(), NOW())");
      s.executeUpdate("INSERT INTO third_party_transactions (id, transaction_id, status, created_at, updated_at)"
          + " VALUES (1, 'ext-1', 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO transactions (id, original_transaction_id, original_transaction_type, amount, type,"
          + " sender, message, created_at, updated_at) VALUES"
          + " (1, 1, 'cash_transaction', 500, 'energy', '+255700000001', 'GR-M1', '2025-03-10 10:00:00', NOW()),"
          + " (2, 1, 'cash_transaction', 700, 'energy', '+255700000002', 'GR-M2', '2025-03-31 23:30:00', NOW()),"
          + " (3, 1, 'cash_transaction', 300, 'energy', '+255700000001', 'GR-M1', '2025-05-02 09:00:00', NOW()),"
          + " (4, 2, 'cash_transaction', 999, 'energy', '+255700000001', 'GR-M1', '2025-03-15 09:00:00', NOW()),"
          + " (5, 1, 'cash_transaction', 400, 'energy', '+255700000003', 'GR-M3', '2025-03-12 08:00:00', NOW()),"
          + " (6, 1, 'cash_transaction', 50, 'deferred_payment', '+255700000001', 'GR-S1', '2025-04-05 08:00:00',"
          + " NOW()),"
          + " (7, 1, 'cash_transaction', 80, 'energy', '+255700000001', 'GR-M1', '2025-02-28 23:59:59', NOW()),"
          + " (8, 1, 'cash_transaction', 1000, 'energy', '+255700000009', 'NO-SUCH-DEVICE', '2025-03-11 08:00:00',"
          + " NOW()),"
          + " (9, 1, 'third_party_transaction', 20, 'energy', '+255700000002', 'GR-M2', '2025-04-10 08:00:00', NOW()),"
          + " (10, 1, 'cash_transaction', 25, 'energy', '+255700000001', 'GR-M1', UTC_TIMESTAMP() - INTERVAL 2 DAY,"
          + " NOW())");
      s.executeUpdate("INSERT INTO tokens (transaction_id, token, token_amount, device_id, token_type, token_unit,"
          + " created_at, updated_at) VALUES"
          + " (1, '1111', 12.5, 1, 'energy', 'kWh', '2025-03-10 10:00:01', NOW()),"
          + " (7, '2222', 0.25, 1, 'energy', 'kWh', '2025-03-31 22:00:00', NOW()),"
          + " (3, '3333', 40, 1, 'time', 'days', '2025-03-11 10:00:00', NOW()),"
          + " (5, '4444', 9, 3, 'energy', 'kWh', '2025-03-12 08:00:01', NOW()),"
          + " (6, '5555', 7, 4, 'energy', 'kWh', '2025-03-20 08:00:01', NOW()),"
          + " (9, '6666', 3, 1, 'energy', 'kWh', '2025-06-01 08:00:01', NOW())");
      s.executeUpdate("INSERT INTO payment_histories (amount, transaction_id, payment_service, sender, payment_type,"
          + " paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at) VALUES"
          + " (500, 1, 'cash_transaction', '+255700000001', 'energy', 'App\\\\Models\\\\Token', 1, 'person', " + amina
          + ", '2025-03-10 10:00:01', NOW()),"
          + " (25, 10, 'cash_transaction', '+255700000001', 'energy', 'App\\\\Models\\\\Token', 1, 'person', " + amina
          + ", UTC_TIMESTAMP() - INTERVAL 2 DAY, NOW())");
    }
  }

  // ---- clusters

  @Test
  void clusterShowHasItsCountsAndRevenueInTheRange() {
    Resp r = api.get("/api/clusters/" + north + "?start_date=2025-03-01&end_date=2025-03-31", a.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals("North", d.getString("name"));
    assertEquals(3, d.getInt("deviceCount"), "Amina's meter and solar home system, Baraka's meter");
    assertEquals(2, d.getInt("meterCount"));
    assertEquals(0, d.getInt("applianceCount"));
    assertEquals(2, d.getInt("population"), "customers only: Dalila is not one");
    assertEquals(1200, d.getJsonNumber("revenue").doubleValue(),
        "500 and 700 (the last day counts); not the unsettled 999, not February's 80");
    assertEquals("[]", d.getJsonArray("citiesRevenue").toString());
    assertEquals(0, d.getInt("totalRevenue"));
    JsonObject data = d.getJsonObject("clusterData");
    assertEquals(north, data.getJsonNumber("id").longValue());
    assertEquals(2, data.getJsonArray("mini_grids").size());
    assertEquals("mini-grid", data.getJsonArray("mini_grids").getJsonObject(0).getJsonObject("location")
        .getString("owner_type"));
    assertEquals(2, data.getJsonArray("cities").size());
    assertEquals(north, data.getJsonArray("cities").getJsonObject(0).getJsonNumber("laravel_through_key").longValue());

    JsonObject defaults = api.get("/api/clusters/" + north, a.token()).obj().getJsonObject("data");
    assertEquals(25, defaults.getJsonNumber("revenue").doubleValue(), "without dates: the last 31 days");
    JsonObject south = api.get("/api/clusters/" + GridRevenueIT.south + "?start_date=2025-03-01&end_date=2025-03-31",
        a.token()).obj().getJsonObject("data");
    assertEquals(400, south.getJsonNumber("revenue").doubleValue());
    assertEquals(1, south.getInt("population"));
  }

  @Test
  void clusterRevenueIsTheClusterWithItsFigures() {
    Resp r = api.get("/api/clusters/" + north + "/revenue?startDate=2025-02-01&endDate=2025-05-31", a.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals("North", d.getString("name"));
    assertEquals(2, d.getInt("meterCount"));
    assertEquals(2, d.getInt("population"));
    assertEquals(80 + 500 + 700 + 50 + 20 + 300, d.getJsonNumber("revenue").doubleValue(),
        "meters and the solar home system, cash and third-party payments");
    assertEquals(JsonValue.ValueType.OBJECT, d.get("geo_json").getValueType());
    assertEquals(2, d.getJsonArray("mini_grids").size());
    assertEquals(2, d.getJsonArray("cities").size());
    assertEquals(25, api.get("/api/clusters/" + north + "/revenue", a.token()).obj().getJsonObject("data")
        .getJsonNumber("revenue").doubleValue(), "without dates: the last 31 days");
  }

  @Test
  void revenueOfAllClustersPerMonthAndWeek() {
    Resp r = api.get("/api/clusters/revenue?startDate=2025-02-01&endDate=2025-05-31", a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray clusters = r.obj().getJsonArray("data");
    assertEquals(2, clusters.size());
    JsonObject n = clusters.getJsonObject(0);
    assertEquals("North", n.getString("name"));
    assertEquals(1650, n.getJsonNumber("totalRevenue").doubleValue());
    assertEquals("{\"2025-02\":{\"revenue\":80},\"2025-03\":{\"revenue\":1200},\"2025-04\":{\"revenue\":70},"
        + "\"2025-05\":{\"revenue\":300}}", n.getJsonObject("period").toString());
    assertEquals(2, n.getJsonArray("mini_grids").size());
    JsonObject s = clusters.getJsonObject(1);
    assertEquals(400, s.getJsonNumber("totalRevenue").doubleValue());
    assertEquals(400, s.getJsonObject("period").getJsonObject("2025-03").getInt("revenue"));
    assertEquals(0, s.getJsonObject("period").getJsonObject("2025-02").getInt("revenue"));

    JsonObject weekly = api.get("/api/clusters/revenue?startDate=2025-03-01&endDate=2025-03-31&period=weekly",
        a.token()).obj().getJsonArray("data").getJsonObject(0);
    JsonObject weeks = weekly.getJsonObject("period");
    assertEquals(week(LocalDate.of(2025, 2, 24)), weeks.keySet().iterator().next(), "from the week of 1 March");
    assertTrue(weeks.containsKey(week(LocalDate.of(2025, 3, 31))));
    assertEquals(500, weeks.getJsonObject(week(LocalDate.of(2025, 3, 10))).getInt("revenue"));
    assertEquals(700, weeks.getJsonObject(week(LocalDate.of(2025, 3, 31))).getInt("revenue"));
    assertEquals(1200, weekly.getJsonNumber("totalRevenue").doubleValue());

    JsonObject weekMonth = api.get("/api/clusters/revenue?startDate=2025-03-01&endDate=2025-04-30&period=weekMonth",
        a.token()).obj().getJsonArray("data").getJsonObject(0).getJsonObject("period");
    assertEquals(List.of("2025-03", "2025-04"), List.copyOf(weekMonth.keySet()));
    assertEquals(700, weekMonth.getJsonObject("2025-03").getJsonObject(week(LocalDate.of(2025, 3, 31)))
        .getInt("revenue"));
    assertEquals(50, weekMonth.getJsonObject("2025-04").getJsonObject(week(LocalDate.of(2025, 4, 5)))
        .getInt("revenue"));
  }

  @Test
  void revenuePerMiniGrid() {
    Resp r = api.get("/api/clusters/" + north + "/cities-revenue?startDate=2025-02-01&endDate=2025-05-31", a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray grids = r.obj().getJsonArray("data");
    assertEquals(2, grids.size());
    JsonObject one = grids.getJsonObject(0);
    assertEquals("Grid One", one.getString("name"));
    assertEquals(80 + 500 + 50 + 300, one.getJsonNumber("totalRevenue").doubleValue());
    assertEquals(500, one.getJsonObject("period").getJsonObject("2025-03").getInt("revenue"));
    JsonObject two = grids.getJsonObject(1);
    assertEquals(700 + 20, two.getJsonNumber("totalRevenue").doubleValue(), "each mini-grid its own revenue");
    assertEquals(0, two.getJsonObject("period").getJsonObject("2025-02").getInt("revenue"));

    JsonObject defaulted = api.get("/api/clusters/" + north + "/cities-revenue?endDate=2025-05-31", a.token()).obj()
        .getJsonArray("data").getJsonObject(0);
    assertEquals("[]", defaulted.get("period").toString(), "the default start (1 January) is after the given end");
    assertEquals(0, defaulted.getInt("totalRevenue"));
  }

  @Test
  void revenuePerConnectionType() {
    Resp r = api.get("/api/clusters/" + north + "/revenue/analysis?startDate=2025-02-01&endDate=2025-05-31",
        a.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals("{\"2025-02\":80,\"2025-03\":500,\"2025-04\":0,\"2025-05\":300}",
        d.getJsonObject("default connection type").toString());
    assertEquals("{\"2025-02\":0,\"2025-03\":700,\"2025-04\":20,\"2025-05\":0}",
        d.getJsonObject("Commercial").toString());
    assertEquals("{\"2025-02\":80,\"2025-03\":1200,\"2025-04\":20,\"2025-05\":300}",
        d.getJsonObject("Total").toString(), "meters only: the solar home system has no connection type");
    assertEquals(List.of("Commercial", "default connection type", "Total"), List.copyOf(d.keySet()),
        "ordered as PHP's asort orders them");
  }

  // ---- mini-grids

  @Test
  void miniGridRevenueAndEnergy() {
    Resp march = api.post("/api/mini-grids/" + gridOne + "/transactions",
        "{\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-31\"}", a.token());
    assertEquals(200, march.status(), march.body());
    assertEquals("{\"data\":[{\"amount\":1,\"revenue\":500}]}", march.body());
    JsonObject spring = api.post("/api/mini-grids/" + gridOne + "/transactions",
        "{\"startDate\":\"2025-02-01\",\"endDate\":\"2025-05-31\"}", a.token()).obj().getJsonArray("data")
        .getJsonObject(0);
    assertEquals(3, spring.getInt("amount"), "the meter's 80, 500 and 300; not the solar home system's 50");
    assertEquals(880, spring.getJsonNumber("revenue").doubleValue());
    assertEquals("{\"data\":[{\"amount\":1,\"revenue\":700}]}", api.post("/api/mini-grids/" + gridTwo
        + "/transactions", "{\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-31\"}", a.token()).body());
    assertEquals("{\"data\":[{\"amount\":0,\"revenue\":0}]}", api.post("/api/mini-grids/" + gridTwo
        + "/transactions", "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-12-31\"}", a.token()).body());

    Resp energy = api.post("/api/mini-grids/" + gridOne + "/energy",
        "{\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-31\"}", a.token());
    assertEquals(200, energy.status(), energy.body());
    assertEquals("{\"data\":12.75}", energy.body(), "kWh of the meter's energy tokens; not days, not the SHS");
    assertEquals("{\"data\":9}", api.post("/api/mini-grids/" + gridThree + "/energy",
        "{\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-31\"}", a.token()).body());
    assertEquals("{\"data\":0}", api.post("/api/mini-grids/" + gridTwo + "/energy",
        "{\"startDate\":\"2025-03-01\",\"endDate\":\"2025-03-31\"}", a.token()).body());
  }

  @Test
  void devicesOfAMiniGrid() {
    Resp r = api.get("/api/mini-grids/" + gridOne + "/devices", a.token());
    assertEquals(200, r.status(), r.body());
    JsonArray devices = r.obj().getJsonArray("data");
    assertEquals(2, devices.size());
    JsonObject meter = devices.getJsonObject(0);
    assertEquals("GR-M1", meter.getString("device_serial"));
    assertEquals("meter", meter.getString("device_type"));
    assertEquals("GR-M1", meter.getJsonObject("device").getString("serial_number"));
    assertEquals(1, meter.getJsonObject("device").getInt("connection_type_id"));
    assertEquals("[39.1,-7.1]", meter.getJsonObject("geo").getJsonObject("geo_json").getJsonObject("geometry")
        .getJsonArray("coordinates").toString());
    JsonObject owner = meter.getJsonObject("person");
    assertEquals("Amina", owner.getString("name"));
    assertTrue(owner.getBoolean("is_active"), "paid two days ago");
    assertEquals(25, owner.getJsonObject("latest_payment").getInt("amount"));
    assertEquals("Kijiji One", owner.getJsonArray("addresses").getJsonObject(0).getJsonObject("city")
        .getString("name"));
    assertFalse(owner.getJsonArray("addresses").getJsonObject(0).containsKey("owner_id"));
    JsonObject shs = devices.getJsonObject(1);
    assertEquals("solar_home_system", shs.getString("device_type"));
    assertEquals("GR-S1", shs.getJsonObject("device").getString("serial_number"));
    assertEquals(JsonValue.NULL, shs.get("geo"));

    JsonObject other = api.get("/api/mini-grids/" + gridTwo + "/devices", a.token()).obj().getJsonArray("data")
        .getJsonObject(0);
    assertEquals("GR-M2", other.getString("device_serial"));
    assertFalse(other.getJsonObject("person").getBoolean("is_active"));
    assertEquals(JsonValue.NULL, other.getJsonObject("person").get("latest_payment"));
  }

  // ---- bad input, unknown ids, other companies

  @Test
  void badDatesAndPeriodsAre422() {
    String tok = a.token();
    Resp bad = api.get("/api/clusters/" + north + "/revenue?startDate=2025-13-01&endDate=soon", tok);
    assertEquals(422, bad.status(), bad.body());
    assertEquals("The start date field must be a valid date. (and 1 more error)", bad.message());
    assertEquals("[\"The end date field must be a valid date.\"]",
        bad.obj().getJsonObject("errors").getJsonArray("endDate").toString());
    Resp period = api.get("/api/clusters/revenue?period=daily", tok);
    assertEquals(422, period.status());
    assertEquals("The selected period is invalid.", period.message());
    assertEquals(422, api.get("/api/clusters/" + north + "?start_date=2025-02-30&end_date=2025-03-31", tok).status());
    Resp backwards = api.get("/api/clusters/" + north + "/cities-revenue?startDate=2025-05-01&endDate=2025-04-01",
        tok);
    assertEquals(422, backwards.status());
    assertEquals("The end date field must be a date after or equal to start date.", backwards.message());
    assertEquals(422, api.get("/api/clusters/" + north + "/revenue/analysis?period=yearly", tok).status());
    Resp body = api.post("/api/mini-grids/" + gridOne + "/transactions", "{\"startDate\":\"yesterday\"}", tok);
    assertEquals(422, body.status());
    assertEquals("The start date field must be a valid date.", body.message());
    assertEquals(422, api.post("/api/mini-grids/" + gridOne + "/energy", "{\"endDate\":20250101}", tok).status());
    assertEquals(400, api.post("/api/mini-grids/" + gridOne + "/energy", "{not json", tok).status());
    assertEquals(200, api.get("/api/clusters/revenue?startDate=2025-03-01T00:00:00Z", tok).status(),
        "a date with a time is a date");
  }

  @Test
  void unknownIdsAre404() {
    String tok = a.token();
    for (String path : List.of("/api/clusters/9999", "/api/clusters/9999/revenue",
        "/api/clusters/9999/revenue/analysis", "/api/clusters/9999/cities-revenue", "/api/mini-grids/9999/devices")) {
      Resp r = api.get(path, tok);
      assertEquals(404, r.status(), path);
      assertTrue(r.message().startsWith("No query results for model"), r.body());
    }
    assertEquals(404, api.post("/api/mini-grids/9999/transactions", "{}", tok).status());
    assertEquals(404, api.post("/api/mini-grids/9999/energy", "{}", tok).status());
    assertEquals(401, api.get("/api/clusters/revenue", null).status());
  }

  @Test
  void anotherCompanySeesNoneOfIt() {
    Tenant b = api.registerCompany("grid-revenue-b");
    for (String path : List.of("/api/clusters/" + north, "/api/clusters/" + north + "/revenue",
        "/api/clusters/" + north + "/revenue/analysis", "/api/clusters/" + north + "/cities-revenue",
        "/api/mini-grids/" + gridOne + "/devices")) {
      assertEquals(404, api.get(path, b.token()).status(), path);
    }
    assertEquals(404, api.post("/api/mini-grids/" + gridOne + "/transactions", "{}", b.token()).status());
    assertEquals(404, api.post("/api/mini-grids/" + gridOne + "/energy", "{}", b.token()).status());
    assertEquals("{\"data\":[]}", api.get("/api/clusters/revenue?startDate=2025-01-01&endDate=2025-12-31",
        b.token()).body());

    // B's own cluster has the same id as A's first one, and none of A's money
    long own = GeographyIT.id(api.post("/api/clusters", "{\"name\":\"B North\",\"manager_id\":1,\"geo_json\":"
        + GeographyIT.AREA + "}", b.token()));
    assertEquals(north, own);
    JsonObject all = api.get("/api/clusters/revenue?startDate=2025-01-01&endDate=2025-12-31", b.token()).obj()
        .getJsonArray("data").getJsonObject(0);
    assertEquals("B North", all.getString("name"));
    assertEquals(0, all.getInt("totalRevenue"));
    JsonObject shown = api.get("/api/clusters/" + own + "?start_date=2025-01-01&end_date=2025-12-31", b.token()).obj()
        .getJsonObject("data");
    assertEquals(0, shown.getInt("revenue"));
    assertEquals(0, shown.getInt("deviceCount"));
  }

  // ---- fixture helpers

  static String week(LocalDate day) {
    return String.format("%04d-%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static long cluster(String name) {
    return GeographyIT.id(api.post("/api/clusters", "{\"name\":\"" + name + "\",\"manager_id\":1,\"geo_json\":"
        + GeographyIT.AREA + "}", a.token()));
  }

  static long grid(String name, long cluster) {
    return GeographyIT.id(api.post("/api/mini-grids", "{\"name\":\"" + name + "\",\"cluster_id\":" + cluster
        + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", a.token()));
  }

  static long village(String name, long grid) {
    long tz = api.get("/api/countries/TZ", a.token()).obj().getJsonObject("data").getJsonNumber("id").longValue();
    return GeographyIT.id(api.post("/api/cities", "{\"name\":\"" + name + "\",\"mini_grid_id\":" + grid
        + ",\"country_id\":" + tz + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", a.token()));
  }

  static long person(String name, long village, boolean customer) {
    Resp r = api.post("/api/people", "{\"name\":\"" + name + "\",\"surname\":\"Mwinyi\",\"city_id\":" + village
        + ",\"is_customer\":" + customer + "}", a.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }
}
