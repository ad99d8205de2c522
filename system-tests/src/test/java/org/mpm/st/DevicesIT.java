package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** The device registry: list filters, owner, manufacturer mapping, capabilities, token refusals, locations. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class DevicesIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static long owner;
  static long secondOwner;
  static long shsDevice;
  static long unownedShs;
  static long meterDevice;
  static long bikeDevice;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("devices");
    other = api.registerCompany("devices-b");
    owner = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Amani", "Owner", "+255716000001", null));
    secondOwner = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Baraka", "Second", "+255716000002", null));
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO manufacturers (id, type, name, api_name, created_at, updated_at) VALUES"
          + " (1, 'shs', 'Demo SHS Manufacturer', 'DemoShsManufacturerApi', NOW(), NOW()),"
          + " (2, 'meter', 'Unknown Meters', 'NoSuchMeterApi', NOW(), NOW()),"
          + " (3, 'e-bike', 'Bikes Ltd', NULL, NOW(), NOW())");
      s.executeUpdate("INSERT INTO meters (id, serial_number, meter_type_id, in_use, manufacturer_id,"
          + " connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES"
          + " (1, '47000111222', 1, 1, 2, 1, 1, 1, NOW(), NOW())");
      s.executeUpdate("INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
          + " VALUES (" + owner + ", 'meter', 1, '47000111222', NOW() - INTERVAL 1 DAY, NOW())");
    }
    shsDevice = shs("DEVSHS00001", owner, 7);
    unownedShs = shs("DEVSHS00010", null, 9);
    Resp bike = api.post("/api/e-bikes", "{\"serial_number\":\"BIKE0000001\",\"manufacturer_id\":3,"
        + "\"appliance_id\":4}", t.token());
    assertEquals(201, bike.status(), bike.body());
    bikeDevice = bike.obj().getJsonObject("data").getJsonObject("device").getJsonNumber("id").longValue();
    meterDevice = api.get("/api/devices?device_type=meter", t.token()).obj().getJsonArray("data").getJsonObject(0)
        .getJsonNumber("id").longValue();
  }

  static long shs(String serial, Long person, int appliance) {
    Resp r = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"" + serial + "\"],\"manufacturer_id\":1,"
        + "\"appliance_id\":" + appliance + ",\"daily_price\":250" + (person == null ? "" : ",\"person_id\":" + person)
        + "}", t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").getJsonObject(0).getJsonObject("device").getJsonNumber("id").longValue();
  }

  static List<String> serials(String query) {
    Resp r = api.get("/api/devices" + query, t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("device_serial")).toList();
  }

  @Test
  void listFiltersAndShape() {
    Resp r = api.get("/api/devices?per_page=2", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject body = r.obj();
    assertEquals(4, body.getInt("total"));
    assertEquals(2, body.getInt("per_page"));
    assertEquals(2, body.getInt("last_page"));
    assertEquals(List.of("47000111222"), serials("?device_type=meter"));
    assertEquals(List.of("DEVSHS00010", "DEVSHS00001"), serials("?device_type=solar_home_system"));
    assertEquals(List.of("DEVSHS00001"), serials("?appliance_id=7"));
    assertEquals(List.of("BIKE0000001"), serials("?appliance_id=4"));
    assertEquals(List.of("BIKE0000001", "DEVSHS00010"), serials("?unassigned=1"));
    assertEquals(List.of("DEVSHS00010", "DEVSHS00001"), serials("?serial=SHS0"));
    JsonObject meter = api.get("/api/devices?device_type=meter", t.token()).obj().getJsonArray("data")
        .getJsonObject(0);
    assertEquals("meter", meter.getString("device_type"));
    assertEquals("Amani", meter.getJsonObject("person").getString("name"));
    assertEquals("47000111222", meter.getJsonObject("device").getString("serial_number"));
    assertTrue(meter.containsKey("manufacturer_mapping_status"));
    Resp bad = api.get("/api/devices?device_type=lamp&manufacturer_mapping_status=x", t.token());
    assertEquals(422, bad.status());
    assertTrue(bad.obj().getJsonObject("errors").containsKey("device_type"));
    assertTrue(bad.obj().getJsonObject("errors").containsKey("manufacturer_mapping_status"));
    assertEquals(0, api.get("/api/devices", other.token()).obj().getInt("total"));
  }

  @Test
  void ownerChange() throws Exception {
    long bikeOwnerless = bikeDevice;
    Resp r = api.put("/api/devices/" + bikeOwnerless, "{\"person_id\":" + secondOwner + "}", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(secondOwner, r.obj().getJsonObject("data").getJsonNumber("person_id").longValue());
    assertEquals("Baraka", r.obj().getJsonObject("data").getJsonObject("person").getString("name"));
    Resp missing = api.put("/api/devices/" + bikeOwnerless, "{\"person_id\":999999}", t.token());
    assertEquals(422, missing.status());
    assertEquals("The selected person id is invalid.", missing.obj().getJsonObject("errors")
        .getJsonArray("person_id").getString(0));
    assertEquals(secondOwner, count(t, "SELECT person_id FROM devices WHERE id = " + bikeOwnerless));
    assertEquals(404, api.put("/api/devices/" + bikeOwnerless, "{\"person_id\":1}", other.token()).status());
    assertEquals("No query results for model [App\\Models\\Device] 999999",
        api.put("/api/devices/999999", "{\"person_id\":1}", t.token()).message());
  }

  @Test
  void deviceInfoStoresTheMapping() throws Exception {
    JsonObject mapped = api.get("/api/devices/" + shsDevice + "/device-info", t.token()).obj().getJsonObject("data");
    assertTrue(mapped.getBoolean("supported"));
    assertTrue(mapped.getBoolean("mapped"));
    assertEquals("Demo SHS Unit", mapped.getJsonObject("device").getString("model"));
    JsonObject notMapped = api.get("/api/devices/" + unownedShs + "/device-info", t.token()).obj()
        .getJsonObject("data");
    assertEquals(false, notMapped.getBoolean("mapped"));
    JsonObject unsupported = api.get("/api/devices/" + meterDevice + "/device-info", t.token()).obj()
        .getJsonObject("data");
    assertEquals(Json1.obj("supported", false), unsupported.toString());
    assertEquals(List.of("DEVSHS00001"), serials("?manufacturer_mapping_status=mapped"));
    assertEquals(List.of("DEVSHS00010"), serials("?manufacturer_mapping_status=not_mapped"));
    assertEquals(List.of("47000111222"), serials("?manufacturer_mapping_status=unsupported"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM devices WHERE manufacturer_mapping_checked_at IS NOT NULL AND id = "
        + shsDevice));
  }

  /** Tiny helper for an exact one-field JSON object. */
  static final class Json1 {
    static String obj(String k, boolean v) {
      return "{\"" + k + "\":" + v + "}";
    }
  }

  @Test
  void capabilitiesAndRefusedTokensWriteNothing() throws Exception {
    JsonObject ok = api.get("/api/devices/" + shsDevice + "/capabilities", t.token()).obj().getJsonObject("data");
    assertTrue(ok.getBoolean("token_generation"));
    assertEquals("days", ok.getString("credit_unit"));
    assertEquals(JsonValue.NULL, ok.get("token_generation_blocked_reason"));
    JsonObject unowned = api.get("/api/devices/" + unownedShs + "/capabilities", t.token()).obj()
        .getJsonObject("data");
    assertEquals(false, unowned.getBoolean("token_generation"));
    assertEquals("Device DEVSHS00010 is not assigned to a customer, so credit cannot be issued for it.",
        unowned.getString("token_generation_blocked_reason"));
    JsonObject meter = api.get("/api/devices/" + meterDevice + "/capabilities", t.token()).obj()
        .getJsonObject("data");
    assertEquals(false, meter.getBoolean("token_generation"));
    assertEquals("kWh", meter.getString("credit_unit"));
    assertEquals("The manufacturer of this device does not support token generation.",
        meter.getString("token_generation_blocked_reason"));

    long before = count(t, "SELECT COUNT(*) FROM transactions") + count(t, "SELECT COUNT(*) FROM cash_transactions")
        + count(t, "SELECT COUNT(*) FROM tokens");
    Resp noOwner = api.post("/api/devices/" + unownedShs + "/token", "{\"amount\":500,\"unit\":\"currency\"}",
        t.token());
    assertEquals(422, noOwner.status());
    assertEquals("Device DEVSHS00010 is not assigned to a customer, so credit cannot be issued for it.",
        noOwner.message());
    Resp meterToken = api.post("/api/devices/" + meterDevice + "/token", "{\"amount\":500,\"unit\":\"currency\"}",
        t.token());
    assertEquals(422, meterToken.status());
    assertEquals("The manufacturer of this device does not support token generation.", meterToken.message());
    Resp wrongUnit = api.post("/api/devices/" + shsDevice + "/token", "{\"amount\":5,\"unit\":\"kWh\"}", t.token());
    assertEquals(422, wrongUnit.status());
    assertEquals("A solar_home_system issues its credit in days, not in kWh.", wrongUnit.message());
    Resp invalid = api.post("/api/devices/" + shsDevice + "/token", "{\"amount\":0,\"unit\":\"weeks\"}", t.token());
    assertEquals(422, invalid.status());
    assertEquals("The amount field must be at least 0.01.", invalid.obj().getJsonObject("errors")
        .getJsonArray("amount").getString(0));
    assertEquals("The selected unit is invalid.", invalid.obj().getJsonObject("errors").getJsonArray("unit")
        .getString(0));
    Resp huge = api.post("/api/devices/" + shsDevice + "/token", "{\"amount\":1e300,\"unit\":\"currency\"}",
        t.token());
    assertEquals(422, huge.status(), huge.body());
    assertEquals("The amount field must not be greater than 1000000000.", huge.obj().getJsonObject("errors")
        .getJsonArray("amount").getString(0));
    Resp tooMany = api.post("/api/devices/" + shsDevice + "/token", "{\"amount\":996,\"unit\":\"days\"}", t.token());
    assertEquals(422, tooMany.status());
    assertTrue(tooMany.message().startsWith("One token can carry at most 995 days"), tooMany.body());
    long after = count(t, "SELECT COUNT(*) FROM transactions") + count(t, "SELECT COUNT(*) FROM cash_transactions")
        + count(t, "SELECT COUNT(*) FROM tokens");
    assertEquals(before, after);
    assertEquals(404, api.post("/api/devices/" + shsDevice + "/token", "{\"amount\":5,\"unit\":\"days\"}",
        other.token()).status());
    assertEquals(404, api.get("/api/devices/" + shsDevice + "/capabilities", other.token()).status());
    assertEquals(404, api.get("/api/devices/" + shsDevice + "/openpaygo", other.token()).status());
  }

  @Test
  void tokenBody() throws Exception {
    Resp r = api.post("/api/devices/" + shsDevice + "/token", "{\"amount\":1000,\"unit\":\"currency\"}", t.token());
    assertEquals(201, r.status(), r.body());
    JsonObject tok = r.obj().getJsonObject("data");
    assertEquals(List.of("id", "token", "token_type", "token_unit", "token_amount", "transaction_id", "created_at"),
        List.copyOf(tok.keySet()));
    assertEquals(4.0, tok.getJsonNumber("token_amount").doubleValue());
    long tx = tok.getJsonNumber("transaction_id").longValue();
    assertEquals(shsDevice, count(t, "SELECT device_id FROM tokens WHERE transaction_id = " + tx));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM transactions WHERE type = 'ad_hoc' AND sender = '+255716000001'"
        + " AND message = 'DEVSHS00001' AND amount = 1000 AND id = " + tx));
  }

  @Test
  void geoInformation() throws Exception {
    Resp r = api.post("/api/devices/geoinformation", "[{\"serial_number\":\"DEVSHS00001\",\"lat\":-6.8,"
        + "\"lon\":39.28}]", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("DEVSHS00001", r.obj().getJsonArray("data").getJsonObject(0).getString("serial_number"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM geographical_informations WHERE owner_type = 'device'"
        + " AND owner_id = " + shsDevice + " AND JSON_EXTRACT(geo_json, '$.geometry.coordinates[0]') = 39.28"));
    Resp unknown = api.post("/api/devices/geoinformation", "[{\"serial_number\":\"DEVSHS00010\",\"lat\":1,\"lon\":2},"
        + "{\"serial_number\":\"NOPE\",\"lat\":1,\"lon\":2}]", t.token());
    assertEquals(422, unknown.status());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM geographical_informations WHERE owner_type = 'device'"
        + " AND owner_id = " + unownedShs));
    assertEquals(422, api.post("/api/devices/geoinformation", "[{\"serial_number\":\"DEVSHS00001\",\"lat\":\"x\"}]",
        t.token()).status());
    assertEquals(422, api.post("/api/devices/geoinformation", "[{\"serial_number\":\"DEVSHS00001\",\"lat\":1,"
        + "\"lon\":2}]", other.token()).status());
  }
}
