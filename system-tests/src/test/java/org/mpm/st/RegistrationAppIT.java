package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** The customer-registration app: its lists (aliases of the main ones) and registering a customer with a meter. */
class RegistrationAppIT {

  static final String CRA = "/api/customer-registration-app";

  static Api api;
  static Tenant t;
  static Tenant other;
  static long village;
  static long tariff;
  static long maker;
  static long meterType;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    PeopleIT.api = api;
    t = api.registerCompany("registration-app");
    other = api.registerCompany("registration-app-b");
    village = PeopleIT.village(api, t, "Usajili");
    tariff = GeographyIT.id(api.post("/api/tariffs", "{\"name\":\"Registration\",\"price\":250,\"currency\":"
        + "\"TZS\",\"factor\":1,\"minimum_purchase_amount\":0}", t.token()));
    maker = GeographyIT.id(api.post("/api/manufacturers", "{\"name\":\"Registration Meters\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token()));
    meterType = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        t.token()));
  }

  static String form(String phone, String serial) {
    return "{\"name\":\"Amina\",\"surname\":\"Usajili\",\"phone\":\"" + phone + "\",\"tariff_id\":" + tariff
        + ",\"geo_points\":\"-6.9,39.1\",\"serial_number\":\"" + serial + "\",\"manufacturer\":" + maker
        + ",\"meter_type\":" + meterType + ",\"city_id\":" + village + "}";
  }

  @Test
  void theListsAreThoseOfTheMainRoutes() {
    for (String list : new String[] {"people", "manufacturers", "meter-types", "tariffs", "cities",
        "connection-groups", "connection-types", "sub-connection-types"}) {
      Resp alias = api.get(CRA + "/" + list, t.token());
      assertEquals(200, alias.status(), list + ": " + alias.body());
      String main = api.get("/api/" + list, t.token()).body();
      assertEquals(main, alias.body().replace("/api/customer-registration-app/", "/api/"), list);
      assertEquals(401, api.get(CRA + "/" + list, null).status(), list);
    }
    assertTrue(api.get(CRA + "/tariffs", t.token()).body().contains("\"Registration\""));
    assertTrue(api.get(CRA + "/cities", t.token()).body().contains("\"Usajili\""));
    assertFalse(api.get(CRA + "/tariffs", other.token()).body().contains("\"Registration\""));
    Resp page = api.get(CRA + "/cities?limit=1", t.token());
    assertEquals(1, page.obj().getInt("per_page"), page.body());
  }

  @Test
  void aCustomerIsRegisteredWithItsMeter() throws Exception {
    Resp bad = api.post(CRA, "{}", t.token());
    assertEquals(422, bad.status(), bad.body());
    JsonObject errors = bad.obj().getJsonObject("errors");
    for (String field : new String[] {"name", "surname", "phone", "tariff_id", "geo_points", "serial_number",
        "manufacturer", "meter_type"}) {
      assertTrue(errors.containsKey(field), field + " in " + bad.body());
    }
    assertEquals(422, api.post(CRA, form("255714200001", "CRA-1"), t.token()).status(), "a phone starts with +");
    Resp unknownMaker = api.post(CRA, form("+255714200001", "CRA-1").replace("\"manufacturer\":" + maker,
        "\"manufacturer\":99999"), t.token());
    assertEquals(422, unknownMaker.status(), unknownMaker.body());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM meters WHERE serial_number = 'CRA-1'"));
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM addresses WHERE phone = '+255714200001'"));

    Resp made = api.post(CRA, form("+255714200001", "CRA-1"), t.token());
    assertEquals(201, made.status(), made.body());
    long person = GeographyIT.id(made);
    assertEquals(1, made.obj().getJsonObject("data").getInt("is_customer"));
    assertEquals(person, Db.count(t, "SELECT person_id FROM devices WHERE device_serial = 'CRA-1'"));
    assertEquals(1, Db.count(t, "SELECT in_use FROM meters WHERE serial_number = 'CRA-1'"));
    assertEquals(1, Db.count(t, "SELECT COUNT(*) FROM addresses a JOIN geographical_informations g"
        + " ON g.owner_type = 'address' AND g.owner_id = a.id WHERE a.owner_type = 'person' AND a.owner_id = "
        + person + " AND a.city_id = " + village + " AND g.geo_json LIKE '%39.1,-6.9%'"));

    long people = Db.count(t, "SELECT COUNT(*) FROM people");
    Resp second = api.post(CRA, form("+255714200001", "CRA-2"), t.token());
    assertEquals(201, second.status(), second.body());
    assertEquals(person, GeographyIT.id(second), "the customer with the phone gets the meter");
    assertEquals(people, Db.count(t, "SELECT COUNT(*) FROM people"));

    Resp taken = api.post(CRA, form("+255714200009", "CRA-1"), t.token());
    assertEquals(422, taken.status(), taken.body());
    assertTrue(taken.obj().getJsonObject("errors").containsKey("serial_number"), taken.body());
    assertEquals(0, Db.count(t, "SELECT COUNT(*) FROM addresses WHERE phone = '+255714200009'"));
    assertEquals(404, api.get("/api/people/" + person, other.token()).status());
    assertEquals(0, Db.count(other, "SELECT COUNT(*) FROM meters WHERE serial_number LIKE 'CRA-%'"));
  }
}
