package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * A person's devices and payments as the customer routes show them: devices and latest payment on every person,
 * is_active, the payment and device filters and sorts of the list, search by serial, the person's meters and
 * transactions. Devices and payments are written straight into the company's database (their own routes come
 * with the devices and payments).
 */
class PersonDevicesPaymentsIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static long village;
  static long paidRecently;
  static long paidLongAgo;
  static long neverPaid;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("devices-payments");
    other = api.registerCompany("devices-payments-b");
    village = PeopleIT.village(api, t, "Mwembeni");
    long otherVillage = PeopleIT.village(api, t, "Zanzibar");
    paidRecently = id(PeopleIT.create(t, "Asha", "Recent", "+255714000001", village));
    paidLongAgo = id(PeopleIT.create(t, "Bakari", "Longago", "+255714000002", otherVillage));
    neverPaid = id(PeopleIT.create(t, "Chausiku", "Never", "+255714000003", village));
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO tariffs (id, name, price, currency, minimum_purchase_amount, created_at,"
          + " updated_at) VALUES (1, 'Simple Tariff', 1000, 'TZS', 0, NOW(), NOW())");
      s.executeUpdate("INSERT INTO meters (id, serial_number, meter_type_id, in_use, manufacturer_id,"
          + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES"
          + " (1, '47000111222', 1, 1, 1, 1, 1, 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO solar_home_systems (id, appliance_id, serial_number, manufacturer_id, created_at,"
          + " updated_at) VALUES (1, 1, 'SHS900001', 2, NOW(), NOW())");
      s.executeUpdate("INSERT INTO devices (id, person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at) VALUES (1, " + paidRecently + ", 'meter', 1, '47000111222', NOW(), NOW()),"
          + " (2, " + paidLongAgo + ", 'solar_home_system', 1, 'SHS900001', NOW(), NOW())");
      s.executeUpdate("INSERT INTO geographical_informations (owner_type, owner_id, geo_json, created_at,"
          + " updated_at) VALUES ('device', 1, '{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
          + "\"coordinates\":[39.1,-7.2]},\"properties\":{}}', NOW(), NOW())");
      payment(s, 1, paidRecently, 500, now.minusDays(40), "47000111222");
      payment(s, 2, paidRecently, 700, now.minusDays(2), "47000111222");
      payment(s, 3, paidLongAgo, 2000, now.minusDays(60), "SHS900001");
      s.executeUpdate("INSERT INTO tokens (transaction_id, token, token_amount, device_id, token_type, token_unit,"
          + " created_at, updated_at) VALUES (2, '123456789', 0.7, 1, 'energy', 'kWh', NOW(), NOW())");
    }
  }

  static void payment(Statement s, long id, long person, double amount, LocalDateTime at, String serial)
      throws Exception {
    String ts = "'" + at.toString().replace('T', ' ') + "'";
    s.executeUpdate("INSERT INTO transactions (id, original_transaction_id, original_transaction_type, amount, type,"
        + " sender, message, created_at, updated_at) VALUES (" + id + ", " + id + ", 'cash_transaction', " + amount
        + ", 'energy', '+255714000000', '" + serial + "', " + ts + ", " + ts + ")");
    s.executeUpdate("INSERT INTO payment_histories (amount, transaction_id, payment_service, sender, payment_type,"
        + " paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at) VALUES (" + amount + ", " + id
        + ", 'web', '+255714000000', 'energy', 'App\\\\Models\\\\Token', " + id + ", 'person', " + person + ", " + ts
        + ", " + ts + ")");
  }

  static long id(Resp r) {
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  static List<Long> ids(String query) {
    Resp r = api.get("/api/people" + query, t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  @Test
  void personShowsDevicesLatestPaymentAndIsActive() {
    JsonObject p = api.get("/api/people/" + paidRecently, t.token()).obj().getJsonObject("data");
    assertTrue(p.getBoolean("is_active"));
    assertEquals(700, p.getJsonObject("latest_payment").getJsonNumber("amount").intValue(), "the newest one");
    assertEquals("person", p.getJsonObject("latest_payment").getString("payer_type"));
    JsonObject device = p.getJsonArray("devices").getJsonObject(0);
    assertEquals("47000111222", device.getString("device_serial"));
    assertEquals("meter", device.getString("device_type"));
    assertEquals("[39.1,-7.2]", device.getJsonObject("geo").getJsonObject("geo_json").getJsonObject("geometry")
        .getJsonArray("coordinates").toString(), "the detail carries the device's location");
    JsonObject address = p.getJsonArray("addresses").getJsonObject(0);
    assertTrue(address.containsKey("geo"));
    assertTrue(address.getJsonObject("city").containsKey("location"));

    JsonObject old = api.get("/api/people/" + paidLongAgo, t.token()).obj().getJsonObject("data");
    assertFalse(old.getBoolean("is_active"), "last payment 60 days ago");
    JsonObject never = api.get("/api/people/" + neverPaid, t.token()).obj().getJsonObject("data");
    assertEquals(JsonValue.NULL, never.get("latest_payment"));
    assertEquals(0, never.getJsonArray("devices").size());

    JsonObject listed = api.get("/api/people?sort=id", t.token()).obj().getJsonArray("data").getJsonObject(0);
    assertEquals(paidRecently, listed.getJsonNumber("id").longValue());
    assertTrue(listed.getBoolean("is_active"));
    assertFalse(listed.getJsonArray("devices").getJsonObject(0).containsKey("geo"), "the list has no geo");
  }

  @Test
  void listFiltersOnPaymentsAndDevices() {
    assertEquals(List.of(paidRecently), ids("?active_customer=1"));
    assertEquals(List.of(paidLongAgo, neverPaid), ids("?active_customer=0&sort=id"));
    assertEquals(List.of(paidRecently, paidLongAgo), ids("?total_paid_min=1000&sort=id"));
    assertEquals(List.of(paidRecently), ids("?total_paid_min=1000&total_paid_max=1500"));
    String tenDaysAgo = LocalDateTime.now(ZoneOffset.UTC).minusDays(10).toLocalDate().toString();
    assertEquals(List.of(paidRecently), ids("?latest_payment_from=" + tenDaysAgo));
    assertEquals(List.of(paidLongAgo), ids("?latest_payment_to=" + tenDaysAgo));
    assertEquals(List.of(paidRecently), ids("?device_type=meter"));
    assertEquals(List.of(paidLongAgo), ids("?device_type=solar_home_system"));
    assertEquals(List.of(), ids("?device_type=e_bike"));
    assertEquals(List.of(), ids("?agent_id=1"), "no appliance was sold through an agent");
    assertEquals(422, api.get("/api/people?device_type=kettle", t.token()).status());
    assertEquals(422, api.get("/api/people?total_paid_min=lots", t.token()).status());
    assertEquals(422, api.get("/api/people?active_customer=maybe", t.token()).status());
  }

  @Test
  void listSortsByCityDeviceAndAgent() {
    assertEquals(paidLongAgo, ids("?sort=-city").get(0), "Zanzibar before Mwembeni when descending");
    assertEquals(paidLongAgo, ids("?sort=city").get(2));
    // people without a device sort first ascending (NULL), then 47000111222 before SHS900001
    assertEquals(List.of(neverPaid, paidRecently, paidLongAgo), ids("?sort=device"));
    assertEquals(List.of(paidRecently, paidLongAgo, neverPaid), ids("?sort=agent"));
  }

  @Test
  void searchFindsTheOwnerOfASerial() {
    JsonArray hits = api.get("/api/people/search?term=47000111", t.token()).obj().getJsonArray("data");
    assertEquals(1, hits.size());
    assertEquals(paidRecently, hits.getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals("{\"data\":[]}", api.get("/api/people/search?term=47000111", other.token()).body());
  }

  @Test
  void meters() {
    JsonObject p = api.get("/api/people/" + paidRecently + "/meters", t.token()).obj().getJsonObject("data");
    JsonObject meter = p.getJsonArray("devices").getJsonObject(0).getJsonObject("device");
    assertEquals("47000111222", meter.getString("serial_number"));
    assertEquals("Simple Tariff", meter.getJsonObject("tariff").getString("name"));
    JsonObject shs = api.get("/api/people/" + paidLongAgo + "/meters", t.token()).obj().getJsonObject("data")
        .getJsonArray("devices").getJsonObject(0).getJsonObject("device");
    assertEquals("SHS900001", shs.getString("serial_number"));
    JsonObject geo = api.get("/api/people/" + paidRecently + "/meters/geo", t.token()).obj().getJsonObject("data")
        .getJsonArray("devices").getJsonObject(0);
    assertEquals("device", geo.getJsonObject("geo").getString("owner_type"));
    assertEquals("47000111222", geo.getJsonObject("device").getString("serial_number"));
    assertEquals(404, api.get("/api/people/" + paidRecently + "/meters", other.token()).status());
    assertEquals(404, api.get("/api/people/" + paidRecently + "/meters/geo", other.token()).status());
  }

  @Test
  void transactionsOfAPerson() {
    Resp r = api.get("/api/people/" + paidRecently + "/transactions", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject page = r.obj();
    assertEquals(7, page.getInt("per_page"));
    assertEquals(2, page.getInt("total"));
    JsonObject newest = page.getJsonArray("data").getJsonObject(0);
    assertEquals(700, newest.getJsonNumber("amount").intValue());
    assertEquals("47000111222", newest.getJsonObject("transaction").getString("message"));
    assertEquals("123456789", newest.getJsonObject("transaction").getJsonObject("token").getString("token"));
    assertEquals(JsonValue.NULL, page.getJsonArray("data").getJsonObject(1).getJsonObject("transaction").get("token"));
    assertEquals(404, api.get("/api/people/" + paidRecently + "/transactions", other.token()).status());
    String regular = api.login("demo_company_regular_user@example.com", "123123");
    assertEquals(403, api.get("/api/people/1/transactions", regular).status(), "needs the transactions permission");
  }
}
