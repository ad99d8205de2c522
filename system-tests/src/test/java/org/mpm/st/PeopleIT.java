package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** People and their addresses: create, show, list with filters and sort, search, update, delete, isolation. */
class PeopleIT {

  static Api api;
  static Tenant a;
  static long villageA;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    a = api.registerCompany("people");
    villageA = village(api, a, "Kisiwa");
  }

  /** A cluster, mini-grid and village in the tenant; returns the village id. */
  static long village(Api api, Tenant t, String name) {
    long cluster = GeographyIT.id(api.post("/api/clusters", "{\"name\":\"C " + name + "\",\"manager_id\":1,"
        + "\"geo_json\":" + GeographyIT.AREA + "}", t.token()));
    long grid = GeographyIT.id(api.post("/api/mini-grids", "{\"name\":\"G " + name + "\",\"cluster_id\":" + cluster
        + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", t.token()));
    long tz = api.get("/api/countries/TZ", t.token()).obj().getJsonObject("data").getJsonNumber("id").longValue();
    return GeographyIT.id(api.post("/api/cities", "{\"name\":\"" + name + "\",\"mini_grid_id\":" + grid
        + ",\"country_id\":" + tz + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", t.token()));
  }

  static Resp create(Tenant t, String name, String surname, String phone, Long city) {
    return api.post("/api/people", "{\"name\":\"" + name + "\",\"surname\":\"" + surname + "\",\"phone\":\"" + phone
        + "\",\"email\":\"" + name.toLowerCase() + "@example.com\",\"street\":\"Harbour Road 7\",\"is_customer\":true,"
        + "\"gender\":\"female\",\"birth_date\":\"1990-01-01\",\"country_code\":\"TZ\""
        + (city == null ? "" : ",\"city_id\":" + city) + "}", t.token());
  }

  @Test
  void createShowUpdateDelete() {
    Resp created = create(a, "Neema", "Mushi", "+255712345001", villageA);
    assertEquals(201, created.status(), created.body());
    JsonObject p = created.obj().getJsonObject("data");
    long id = p.getJsonNumber("id").longValue();
    assertEquals("Neema", p.getString("name"));
    assertEquals("1990-01-01", p.getString("birth_date"));
    assertEquals(1, p.getInt("is_customer"));
    assertEquals("customer", p.getString("type"));
    assertFalse(p.getBoolean("is_active"));
    assertEquals(JsonValue.NULL, p.get("latest_payment"));
    JsonObject address = p.getJsonArray("addresses").getJsonObject(0);
    assertEquals("+255712345001", address.getString("phone"));
    assertEquals(1, address.getInt("is_primary"));
    assertEquals("Kisiwa", address.getJsonObject("city").getString("name"));
    assertEquals("TZ", p.getJsonObject("citizenship").getString("country_code"));

    JsonObject shown = api.get("/api/people/" + id, a.token()).obj().getJsonObject("data");
    assertEquals("Mushi", shown.getString("surname"));

    Resp updated = api.put("/api/people/" + id, "{\"name\":\"Neema Grace\"}", a.token());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Neema Grace", updated.obj().getJsonObject("data").getString("name"));
    assertEquals("Mushi", updated.obj().getJsonObject("data").getString("surname"));

    Resp deleted = api.delete("/api/people/" + id, a.token());
    assertEquals("Person deleted successfully", deleted.message());
    assertEquals(id, deleted.obj().getJsonObject("data").getJsonNumber("id").longValue());
    assertEquals(404, api.get("/api/people/" + id, a.token()).status());
  }

  @Test
  void birthDatesBefore1970AreKept() {
    Resp created = api.post("/api/people", "{\"name\":\"Mwanaisha\",\"surname\":\"Juma\",\"phone\":"
        + "\"+255712345077\",\"is_customer\":true,\"birth_date\":\"1948-07-15\"}", a.token());
    assertEquals(201, created.status(), created.body());
    long id = created.obj().getJsonObject("data").getJsonNumber("id").longValue();
    assertEquals("1948-07-15", api.get("/api/people/" + id, a.token()).obj().getJsonObject("data")
        .getString("birth_date"));
    Resp updated = api.put("/api/people/" + id, "{\"birth_date\":\"1969-12-31\"}", a.token());
    assertEquals(200, updated.status(), updated.body());
    assertEquals("1969-12-31", updated.obj().getJsonObject("data").getString("birth_date"));
    // a day no DATE column holds is still refused, and changes nothing
    Resp tooEarly = api.put("/api/people/" + id, "{\"birth_date\":\"0999-12-31\"}", a.token());
    assertEquals(422, tooEarly.status(), tooEarly.body());
    assertTrue(tooEarly.body().contains("birth date field must be a date after or equal to 1000-01-01"),
        tooEarly.body());
    assertEquals("1969-12-31", api.get("/api/people/" + id, a.token()).obj().getJsonObject("data")
        .getString("birth_date"));
  }

  @Test
  void listFiltersSortsAndPaginates() {
    Tenant t = api.registerCompany("people-list");
    long v1 = village(api, t, "Alpha");
    long v2 = village(api, t, "Beta");
    create(t, "Zawadi", "One", "+255710000101", v1);
    create(t, "Baraka", "Two", "+255710000102", v2);
    create(t, "Amani", "Three", "+255710000103", v1);
    api.post("/api/people", "{\"name\":\"Not\",\"surname\":\"Customer\"}", t.token());

    Resp page = api.get("/api/people?per_page=2", t.token());
    assertEquals(200, page.status(), page.body());
    JsonObject body = page.obj();
    assertEquals(3, body.getInt("total"), "is_customer defaults to 1");
    assertTrue(page.headers().firstValue("Server-Timing").orElse("").matches("app;dur=\\d+\\.\\d"),
        "the server's own time is reported");
    assertEquals(2, body.getInt("last_page"));
    assertEquals(2, body.getJsonArray("data").size());
    assertEquals("Amani", body.getJsonArray("data").getJsonObject(0).getString("name"), "default -created_at");

    JsonArray byName = api.get("/api/people?sort=name", t.token()).obj().getJsonArray("data");
    assertEquals("Amani", byName.getJsonObject(0).getString("name"));
    assertEquals("Zawadi", byName.getJsonObject(2).getString("name"));
    assertEquals("Zawadi", api.get("/api/people?sort=-name", t.token()).obj().getJsonArray("data").getJsonObject(0)
        .getString("name"));
    assertEquals(2, api.get("/api/people?city_id=" + v1, t.token()).obj().getInt("total"));
    assertEquals(1, api.get("/api/people?is_customer=0", t.token()).obj().getInt("total"));
    assertEquals(0, api.get("/api/people?registration_to=2000-01-01", t.token()).obj().getInt("total"));

    Resp badSort = api.get("/api/people?sort=surname", t.token());
    assertEquals(400, badSort.status());
    assertEquals("Requested sort(s) `surname` is not allowed. Allowed sort(s) are `id, created_at, name, agent, city,"
        + " device`.", badSort.message());
    assertEquals(422, api.get("/api/people?registration_from=yesterday", t.token()).status());
  }

  @Test
  void searchByNameSurnameAndPhonePrefix() {
    Tenant t = api.registerCompany("people-search");
    create(t, "Rehema", "Kweka", "+255788111222", null);
    create(t, "Juma", "Rashidi", "+255766000333", null);
    for (String term : new String[] {"Reh", "Kwe", "255788", "+255788"}) {
      JsonArray hits = api.get("/api/people/search?term=" + term.replace("+", "%2B"), t.token()).obj()
          .getJsonArray("data");
      assertEquals(1, hits.size(), term);
      assertEquals("Rehema", hits.getJsonObject(0).getString("name"), term);
    }
    Resp paged = api.get("/api/people/search?term=255&paginate=1&per_page=1", t.token());
    assertEquals(2, paged.obj().getInt("total"));
    assertEquals(1, paged.obj().getJsonArray("data").size());
    assertEquals("{\"data\":[]}", api.get("/api/people/search?term=%25", t.token()).body(), "% is not a wildcard");
  }

  @Test
  void addressesOfAPerson() {
    long id = create(a, "Halima", "Said", "+255712345002", villageA).obj().getJsonObject("data")
        .getJsonNumber("id").longValue();
    Resp added = api.post("/api/people/" + id + "/addresses", "{\"phone\":\"+255712345099\",\"street\":\"Market 2\","
        + "\"city_id\":" + villageA + "}", a.token());
    assertEquals(201, added.status(), added.body());
    long second = added.obj().getJsonObject("data").getJsonNumber("id").longValue();
    assertEquals(0, added.obj().getJsonObject("data").getInt("is_primary"));
    Resp updated = api.put("/api/people/" + id + "/addresses", "{\"id\":" + second + ",\"street\":\"Market 3\"}",
        a.token());
    assertEquals("Market 3", updated.obj().getJsonObject("data").getString("street"));
    JsonArray list = api.get("/api/people/" + id + "/addresses", a.token()).obj().getJsonArray("data");
    assertEquals(2, list.size());
    long primary = list.getJsonObject(1).getJsonNumber("id").longValue();
    assertEquals(1, list.getJsonObject(1).getInt("is_primary"), "primary last");
    assertEquals(422, api.delete("/api/people/" + id + "/addresses/" + primary, a.token()).status());
    assertEquals(200, api.delete("/api/people/" + id + "/addresses/" + second, a.token()).status());
    assertEquals(1, api.get("/api/people/" + id + "/addresses", a.token()).obj().getJsonArray("data").size());
  }

  @Test
  void phonesAreInInternationalFormAndStoredInE164() {
    Resp national = create(a, "Pendo", "Simu", "07130007780", villageA);
    assertEquals(422, national.status(), national.body());
    assertEquals("[\"The phone field must be a valid number.\"]",
        national.obj().getJsonObject("errors").getJsonArray("phone").toString());
    assertEquals(422, create(a, "Pendo", "Simu", "+255 123 456 789 0", villageA).status(), "no such number");
    Resp spaced = create(a, "Pendo", "Simu", "+255 713 000 555", villageA);
    assertEquals(201, spaced.status(), spaced.body());
    JsonObject p = spaced.obj().getJsonObject("data");
    assertEquals("+255713000555", p.getJsonArray("addresses").getJsonObject(0).getString("phone"));
    long id = p.getJsonNumber("id").longValue();
    assertEquals(422, api.put("/api/people/" + id, "{\"phone\":\"07130005560\"}", a.token()).status());

    Resp added = api.post("/api/people/" + id + "/addresses", "{\"phone\":\"0713000556\",\"city_id\":" + villageA
        + "}", a.token());
    assertEquals(422, added.status());
    assertEquals("The phone field must be a valid number.", added.message());
    long address = p.getJsonArray("addresses").getJsonObject(0).getJsonNumber("id").longValue();
    assertEquals(422, api.put("/api/people/" + id + "/addresses", "{\"id\":" + address + ",\"phone\":\"12345\"}",
        a.token()).status());
    assertEquals(422, api.put("/api/addresses/" + address, "{\"phone\":\"+1 23\"}", a.token()).status());
    Resp changed = api.put("/api/addresses/" + address, "{\"phone\":\"+255-713-000-557\"}", a.token());
    assertEquals(200, changed.status(), changed.body());
    assertEquals("+255713000557", changed.obj().getJsonObject("data").getString("phone"));
    JsonArray search = api.get("/api/people/search?term=%2B255713000557", a.token()).obj().getJsonArray("data");
    assertEquals(1, search.size(), "found by the number as stored");
  }

  @Test
  void badInputIs422AndWritesNothing() {
    Tenant t = api.registerCompany("people-bad");
    Resp r = api.post("/api/people", "{\"name\":\"N\",\"email\":\"nope\",\"phone\":\"123\",\"street\":\"x\"}",
        t.token());
    assertEquals(422, r.status());
    assertEquals("The name field must be at least 2 characters. (and 4 more errors)", r.message());
    Resp city = api.post("/api/people", "{\"name\":\"Nuru\",\"surname\":\"Ali\",\"city_id\":" + villageA + "}",
        t.token());
    assertEquals(422, city.status(), "another company's village id is unknown here");
    assertEquals("[\"The selected city id is invalid.\"]",
        city.obj().getJsonObject("errors").getJsonArray("city_id").toString());
    assertEquals(0, api.get("/api/people?is_customer=0", t.token()).obj().getInt("total"));
    String regular = api.login("demo_company_regular_user@example.com", "123123");
    assertEquals(200, api.get("/api/people", regular).status(), "customers permission");
    String owner = t.token();
    assertEquals(404, api.get("/api/people/999999", owner).status());
  }

  @Test
  void anotherCompanyNeverSeesThePeople() {
    Tenant b = api.registerCompany("people-b");
    long id = create(a, "Siri", "Kubwa", "+255712399999", villageA).obj().getJsonObject("data")
        .getJsonNumber("id").longValue();
    assertEquals(404, api.get("/api/people/" + id, b.token()).status());
    assertEquals(404, api.put("/api/people/" + id, "{\"name\":\"Hijack\"}", b.token()).status());
    assertEquals(404, api.delete("/api/people/" + id, b.token()).status());
    assertEquals(404, api.get("/api/people/" + id + "/addresses", b.token()).status());
    assertEquals("{\"data\":[]}", api.get("/api/people/search?term=Siri", b.token()).body());
    assertEquals("{\"data\":[]}", api.get("/api/people/search?term=255712399", b.token()).body());
    assertTrue(api.get("/api/people?per_page=100", b.token()).obj().getJsonArray("data").isEmpty());
    assertEquals("Siri", api.get("/api/people/" + id, a.token()).obj().getJsonObject("data").getString("name"));
  }
}
