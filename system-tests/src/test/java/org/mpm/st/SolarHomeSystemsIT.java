package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Solar home systems and e-bikes: registration rules, list, search, show, update, payments, switch. */
class SolarHomeSystemsIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static long owner;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("shs");
    other = api.registerCompany("shs-b");
    owner = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Imani", "Jua", "+255717000001", null));
    for (Tenant x : new Tenant[] {t, other}) {
      Db.exec(x, "INSERT INTO manufacturers (id, type, name, api_name, created_at, updated_at) VALUES"
          + " (1, 'shs', 'Demo SHS Manufacturer', 'DemoShsManufacturerApi', NOW(), NOW()),"
          + " (2, 'e-bike', 'Bikes Ltd', 'DemoShsManufacturerApi', NOW(), NOW())");
    }
  }

  @Test
  void registrationRulesWriteNothing() throws Exception {
    Resp r = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"SHORT\",\"DUPLICATE01\",\"DUPLICATE01\"],"
        + "\"appliance_id\":1}", t.token());
    assertEquals(422, r.status(), r.body());
    JsonObject e = r.obj().getJsonObject("errors");
    assertEquals("The serial_numbers.0 field must be between 8 and 15 characters.",
        e.getJsonArray("serial_numbers.0").getString(0));
    assertEquals("The serial_numbers.2 field has a duplicate value.", e.getJsonArray("serial_numbers.2").getString(0));
    assertEquals("The manufacturer id field is required.", e.getJsonArray("manufacturer_id").getString(0));
    Resp ok = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"RULES000001\"],\"manufacturer_id\":1,"
        + "\"appliance_id\":1}", t.token());
    assertEquals(200, ok.status(), ok.body());
    Resp taken = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"RULES000002\",\"RULES000001\"],"
        + "\"manufacturer_id\":1,\"appliance_id\":1}", t.token());
    assertEquals(422, taken.status());
    assertEquals("The serial numbers.1 has already been taken.", taken.obj().getJsonObject("errors")
        .getJsonArray("serial_numbers.1").getString(0));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM solar_home_systems WHERE serial_number = 'RULES000002'"));
    Resp badKey = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"RULES000003\"],\"manufacturer_id\":1,"
        + "\"appliance_id\":1,\"open_paygo\":{\"secret_key\":\"abc\",\"starting_code\":1}}", t.token());
    assertEquals(422, badKey.status());
    assertTrue(badKey.obj().getJsonObject("errors").containsKey("open_paygo.secret_key"), badKey.body());
    assertEquals(422, api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"RULES000004\"],"
        + "\"manufacturer_id\":99,\"appliance_id\":1}", t.token()).status());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM devices WHERE device_serial IN ('RULES000003', 'RULES000004')"));
  }

  @Test
  void createListSearchShowUpdate() throws Exception {
    Resp r = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"LIST0000001\",\"LIST0000002\"],"
        + "\"manufacturer_id\":1,\"appliance_id\":3,\"person_id\":" + owner + "}", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject first = r.obj().getJsonArray("data").getJsonObject(0);
    assertEquals("LIST0000001", first.getString("serial_number"));
    assertEquals(3, first.getInt("appliance_id"));
    assertEquals("Demo SHS Manufacturer", first.getJsonObject("manufacturer").getString("name"));
    assertTrue(!first.getJsonObject("manufacturer").containsKey("api_name"));
    assertEquals("solar_home_system", first.getJsonObject("device").getString("device_type"));
    assertEquals("Imani", first.getJsonObject("device").getJsonObject("person").getString("name"));
    long id = first.getJsonNumber("id").longValue();

    Resp search = api.get("/api/solar-home-systems/search?term=Jua", t.token());
    assertEquals(200, search.status(), search.body());
    assertTrue(search.obj().getInt("total") >= 2);
    assertEquals(1, api.get("/api/solar-home-systems/search?term=LIST0000002", t.token()).obj().getInt("total"));
    Resp paged = api.get("/api/solar-home-systems?per_page=1", t.token());
    assertEquals(1, paged.obj().getInt("per_page"));
    assertTrue(api.get("/api/solar-home-systems", t.token()).obj().getJsonArray("data").size() >= 2);

    JsonObject show = api.get("/api/solar-home-systems/" + id, t.token()).obj().getJsonObject("data");
    assertEquals("LIST0000001", show.getString("serial_number"));
    assertEquals(JsonValue.NULL, show.getJsonObject("device").get("geo"));
    assertEquals(0, show.getJsonArray("tokens").size());

    Resp upd = api.put("/api/solar-home-systems/" + id, "{\"manufacturer_id\":1,\"appliance_id\":5,"
        + "\"daily_price\":100}", t.token());
    assertEquals(200, upd.status(), upd.body());
    assertEquals(5, upd.obj().getJsonObject("data").getInt("appliance_id"));
    long device = show.getJsonObject("device").getJsonNumber("id").longValue();
    Resp tok = api.post("/api/devices/" + device + "/token", "{\"amount\":300,\"unit\":\"currency\"}", t.token());
    assertEquals(201, tok.status(), tok.body());
    assertEquals(3.0, tok.obj().getJsonObject("data").getJsonNumber("token_amount").doubleValue());
    assertEquals(1, api.get("/api/solar-home-systems/" + id, t.token()).obj().getJsonObject("data")
        .getJsonArray("tokens").size());
    Resp tx = api.get("/api/solar-home-systems/" + id + "/transactions", t.token());
    assertEquals(200, tx.status(), tx.body());
    assertEquals(0, tx.obj().getInt("total"));

    assertEquals(404, api.get("/api/solar-home-systems/" + id, other.token()).status());
    assertEquals(404, api.put("/api/solar-home-systems/" + id, "{\"manufacturer_id\":1,\"appliance_id\":1}",
        other.token()).status());
    assertEquals("No query results for model [App\\Models\\SolarHomeSystem] 999999",
        api.get("/api/solar-home-systems/999999", t.token()).message());
  }

  @Test
  void eBikes() throws Exception {
    Resp r = api.post("/api/e-bikes", "{\"serial_number\":\"EBIKE000001\",\"manufacturer_id\":2,\"appliance_id\":2}",
        t.token());
    assertEquals(201, r.status(), r.body());
    assertEquals("e_bike", r.obj().getJsonObject("data").getJsonObject("device").getString("device_type"));
    assertEquals(422, api.post("/api/e-bikes", "{\"serial_number\":\"EBIKE000001\",\"manufacturer_id\":2,"
        + "\"appliance_id\":2}", t.token()).status());
    assertEquals(422, api.post("/api/e-bikes", "{\"serial_number\":\"SHORT\",\"manufacturer_id\":2,"
        + "\"appliance_id\":2}", t.token()).status());
    JsonObject show = api.get("/api/e-bikes/EBIKE000001", t.token()).obj().getJsonObject("data");
    assertEquals("Bikes Ltd", show.getJsonObject("manufacturer").getString("name"));
    assertEquals("{\"data\":[]}", api.get("/api/e-bikes/EBIKE000001", other.token()).body());
    assertEquals(1, api.get("/api/e-bikes/search?term=EBIKE&paginate=5", t.token()).obj().getInt("total"));
    assertEquals(1, api.get("/api/e-bikes?per_page=5", t.token()).obj().getInt("total"));
    Resp sw = api.post("/api/e-bikes/switch", "{\"serial_number\":\"EBIKE000001\",\"manufacturer_name\":\"Bikes Ltd\","
        + "\"status\":\"off\"}", t.token());
    assertEquals(422, sw.status());
    assertEquals("The manufacturer of this device does not support switching it on or off.", sw.message());
    assertEquals(422, api.post("/api/e-bikes/switch", "{\"serial_number\":\"EBIKE000001\"}", t.token()).status());
  }
}
