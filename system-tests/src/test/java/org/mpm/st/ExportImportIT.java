package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Exports (transactions, customers, devices as CSV, Excel and JSON) and imports (customers, devices, transactions
 * through the payment pipeline; small at once, large as a polled job): isolation between companies, a round trip
 * of customers and devices into a fresh company, a transaction import run twice, and bad files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportImportIT {

  static Api api;
  static Tenant a;
  static Tenant b;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    a = api.registerCompany("exports-a");
    b = api.registerCompany("exports-b");
    Resp maker = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", a.token());
    assertEquals(201, maker.status(), maker.body());
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0}", a.token());
    assertEquals(201, tariff.status(), tariff.body());
  }

  static String device(String serial) {
    return "{\"customer\":null,\"device_info\":{\"serial_number\":\"" + serial + "\",\"type\":\"meter\","
        + "\"manufacturer\":\"Demo Meter Manufacturer\",\"meter_type\":{\"online\":false,\"phase\":1,"
        + "\"max_current\":10},\"connection_type\":\"Household\",\"connection_group\":\"Residential\","
        + "\"tariff\":\"Household\"},\"geo\":{\"geo_json\":{\"type\":\"Point\",\"coordinates\":[39.2,-6.8]}}}";
  }

  static String customer(String name, String phone, String serial) {
    return "{\"name\":\"" + name + "\",\"surname\":\"Export\",\"gender\":\"female\",\"email\":\"" + name.toLowerCase()
        + "@example.com\",\"phone\":\"" + phone + "\",\"street\":\"Market Lane\",\"devices\":\"" + serial + "\"}";
  }

  static String payment(String serial, String amount, String at) {
    return "{\"device_id\":\"" + serial + "\",\"amount\":" + amount + ",\"customer\":\"Imported Payer\","
        + "\"transaction_type\":\"agent_transaction\",\"sent_date\":\"" + at + "\"}";
  }

  static long count(Tenant t, String sql) throws Exception {
    try (Connection c = Db.tenant(t); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static JsonObject poll(String jobId, Tenant t) throws Exception {
    for (int i = 0; i < 240; i++) {
      Resp r = api.get("/api/import/status/" + jobId, t.token());
      assertEquals(200, r.status(), r.body());
      JsonObject d = r.obj().getJsonObject("data");
      if (Set.of("completed", "failed").contains(d.getString("status"))) {
        return d;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("import job " + jobId + " did not finish");
  }

  @Test
  @Order(1)
  void devicesCustomersAndPaymentsImportAtOnce() throws Exception {
    Resp devices = api.post("/api/import/devices", "{\"data\":[" + device("EXI-M-1") + "," + device("EXI-M-2") + ","
        + device("EXI-M-3") + "]}", a.token());
    assertEquals(200, devices.status(), devices.body());
    JsonObject d = devices.obj().getJsonObject("data");
    assertTrue(d.getBoolean("success"));
    assertEquals(3, d.getInt("added_count"), devices.body());
    assertEquals("added", d.getJsonArray("added").getJsonObject(0).getString("action"));

    Resp people = api.post("/api/import/customers", "{\"data\":[" + customer("Neema", "+255713000001", "EXI-M-1")
        + "," + customer("Baraka", "+255713000002", "EXI-M-2") + "," + customer("Zawadi", "+255713000003",
            "EXI-M-3") + "]}", a.token());
    assertEquals(200, people.status(), people.body());
    assertEquals(3, people.obj().getJsonObject("data").getInt("added_count"), people.body());
    assertEquals(3, count(a, "SELECT COUNT(*) FROM devices WHERE person_id IS NOT NULL"));

    // the same customers again: found by name, nothing new
    Resp again = api.post("/api/import/customers", "{\"data\":[" + customer("Neema", "+255713000001", "EXI-M-1")
        + "]}", a.token());
    assertEquals(1, again.obj().getJsonObject("data").getInt("modified_count"), again.body());
    // a phone of someone else fails that row only
    Resp taken = api.post("/api/import/customers", "{\"data\":[" + customer("Imani", "+255713000001", "")
        + "," + customer("Upendo", "+255713000009", "") + "]}", a.token());
    JsonObject t = taken.obj().getJsonObject("data");
    assertEquals(1, t.getInt("failed_count"), taken.body());
    assertEquals(1, t.getInt("added_count"), taken.body());
    assertTrue(t.getJsonArray("failed").getJsonObject(0).getJsonObject("errors").containsKey("phone"));

    String pays = "{\"data\":[" + payment("EXI-M-1", "500", "2026-03-01 09:00:00") + ","
        + payment("EXI-M-2", "\"1,250.50 TZS\"", "2026-03-02 10:30:00") + ","
        + payment("EXI-M-3", "300", "2026-03-03 11:45:00") + "," + payment("NO-SUCH", "100", "2026-03-03 12:00:00")
        + "]}";
    Resp first = api.post("/api/import/transactions", pays, a.token());
    assertEquals(200, first.status(), first.body());
    JsonObject f = first.obj().getJsonObject("data");
    assertEquals(3, f.getInt("added_count"), first.body());
    assertEquals(1, f.getInt("failed_count"), first.body());
    long booked = count(a, "SELECT COUNT(*) FROM transactions");
    assertEquals(3, booked);

    Resp second = api.post("/api/import/transactions", pays, a.token());
    JsonObject s = second.obj().getJsonObject("data");
    assertEquals(0, s.getInt("added_count"), second.body());
    assertEquals(3, s.getInt("modified_count"), second.body());
    assertEquals(booked, count(a, "SELECT COUNT(*) FROM transactions"), "an import run twice books nothing twice");
    assertEquals(0, count(a, "SELECT COUNT(*) FROM transactions t WHERE ABS(t.amount - (SELECT COALESCE(SUM(h.amount),"
        + " 0) FROM payment_histories h WHERE h.transaction_id = t.id)) > 0.001"), "histories add up to each amount");
    assertEquals(1, count(a, "SELECT COUNT(*) FROM transactions WHERE message = 'EXI-M-2' AND amount = 1250.5"
        + " AND created_at = '2026-03-02 10:30:00' AND original_transaction_type = 'third_party_transaction'"));
  }

  @Test
  @Order(2)
  void largeImportsRunAsAJobOnlyTheirCompanySees() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      rows.append(i == 0 ? "" : ",").append(payment("EXI-M-" + (1 + i % 3), String.valueOf(100 + i),
          String.format("2026-04-%02d 08:%02d:00", 1 + i % 28, i)));
    }
    String body = "{\"data\":[" + rows + "]}";
    long before = count(a, "SELECT COUNT(*) FROM transactions");
    Resp queued = api.post("/api/import/transactions", body, a.token());
    assertEquals(202, queued.status(), queued.body());
    JsonObject q = queued.obj().getJsonObject("data");
    assertEquals("pending", q.getString("status"));
    String jobId = q.getString("job_id");

    assertEquals(404, api.get("/api/import/status/" + jobId, b.token()).status(), "another company's job");
    assertEquals(401, api.get("/api/import/status/" + jobId, null).status());

    JsonObject done = poll(jobId, a);
    assertEquals("completed", done.getString("status"), done.toString());
    assertEquals("transactions", done.getString("type"));
    assertEquals(60, done.getInt("total"));
    assertEquals(60, done.getJsonObject("result").getInt("added_count"), done.toString());
    assertEquals(before + 60, count(a, "SELECT COUNT(*) FROM transactions"));

    JsonObject rerun = poll(api.post("/api/import/transactions", body, a.token()).obj().getJsonObject("data")
        .getString("job_id"), a);
    assertEquals(60, rerun.getJsonObject("result").getInt("modified_count"), rerun.toString());
    assertEquals(before + 60, count(a, "SELECT COUNT(*) FROM transactions"), "a job run twice books nothing twice");
    assertEquals(404, api.get("/api/import/status/00000000-0000-0000-0000-000000000000", a.token()).status());
  }

  @Test
  @Order(3)
  void badFilesAreRefusedWholeAndWriteNothing() throws Exception {
    long before = count(a, "SELECT COUNT(*) FROM transactions");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 9_000; i++) {
      rows.append(i == 0 ? "" : ",").append(payment("EXI-M-1", i == 8_999 ? "\"abc\"" : "10",
          String.format("2025-%02d-%02d %02d:%02d:00", 1 + i % 12, 1 + i % 28, i % 24, i % 60)));
    }
    Resp bad = api.post("/api/import/transactions", "{\"data\":[" + rows + "]}", a.token());
    assertEquals(422, bad.status(), bad.body().substring(0, Math.min(300, bad.body().length())));
    assertTrue(bad.obj().getJsonObject("errors").containsKey("data.8999.amount"), bad.body());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM transactions"));
    assertEquals(0, count(a, "SELECT COUNT(*) FROM import_jobs WHERE status = 'pending' AND total = 9000"));

    Resp missing = api.post("/api/import/transactions", "{\"data\":[{\"amount\":10}]}", a.token());
    assertEquals(422, missing.status(), missing.body());
    assertTrue(missing.obj().getJsonObject("errors").containsKey("data.0.device_id"), missing.body());
    // an exported payment of no device (an appliance's instalment) has an empty serial; MPM's messages
    Resp empty = api.post("/api/import/transactions", "{\"data\":[" + payment("EXI-M-1", "500", "2026-04-01 09:00:00")
        + ",{\"device_id\":\"\",\"amount\":\"\"}]}", a.token());
    assertEquals(422, empty.status(), empty.body());
    JsonObject errors = empty.obj().getJsonObject("errors");
    assertEquals("Each transaction must have a device serial number.", errors.getJsonArray("data.1.device_id")
        .getString(0), empty.body());
    assertEquals("Each transaction must have an amount.", errors.getJsonArray("data.1.amount").getString(0),
        empty.body());
    assertFalse(errors.containsKey("data.0.device_id"), empty.body());
    assertEquals(before, count(a, "SELECT COUNT(*) FROM transactions"), "a refused file books nothing");

    Resp noData = api.post("/api/import/customers", "{\"rows\":[]}", a.token());
    assertEquals(422, noData.status(), noData.body());
    assertTrue(noData.obj().getJsonObject("errors").containsKey("data"), noData.body());

    Resp csv = api.post("/api/import/customers", "name,surname\nNeema,Export\n", a.token());
    assertTrue(csv.status() >= 400 && csv.status() < 500, csv.status() + " " + csv.body());
    assertTrue(csv.obj().containsKey("message"), csv.body());

    Resp city = api.post("/api/import/customers", "{\"data\":[" + customer("Halima", "+255713000010", "")
        .replace("\"street\"", "\"city\":\"Atlantis\",\"street\"") + "]}", a.token());
    assertEquals(422, city.status(), city.body());
    assertTrue(city.obj().getJsonObject("errors").containsKey("data.0.city"), city.body());
    assertEquals(0, count(a, "SELECT COUNT(*) FROM people WHERE name = 'Halima'"));

    String huge = "{\"data\":[" + ("{\"name\":\"" + "x".repeat(50) + "\"},").repeat(50_000) + "{\"name\":\"y\"}]}";
    Resp tooLarge = api.post("/api/import/customers", huge, a.token());
    assertEquals(413, tooLarge.status(), tooLarge.body());
    assertEquals(0, count(a, "SELECT COUNT(*) FROM people WHERE name = 'y'"));
  }

  @Test
  @Order(4)
  void exportsStreamTheCompanysOwnRows() throws Exception {
    HttpResponse<byte[]> csv = api.download("/api/export/transactions?format=csv", a.token());
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches(
        "attachment; filename=transaction_export_\\d{8}_\\d{6}\\.csv"), csv.headers().toString());
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertEquals("Status,\"Payment Service\",Customer,\"Device Serial Number\",\"Device Type\",Amount,Type,Date",
        lines.get(0));
    long total = count(a, "SELECT COUNT(*) FROM transactions");
    assertEquals(total + 1, lines.size());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Success,third_party_transaction,\"Baraka Export\","
        + "EXI-M-2,meter,\"1,250.50") && l.endsWith(",\"2026-03-02 10:30:00\"")), String.join("\n", lines.subList(0,
            5)));

    HttpResponse<byte[]> xlsx = api.download("/api/export/transactions", a.token());
    assertEquals(200, xlsx.statusCode());
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        xlsx.headers().firstValue("Content-Type").orElse(""));
    assertEquals('P', xlsx.body()[0]);
    assertEquals('K', xlsx.body()[1]);

    Resp json = api.get("/api/export/transactions?format=json&deviceType=meter&from=2026-03-01&to=2026-03-31",
        a.token());
    assertEquals(200, json.status(), json.body());
    JsonArray data = json.obj().getJsonArray("data");
    assertEquals(3, data.size(), json.body());
    assertEquals(3, json.obj().getJsonObject("meta").getInt("total"));
    JsonObject one = data.stream().map(JsonValue::asJsonObject).filter(o -> o.getString("device_id").equals(
        "EXI-M-2")).findFirst().orElseThrow();
    assertEquals("Success", one.getString("status"));
    assertEquals("Baraka Export", one.getString("customer"));
    assertEquals("2026-03-02 10:30:00", one.getString("sent_date"));

    Resp otherCompany = api.get("/api/export/transactions?format=json", b.token());
    assertEquals(0, otherCompany.obj().getJsonArray("data").size(), "another company's export is its own");
    assertEquals(0, api.get("/api/export/customers?format=json", b.token()).obj().getJsonArray("data").size());
    assertEquals(0, api.get("/api/export/devices?format=json", b.token()).obj().getJsonArray("data").size());
    assertEquals(401, api.get("/api/export/transactions?format=csv", null).status());
    assertEquals(422, api.get("/api/export/transactions?format=pdf", a.token()).status());
    assertEquals(422, api.get("/api/export/customers?isActive=maybe", a.token()).status());

    HttpResponse<byte[]> people = api.download("/api/export/customers?format=csv", a.token());
    List<String> peopleLines = new String(people.body(), StandardCharsets.UTF_8).lines().toList();
    assertTrue(peopleLines.get(0).startsWith("Title,Name,Surname,\"Registered Date\""), peopleLines.get(0));
    assertEquals(count(a, "SELECT COUNT(*) FROM people WHERE is_customer = 1") + 1, peopleLines.size());
    HttpResponse<byte[]> devicesXlsx = api.download("/api/export/devices?format=excel", a.token());
    assertEquals(200, devicesXlsx.statusCode());
    assertTrue(devicesXlsx.headers().firstValue("Content-Disposition").orElse("").contains("device_export_"));
  }

  @Test
  @Order(5)
  void customersAndDevicesMoveToAFreshCompany() throws Exception {
    Tenant fresh = api.registerCompany("exports-fresh");
    JsonArray devices = api.get("/api/export/devices?format=json", a.token()).obj().getJsonArray("data");
    JsonArray customers = api.get("/api/export/customers?format=json", a.token()).obj().getJsonArray("data");
    assertEquals(3, devices.size());
    assertFalse(customers.isEmpty());

    Resp d = api.post("/api/import/devices", "{\"data\":" + devices + "}", fresh.token());
    assertEquals(200, d.status(), d.body());
    assertEquals(3, d.obj().getJsonObject("data").getInt("added_count"), d.body());
    Resp c = api.post("/api/import/customers", "{\"data\":" + customers + "}", fresh.token());
    assertEquals(200, c.status(), c.body());
    assertEquals(customers.size(), c.obj().getJsonObject("data").getInt("added_count"), c.body());

    assertEquals(view(customers, "name", "surname", "phone", "email", "devices"),
        view(api.get("/api/export/customers?format=json", fresh.token()).obj().getJsonArray("data"), "name",
            "surname", "phone", "email", "devices"));
    JsonArray moved = api.get("/api/export/devices?format=json", fresh.token()).obj().getJsonArray("data");
    assertEquals(deviceView(devices), deviceView(moved));
    assertEquals(devices.getJsonObject(0).get("geo"), moved.getJsonObject(0).get("geo"));
  }

  @Test
  @Order(6)
  void smallerExportsAsMpmNamesThem() throws Exception {
    Resp settings = api.get("/api/export/settings", a.token());
    assertEquals(200, settings.status(), settings.body());
    assertEquals(1, settings.obj().getJsonArray("data").size(), settings.body());
    assertTrue(settings.obj().getJsonArray("data").getJsonObject(0).containsKey("currency"), settings.body());

    Resp users = api.get("/api/export/user-permissions", b.token());
    assertEquals(200, users.status(), users.body());
    JsonArray list = users.obj().getJsonArray("data");
    assertEquals(1, list.size(), "only the company's own users: " + users.body());
    assertEquals(b.ownerEmail(), list.getJsonObject(0).getString("email"));
    assertEquals("owner", list.getJsonObject(0).getJsonArray("roles").getJsonObject(0).getString("name"));
    assertTrue(list.getJsonObject(0).getJsonArray("all_permissions").toString().contains("\"exports\""));

    assertEquals(200, api.get("/api/export/clusters?format=json", a.token()).status());
    assertEquals(200, api.get("/api/export/appliances?format=json", a.token()).status());
    Resp debts = api.get("/api/export/debts?format=json", a.token());
    assertEquals(200, debts.status(), debts.body());
    assertTrue(debts.obj().getJsonObject("meta").containsKey("report_date"), debts.body());
    for (String path : List.of("debts", "clusters?format=csv", "appliances", "appliance-people?format=csv",
        "settings?format=excel", "user-permissions?format=csv")) {
      HttpResponse<byte[]> file = api.download("/api/export/" + path, a.token());
      assertEquals(200, file.statusCode(), path);
      assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename="),
          path);
    }
    HttpResponse<byte[]> sales = api.download("/api/export/appliance-people?format=csv", a.token());
    assertTrue(new String(sales.body(), StandardCharsets.UTF_8).startsWith("\"Customer Name\",\"Customer Surname\","
        + "Appliance,\"Appliance Type\""));
    assertEquals(422, api.get("/api/export/appliance-people?paymentType=cash", a.token()).status());
  }

  @Test
  @Order(7)
  void clustersAppliancesAndSettingsImport() throws Exception {
    Resp clusters = api.post("/api/import/clusters", "{\"data\":[{\"cluster_name\":\"Lake Zone\",\"manager\":"
        + "\"nobody\",\"mini_grids\":\"Ukerewe, Kome\",\"villages\":\"\",\"geo_json\":{\"type\":\"Polygon\","
        + "\"coordinates\":[]}}]}", b.token());
    assertEquals(200, clusters.status(), clusters.body());
    assertEquals(1, clusters.obj().getJsonObject("data").getInt("added_count"), clusters.body());
    assertEquals(2, count(b, "SELECT COUNT(*) FROM mini_grids m JOIN clusters c ON c.id = m.cluster_id"
        + " WHERE c.name = 'Lake Zone'"));
    JsonArray exported = api.get("/api/export/clusters?format=json", b.token()).obj().getJsonArray("data");
    assertEquals("Ukerewe, Kome", exported.getJsonObject(0).getString("mini_grids"), exported.toString());
    assertEquals(0, api.get("/api/export/clusters?format=json", a.token()).obj().getJsonArray("data").size());

    Resp appliances = api.post("/api/import/appliances", "{\"data\":[{\"appliance_name\":\"Fridge\","
        + "\"appliance_type\":\"Cooling\",\"price\":\"150,000\"}]}", b.token());
    assertEquals(200, appliances.status(), appliances.body());
    assertEquals(150000, count(b, "SELECT price FROM appliances WHERE name = 'Fridge'"));
    Resp badPrice = api.post("/api/import/appliances", "{\"data\":[{\"appliance_name\":\"Stove\",\"price\":"
        + "\"cheap\"}]}", b.token());
    assertEquals(422, badPrice.status(), badPrice.body());

    Resp settings = api.post("/api/import/settings", "{\"data\":[{\"site_title\":\"Imported Title\","
        + "\"vat_energy\":5}]}", b.token());
    assertEquals(200, settings.status(), settings.body());
    assertEquals("Imported Title", settings.obj().getJsonObject("data").getJsonArray("modified").getJsonObject(0)
        .getString("site_title"));
    assertEquals(422, api.post("/api/import/settings", "{\"data\":[{},{}]}", b.token()).status());
    assertEquals(422, api.post("/api/import/settings", "{\"data\":[{\"vat_energy\":\"x\"}]}", b.token())
        .status());
  }

  @Test
  @Order(8)
  void userPermissionsImportThroughTheUserRules() throws Exception {
    Resp added = api.post("/api/import/user-permissions", "{\"data\":[{\"name\":\"Imported Clerk\",\"email\":"
        + "\"clerk.import@b.test\",\"password\":\"secret123\",\"roles\":[{\"name\":\"user\",\"permissions\":"
        + "[\"customers\"]}]},{\"name\":\"No Password\",\"email\":\"nopass.import@b.test\"}]}", b.token());
    assertEquals(200, added.status(), added.body());
    JsonObject data = added.obj().getJsonObject("data");
    assertEquals(1, data.getInt("added_count"), added.body());
    assertEquals(1, data.getInt("failed_count"), added.body());
    assertEquals(1, count(b, "SELECT COUNT(*) FROM users WHERE email = 'clerk.import@b.test'"));
    assertEquals(0, count(b, "SELECT COUNT(*) FROM users WHERE email = 'nopass.import@b.test'"));
    assertEquals(0, count(a, "SELECT COUNT(*) FROM users WHERE email = 'clerk.import@b.test'"));
    JsonArray exported = api.get("/api/export/user-permissions?format=json", b.token()).obj().getJsonArray("data");
    assertTrue(exported.toString().contains("clerk.import@b.test"), exported.toString());
    assertFalse(api.get("/api/export/user-permissions?format=json", a.token()).body().contains("clerk.import"));

    Resp renamed = api.post("/api/import/user-permissions", "{\"data\":[{\"name\":\"Clerk Renamed\",\"email\":"
        + "\"clerk.import@b.test\",\"roles\":[{\"name\":\"admin\"}]}]}", b.token());
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals(1, renamed.obj().getJsonObject("data").getInt("modified_count"), renamed.body());
    assertEquals(1, count(b, "SELECT COUNT(*) FROM users u JOIN model_has_roles m ON m.model_id = u.id JOIN roles r"
        + " ON r.id = m.role_id WHERE u.email = 'clerk.import@b.test' AND r.name = 'admin'"));

    Resp badRole = api.post("/api/import/user-permissions", "{\"data\":[{\"name\":\"Fresh\",\"email\":"
        + "\"fresh.import@b.test\",\"password\":\"secret123\"},{\"name\":\"Clerk\",\"email\":"
        + "\"clerk.import@b.test\",\"roles\":[{\"name\":\"emperor\"}]}]}", b.token());
    assertEquals(422, badRole.status(), badRole.body());
    assertEquals(0, count(b, "SELECT COUNT(*) FROM users WHERE email = 'fresh.import@b.test'"));
    assertEquals(1, count(b, "SELECT COUNT(*) FROM users WHERE name = 'Clerk Renamed'"));
    Resp badEmail = api.post("/api/import/user-permissions", "{\"data\":[{\"name\":\"X\",\"email\":\"nope\"}]}",
        b.token());
    assertEquals(422, badEmail.status(), badEmail.body());
    assertTrue(badEmail.obj().getJsonObject("errors").containsKey("data.0.email"), badEmail.body());
  }

  @Test
  @Order(9)
  void customerExportShowsTheAddressPoint() throws Exception {
    long address = count(a, "SELECT MIN(id) FROM addresses WHERE owner_type = 'person' AND is_primary = 1");
    long person = count(a, "SELECT owner_id FROM addresses WHERE id = " + address);
    Db.exec(a, "INSERT INTO geographical_informations (owner_id, owner_type, geo_json) VALUES (" + address
        + ", 'address', '{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[32.9175,"
        + "-2.5164]}}')");
    String name = api.get("/api/people/" + person, a.token()).obj().getJsonObject("data").getString("name");
    JsonArray people = api.get("/api/export/customers?format=json", a.token()).obj().getJsonArray("data");
    JsonObject mine = people.stream().map(JsonValue::asJsonObject).filter(o -> name.equals(o.getString("name")))
        .findFirst().orElseThrow();
    assertEquals("-2.5164, 32.9175", mine.getString("geographical_information"), mine.toString());
    assertEquals("", mine.getString("agent"), mine.toString());
    assertFalse(api.get("/api/export/customers?format=json", b.token()).body().contains("32.9175"));
  }

  @Test
  @Order(9)
  void customersBornBefore1970ComeBackFromTheirExport() throws Exception {
    Resp created = api.post("/api/people", "{\"name\":\"Bibi\",\"surname\":\"Mzee\",\"phone\":"
        + "\"+255713000077\",\"is_customer\":true,\"birth_date\":\"1952-03-09\"}", a.token());
    assertEquals(201, created.status(), created.body());
    JsonArray exported = api.get("/api/export/customers?format=json", a.token()).obj().getJsonArray("data");
    JsonObject bibi = exported.stream().map(JsonValue::asJsonObject).filter(o -> "Bibi".equals(o.getString("name")))
        .findFirst().orElseThrow();
    assertEquals("1952-03-09", bibi.getString("birth_date"), bibi.toString());

    // the whole export, as MPM's import page sends it, into a fresh company
    Tenant fresh = api.registerCompany("exports-born");
    JsonArray devices = api.get("/api/export/devices?format=json", a.token()).obj().getJsonArray("data");
    assertEquals(200, api.post("/api/import/devices", "{\"data\":" + devices + "}", fresh.token()).status());
    Resp imported = api.post("/api/import/customers", "{\"data\":" + exported + "}", fresh.token());
    assertEquals(200, imported.status(), imported.body());
    assertFalse(imported.body().contains("birth_date"), imported.body());
    assertEquals(1, count(fresh, "SELECT COUNT(*) FROM people WHERE name = 'Bibi' AND birth_date = '1952-03-09'"));

    // a day no DATE column holds refuses the file whole
    long before = count(fresh, "SELECT COUNT(*) FROM people");
    Resp bad = api.post("/api/import/customers", "{\"data\":[{\"name\":\"Babu\",\"birth_date\":\"0900-01-01\"}]}",
        fresh.token());
    assertEquals(422, bad.status(), bad.body());
    assertEquals(before, count(fresh, "SELECT COUNT(*) FROM people"));
  }

  @Test
  @Order(10)
  void soldAppliancesMoveToAFreshCompanyWithoutBookingMoney() throws Exception {
    long person = count(a, "SELECT person_id FROM devices WHERE person_id IS NOT NULL ORDER BY id LIMIT 1");
    String serial;
    try (Connection c = Db.tenant(a); ResultSet rs = c.createStatement().executeQuery("SELECT device_serial FROM"
        + " devices WHERE person_id = " + person + " ORDER BY id LIMIT 1")) {
      rs.next();
      serial = rs.getString(1);
    }
    Resp type = api.post("/api/appliances/types", "{\"name\":\"Cooling\"}", a.token());
    assertEquals(201, type.status(), type.body());
    Resp freezer = api.post("/api/appliances", "{\"appliance_type_id\":" + type.obj().getJsonObject("data")
        .getJsonNumber("id") + ",\"name\":\"Freezer EXI\",\"price\":1200}", a.token());
    assertTrue(freezer.status() == 200 || freezer.status() == 201, freezer.body());
    long applianceId = count(a, "SELECT id FROM appliances WHERE name = 'Freezer EXI'");
    long seller = count(a, "SELECT id FROM users ORDER BY id LIMIT 1");
    Resp sold = api.post("/api/appliances/person/" + applianceId + "/people/" + person, "{\"user_id\":" + seller
        + ",\"cost\":1200,\"rate\":3,\"rate_type\":\"monthly\",\"down_payment\":300,\"device_serial\":\""
        + serial + "\"}", a.token());
    assertEquals(200, sold.status(), sold.body());

    Tenant fresh = api.registerCompany("exports-sales");
    for (String kind : List.of("devices", "customers")) {
      JsonArray rows = api.get("/api/export/" + kind + "?format=json", a.token()).obj().getJsonArray("data");
      Resp imported = api.post("/api/import/" + kind, "{\"data\":" + rows + "}", fresh.token());
      assertEquals(200, imported.status(), imported.body());
    }
    Resp appliance = api.post("/api/import/appliances", "{\"data\":[{\"appliance_name\":\"Freezer EXI\","
        + "\"appliance_type\":\"Cooling\",\"price\":1200}]}", fresh.token());
    assertEquals(200, appliance.status(), appliance.body());
    JsonArray sales = api.get("/api/export/appliance-people?format=json", a.token()).obj().getJsonArray("data");
    assertEquals(1, sales.size(), sales.toString());

    Resp imported = api.post("/api/import/appliance-people", "{\"data\":" + sales + "}", fresh.token());
    assertEquals(200, imported.status(), imported.body());
    JsonObject result = imported.obj().getJsonObject("data");
    assertEquals("AppliancePerson records imported successfully", result.getString("message"), imported.body());
    assertEquals(1, result.getInt("added_count"), imported.body());
    assertEquals(1, count(fresh, "SELECT COUNT(*) FROM appliance_people WHERE device_serial = '" + serial
        + "' AND total_cost = 1200 AND down_payment = 300 AND rate_count = 3"));
    assertEquals(3, count(fresh, "SELECT COUNT(*) FROM appliance_rates"));
    assertEquals(900, count(fresh, "SELECT SUM(rate_cost) FROM appliance_rates WHERE remaining = rate_cost"));
    assertEquals(0, count(fresh, "SELECT COUNT(*) FROM transactions"), "an imported sale books no money");
    assertEquals(count(fresh, "SELECT person_id FROM appliance_people"), count(fresh, "SELECT person_id FROM devices"
        + " WHERE device_serial = '" + serial + "'"));

    Resp again = api.post("/api/import/appliance-people", "{\"data\":" + sales + "}", fresh.token());
    assertEquals(200, again.status(), again.body());
    assertEquals("All AppliancePerson imports failed", again.obj().getJsonObject("data").getString("message"));
    assertTrue(again.body().contains("already exists for device"), again.body());
    Resp unknown = api.post("/api/import/appliance-people", "{\"data\":[{\"customer_name\":\"Nobody\","
        + "\"appliance_name\":\"Freezer EXI\",\"total_cost\":100,\"rate_count\":1}]}", fresh.token());
    assertEquals(200, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("import the customer first"), unknown.body());
    Resp bad = api.post("/api/import/appliance-people", "{\"data\":[{\"customer_name\":\"Nobody\","
        + "\"appliance_name\":\"Freezer EXI\",\"rate_type\":\"daily\"}]}", fresh.token());
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.obj().getJsonObject("errors").containsKey("data.0.rate_type"), bad.body());
    assertEquals(1, count(fresh, "SELECT COUNT(*) FROM appliance_people"));
    assertEquals(0, count(b, "SELECT COUNT(*) FROM appliance_people WHERE device_serial = '" + serial + "'"));
  }

  static Set<String> deviceView(JsonArray items) {
    Set<String> out = new TreeSet<>();
    for (JsonValue v : items) {
      out.add(v.asJsonObject().getString("customer") + "/" + v.asJsonObject().getJsonObject("device_info"));
    }
    return out;
  }

  static Set<String> view(JsonArray items, String... keys) {
    Set<String> out = new TreeSet<>();
    for (JsonValue v : items) {
      StringBuilder s = new StringBuilder();
      for (String k : keys) {
        s.append(v.asJsonObject().get(k)).append('|');
      }
      out.add(s.toString());
    }
    return out;
  }
}
