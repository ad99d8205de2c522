package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Energy tokens of the built-in demo meter manufacturer ({@code DemoMeterManufacturerApi}): priced with the meter's
 * tariff (price + pricing components, kWh rounded down to 3 decimals), booked as an ad-hoc cash transaction, and
 * refused below the tariff's minimum purchase without writing anything.
 */
class MeterTokensIT {

  static final String SERIAL = "47009000001";
  static final String NO_TARIFF_SERIAL = "47009000002";

  static Api api;
  static Tenant t;
  static Tenant other;
  static long device;
  static long noTariffDevice;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("meter-tokens");
    other = api.registerCompany("meter-tokens-b");
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":500,\"components\":[{\"name\":\"Service\",\"price\":50}]}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    assertEquals(300.0, tariff.obj().getJsonObject("data").getJsonNumber("total_price").doubleValue());
    long tariffId = GeographyIT.id(tariff);
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    assertEquals(201, type.status(), type.body());
    Resp manufacturer = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    assertEquals(201, manufacturer.status(), manufacturer.body());
    long manufacturerId = GeographyIT.id(manufacturer);
    long meter = meter(SERIAL, manufacturerId, GeographyIT.id(type), tariffId);
    long noTariffMeter = meter(NO_TARIFF_SERIAL, manufacturerId, GeographyIT.id(type), null);
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Amani", "Meter", "+255715900001", null));
    device = device(person, meter, SERIAL);
    noTariffDevice = device(person, noTariffMeter, NO_TARIFF_SERIAL);
  }

  static long meter(String serial, long manufacturer, long type, Long tariff) {
    Resp r = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":" + manufacturer
        + ",\"meter_type_id\":" + type + ",\"in_use\":1" + (tariff == null ? "" : ",\"tariff_id\":" + tariff) + "}",
        t.token());
    assertEquals(201, r.status(), r.body());
    return GeographyIT.id(r);
  }

  static long device(long person, long meter, String serial) throws Exception {
    return Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
        + " updated_at) VALUES (" + person + ", 'meter', " + meter + ", '" + serial + "', NOW(), NOW())");
  }

  static String rowCounts(Tenant tenant) throws Exception {
    return count(tenant, "SELECT COUNT(*) FROM cash_transactions") + "/"
        + count(tenant, "SELECT COUNT(*) FROM transactions") + "/" + count(tenant, "SELECT COUNT(*) FROM tokens");
  }

  @Test
  void capabilitiesAreEnergyInKwh() {
    Resp r = api.get("/api/devices/" + device + "/capabilities", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject c = r.obj().getJsonObject("data");
    assertTrue(c.getBoolean("token_generation"));
    assertEquals("kWh", c.getString("credit_unit"));
    assertEquals(JsonValue.NULL, c.get("token_generation_blocked_reason"));

    JsonObject none = api.get("/api/devices/" + noTariffDevice + "/capabilities", t.token()).obj()
        .getJsonObject("data");
    assertFalse(none.getBoolean("token_generation"));
    assertEquals("kWh", none.getString("credit_unit"));
    assertEquals("Meter " + NO_TARIFF_SERIAL + " has no tariff, so energy cannot be priced.",
        none.getString("token_generation_blocked_reason"));
  }

  @Test
  void anAmountBuysEnergyAtPricePlusComponents() throws Exception {
    Resp r = api.post("/api/devices/" + device + "/token", "{\"amount\":1000,\"unit\":\"currency\"}", t.token());
    assertEquals(201, r.status(), r.body());
    JsonObject tok = r.obj().getJsonObject("data");
    assertEquals("energy", tok.getString("token_type"));
    assertEquals("kWh", tok.getString("token_unit"));
    assertEquals(3.333, tok.getJsonNumber("token_amount").doubleValue());
    String token = tok.getString("token");
    assertTrue(token.matches("[0-9]{20}"), token);
    long txId = tok.getJsonNumber("transaction_id").longValue();
    try (Connection c = Db.tenant(t); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT t.amount, t.type, t.message, t.original_transaction_type, c.status,"
            + " k.token, k.token_amount, k.token_type, k.token_unit, k.device_id FROM transactions t"
            + " JOIN cash_transactions c ON c.id = t.original_transaction_id JOIN tokens k ON k.transaction_id = t.id"
            + " WHERE t.id = " + txId)) {
      assertTrue(rs.next());
      assertEquals(1000.0, rs.getDouble(1));
      assertEquals("ad_hoc", rs.getString(2));
      assertEquals(SERIAL, rs.getString(3));
      assertEquals("cash_transaction", rs.getString(4));
      assertEquals(1, rs.getInt(5));
      assertEquals(token, rs.getString(6));
      assertEquals(3.333, rs.getDouble(7));
      assertEquals("energy", rs.getString(8));
      assertEquals("kWh", rs.getString(9));
      assertEquals(device, rs.getLong(10));
      assertFalse(rs.next());
    }

    // asked in kWh: 2 kWh at 300 is booked as 600
    r = api.post("/api/devices/" + device + "/token", "{\"amount\":2,\"unit\":\"kWh\"}", t.token());
    assertEquals(201, r.status(), r.body());
    JsonObject kwh = r.obj().getJsonObject("data");
    assertEquals(2.0, kwh.getJsonNumber("token_amount").doubleValue());
    assertNotEquals(token, kwh.getString("token"));
    try (Connection c = Db.tenant(t); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT amount FROM transactions WHERE id = "
            + kwh.getJsonNumber("transaction_id").longValue())) {
      assertTrue(rs.next());
      assertEquals(600.0, rs.getDouble(1));
    }
  }

  @Test
  void refusedRequestsWriteNothing() throws Exception {
    String before = rowCounts(t);
    Resp r = api.post("/api/devices/" + device + "/token", "{\"amount\":499.99,\"unit\":\"currency\"}", t.token());
    assertEquals(422, r.status(), r.body());
    assertEquals("Minimum purchase amount not reached for " + SERIAL, r.obj().getString("message"));

    r = api.post("/api/devices/" + device + "/token", "{\"amount\":3,\"unit\":\"days\"}", t.token());
    assertEquals(422, r.status(), r.body());
    assertEquals("A meter issues its credit in kWh, not in days.", r.obj().getString("message"));

    r = api.post("/api/devices/" + device + "/token", "{\"amount\":0,\"unit\":\"currency\"}", t.token());
    assertEquals(422, r.status(), r.body());
    assertTrue(r.obj().getJsonObject("errors").containsKey("amount"), r.body());

    r = api.post("/api/devices/" + noTariffDevice + "/token", "{\"amount\":1000,\"unit\":\"currency\"}", t.token());
    assertEquals(422, r.status(), r.body());
    assertEquals("Meter " + NO_TARIFF_SERIAL + " has no tariff, so energy cannot be priced.",
        r.obj().getString("message"));
    assertEquals(before, rowCounts(t));
  }

  @Test
  void anotherCompanysDeviceIsNotFound() throws Exception {
    String before = rowCounts(other);
    Resp r = api.post("/api/devices/" + device + "/token", "{\"amount\":1000,\"unit\":\"currency\"}", other.token());
    assertEquals(404, r.status(), r.body());
    assertEquals("No query results for model [App\\Models\\Device] " + device, r.obj().getString("message"));
    assertEquals(404, api.get("/api/devices/" + device + "/capabilities", other.token()).status());
    assertEquals(before, rowCounts(other));
  }
}
