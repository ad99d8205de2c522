package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Manufacturers: create with an address (201), list with ?per_page and ?type, show with address.city.country. */
class ManufacturersIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static long village;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("manufacturers");
    other = api.registerCompany("manufacturers-b");
    village = PeopleIT.village(api, t, "Makers");
  }

  @Test
  void createListAndShow() throws Exception {
    Resp r = api.post("/api/manufacturers", "{\"name\":\"Spark\",\"contact_person\":\"Jo\",\"website\":\"x.io\","
        + "\"email\":\"not-an-email\",\"city_id\":999}", t.token());
    assertEquals(422, r.status());
    JsonObject errors = r.obj().getJsonObject("errors");
    assertEquals("The contact person field must be at least 3 characters.",
        errors.getJsonArray("contact_person").getString(0));
    assertEquals("The website field must be at least 6 characters.", errors.getJsonArray("website").getString(0));
    assertEquals("The email field must be a valid email address.", errors.getJsonArray("email").getString(0));
    assertEquals(422, api.post("/api/manufacturers", "{}", t.token()).status());
    r = api.post("/api/manufacturers", "{\"name\":\"Spark\",\"city_id\":999}", t.token());
    assertEquals(422, r.status());
    assertEquals("The selected city id is invalid.", r.message());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM manufacturers"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM addresses WHERE owner_type = 'manufacturer'"));

    r = api.post("/api/manufacturers", "{\"name\":\"Calin\",\"contact_person\":\"Wei Chen\",\"website\":"
        + "\"https://calinmeter.com\",\"email\":\"sales@calin.example\",\"phone\":\"+8613800000000\","
        + "\"street\":\"Industrial Park 5\",\"city_id\":" + village + ",\"api_name\":\"CalinMeterApi\"}", t.token());
    assertEquals(201, r.status(), r.body());
    JsonObject m = r.obj().getJsonObject("data");
    long calin = m.getJsonNumber("id").longValue();
    assertEquals("Calin", m.getString("name"));
    assertEquals("meter", m.getString("type"));
    assertEquals("Wei Chen", m.getString("contact_person"));
    assertFalse(m.containsKey("api_name"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM manufacturers WHERE api_name = 'CalinMeterApi'"));
    assertEquals(201, api.post("/api/manufacturers", "{\"name\":\"SunKing\",\"type\":\"shs\"}", t.token()).status());
    assertEquals(422, api.post("/api/manufacturers", "{\"name\":\"Odd\",\"type\":\"kettle\"}", t.token()).status());

    r = api.get("/api/manufacturers/" + calin, t.token());
    assertEquals(200, r.status(), r.body());
    m = r.obj().getJsonObject("data");
    assertFalse(m.containsKey("api_name"));
    JsonObject address = m.getJsonObject("address");
    assertEquals("sales@calin.example", address.getString("email"));
    assertEquals("Industrial Park 5", address.getString("street"));
    assertFalse(address.containsKey("owner_id"));
    assertEquals("Makers", address.getJsonObject("city").getString("name"));
    assertEquals("TZ", address.getJsonObject("city").getJsonObject("country").getString("country_code"));

    r = api.get("/api/manufacturers", t.token());
    JsonArray all = r.obj().getJsonArray("data");
    assertEquals(2, all.size());
    r = api.get("/api/manufacturers?type=shs", t.token());
    assertEquals(1, r.obj().getJsonArray("data").size());
    assertEquals("SunKing", r.obj().getJsonArray("data").getJsonObject(0).getString("name"));
    r = api.get("/api/manufacturers?per_page=1", t.token());
    assertEquals(2, r.obj().getInt("total"));
    assertEquals(2, r.obj().getInt("last_page"));
    assertEquals("Calin", r.obj().getJsonArray("data").getJsonObject(0).getString("name"));

    r = api.get("/api/manufacturers/" + calin, other.token());
    assertEquals(404, r.status());
    assertEquals("No query results for model [App\\Models\\Manufacturer] " + calin, r.message());
    assertEquals(0, api.get("/api/manufacturers", other.token()).obj().getJsonArray("data").size());
  }
}
