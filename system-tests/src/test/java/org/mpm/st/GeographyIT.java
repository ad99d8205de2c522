package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Countries, clusters, mini-grids and villages: routes, validation, delete guards, demo data and isolation. */
class GeographyIT {

  static Api api;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
  }

  static String point(double lng, double lat) {
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lng + "," + lat
        + "]},\"properties\":[]}";
  }

  static final String AREA = "{\"type\":\"Feature\",\"properties\":{\"name\":\"North\"},\"geometry\":{\"type\":"
      + "\"Polygon\",\"coordinates\":[[[39.1,-7.1],[39.2,-7.1],[39.2,-7.2],[39.1,-7.1]]]}}";

  static long id(Resp r) {
    return r.obj().getJsonObject("data").getJsonNumber("id").longValue();
  }

  @Test
  void demoCompanyHasMpmsGeography() {
    String token = api.login("demo_company_admin@example.com", "123123");
    JsonArray clusters = api.get("/api/clusters", token).obj().getJsonArray("data");
    assertEquals(2, clusters.size());
    assertEquals("Cluster Mafia Island", clusters.getJsonObject(0).getString("name"));
    assertEquals(2, clusters.getJsonObject(0).getJsonArray("mini_grids").size());
    assertEquals(3, clusters.getJsonObject(1).getJsonArray("mini_grids").size());
    assertEquals("Polygon", clusters.getJsonObject(1).getJsonObject("geo_json").getJsonObject("geometry")
        .getString("type"));
    JsonArray cities = api.get("/api/cities", token).obj().getJsonArray("data");
    assertEquals(5, cities.size());
    JsonObject mafia = cities.getJsonObject(0);
    assertEquals("Mafia Village", mafia.getString("name"));
    assertEquals("[39.754433,-7.873645]", mafia.getJsonObject("location").getJsonObject("geo_json")
        .getJsonObject("geometry").getJsonArray("coordinates").toString(), "GeoJSON is [longitude, latitude]");
    assertEquals("Cluster Mafia Island", mafia.getJsonObject("mini_grid").getJsonObject("cluster").getString("name"));
    assertEquals("TZ", mafia.getJsonObject("country").getString("country_code"));
    assertEquals(200, api.post("/api/auth/login", "{\"email\":\"demo_company_cluster_admin@example.com\","
        + "\"password\":\"123123\"}", null).status());
    assertTrue(api.get("/api/countries", token).obj().getJsonArray("data").size() > 240);
    assertEquals("Tanzania", api.get("/api/countries/TZ", token).obj().getJsonObject("data").getString("country_name"));
    assertEquals(404, api.get("/api/countries/XX", token).status());
    Resp people = api.get("/api/people?per_page=50&city_id=" + mafia.getInt("id"), token);
    assertEquals(50, people.obj().getInt("total"), "50 demo customers per village");
    assertEquals(250, api.get("/api/people", token).obj().getInt("total"));
    assertEquals("Mafia Village", people.obj().getJsonArray("data").getJsonObject(0).getJsonArray("addresses")
        .getJsonObject(0).getJsonObject("city").getString("name"));
  }

  @Test
  void demoCompanyHasMpmsDevicesAndTariffs() {
    String token = api.login("demo_company_admin@example.com", "123123");
    Resp meters = api.get("/api/meters?per_page=15", token);
    assertEquals(250, meters.obj().getInt("total"), "one meter per demo customer");
    JsonObject first = meters.obj().getJsonArray("data").getJsonObject(0);
    assertEquals("4700000001", first.getString("serial_number"));
    assertEquals(1, first.getInt("in_use"));
    assertEquals("Simple Tariff", first.getJsonObject("tariff").getString("name"));

    JsonArray tariffs = api.get("/api/tariffs", token).obj().getJsonArray("data");
    assertEquals(2, tariffs.size());
    assertEquals("Simple Tariff", tariffs.getJsonObject(0).getString("name"));
    assertEquals(250.0, tariffs.getJsonObject(0).getJsonNumber("price").doubleValue());
    assertEquals("TZS", tariffs.getJsonObject(0).getString("currency"));
    JsonObject accessRated = tariffs.getJsonObject(1);
    assertEquals("Tariff with monthly Access Rate", accessRated.getString("name"));
    assertEquals(150.0, accessRated.getJsonNumber("price").doubleValue());
    assertEquals(1000.0, accessRated.getJsonObject("access_rate").getJsonNumber("amount").doubleValue());
    assertEquals(30, accessRated.getJsonObject("access_rate").getInt("period"));

    JsonArray types = api.get("/api/connection-types", token).obj().getJsonArray("data");
    assertEquals("[\"Household\",\"Institutional\",\"Commercial\",\"Productive Use / Industrial\",\"Not Specified\"]",
        types.stream().map(t -> t.asJsonObject().get("name")).toList().toString().replace(", ", ","));
    JsonArray groups = api.get("/api/connection-groups", token).obj().getJsonArray("data");
    assertEquals(8, groups.size());
    assertEquals("Pilot Mini-grid A (Lakeview)", groups.getJsonObject(0).getString("name"));
    assertEquals(27, api.get("/api/sub-connection-types", token).obj().getJsonArray("data").size());
    JsonArray makers = api.get("/api/manufacturers", token).obj().getJsonArray("data");
    assertEquals("Demo Meter Manufacturer,Demo SHS Manufacturer,Demo E-bike Manufacturer",
        String.join(",", makers.stream().map(m -> m.asJsonObject().getString("name")).toList()));

    JsonArray devices = api.get("/api/people/1", token).obj().getJsonObject("data").getJsonArray("devices");
    assertEquals(3, devices.size(), "customer 1 has a meter, an SHS and an e-bike: " + devices);
    assertEquals("meter", devices.getJsonObject(0).getString("device_type"));
    assertEquals("4700000001", devices.getJsonObject(0).getString("device_serial"));
    assertEquals("device", devices.getJsonObject(0).getJsonObject("geo").getString("owner_type"));
    JsonObject shs = devices.getJsonObject(1);
    assertEquals("solar_home_system", shs.getString("device_type"));
    assertEquals("4800000001", shs.getString("device_serial"));
    assertEquals("e_bike", devices.getJsonObject(2).getString("device_type"));
    assertEquals(1, api.get("/api/people/2", token).obj().getJsonObject("data").getJsonArray("devices").size(),
        "customer 2 only has a meter");
    assertEquals(94, api.get("/api/solar-home-systems?per_page=1", token).obj().getInt("total"), "84 sold + 10 unsold");
    assertEquals(68, api.get("/api/e-bikes?per_page=1", token).obj().getInt("total"), "63 assigned + 5 unassigned");

    // The SHS is sold on installment in the demo: its daily price is its plan's (each installment sets it).
    long shsId = shs.getJsonNumber("id").longValue();
    double dailyPrice = api.get("/api/devices/" + shsId + "/openpaygo", token).obj().getJsonObject("data")
        .getJsonNumber("daily_price").doubleValue();
    Resp t = api.post("/api/devices/" + shsId + "/token", "{\"amount\":1000,\"unit\":\"currency\"}", token);
    assertEquals(201, t.status(), t.body());
    JsonObject tok = t.obj().getJsonObject("data");
    assertEquals("days", tok.getString("token_unit"));
    assertEquals(Math.ceil(1000 / dailyPrice), tok.getJsonNumber("token_amount").doubleValue(),
        "1000 TZS at " + dailyPrice + " TZS a day");
    assertTrue(tok.getString("token").matches("\\d{9}"), tok.toString());
  }

  @Test
  void hierarchyLifecycleWithDeleteGuards() {
    Tenant t = api.registerCompany("geo");
    String tok = t.token();
    Resp cluster = api.post("/api/clusters", "{\"name\":\"North\",\"manager_id\":1,\"geo_json\":" + AREA + "}", tok);
    assertEquals(201, cluster.status(), cluster.body());
    long clusterId = id(cluster);
    Resp grid = api.post("/api/mini-grids", "{\"name\":\"Grid One\",\"cluster_id\":" + clusterId + ",\"geo_json\":"
        + point(39.15, -7.15) + "}", tok);
    assertEquals(201, grid.status(), grid.body());
    long gridId = id(grid);
    JsonObject location = grid.obj().getJsonObject("data").getJsonObject("location");
    assertEquals("mini-grid", location.getString("owner_type"));
    assertEquals("{}", location.getJsonObject("geo_json").getJsonObject("properties").toString());
    long tz = api.get("/api/countries/TZ", tok).obj().getJsonObject("data").getJsonNumber("id").longValue();
    Resp village = api.post("/api/cities", "{\"name\":\"Kijiji\",\"mini_grid_id\":" + gridId + ",\"country_id\":" + tz
        + ",\"geo_json\":" + point(39.16, -7.16) + "}", tok);
    assertEquals(201, village.status(), village.body());
    long villageId = id(village);

    JsonObject shown = api.get("/api/cities/" + villageId + "?relation=1", tok).obj().getJsonObject("data");
    assertEquals("city", shown.getJsonObject("location").getString("owner_type"));
    assertEquals("TZ", shown.getJsonObject("country").getString("country_code"));
    assertFalse(api.get("/api/cities/" + villageId, tok).obj().getJsonObject("data").containsKey("location"));

    Resp moved = api.put("/api/mini-grids/" + gridId, "{\"name\":\"Grid Uno\",\"geo_json\":" + point(39.17, -7.17)
        + "}", tok);
    assertEquals(200, moved.status(), moved.body());
    JsonObject movedLocation = moved.obj().getJsonObject("data").getJsonObject("location");
    assertEquals(location.getInt("id"), movedLocation.getInt("id"), "the location is updated in place");
    assertEquals("[39.17,-7.17]", movedLocation.getJsonObject("geo_json").getJsonObject("geometry")
        .getJsonArray("coordinates").toString());
    assertEquals("{\"data\":{\"geo_json\":" + AREA.replace(" ", "") + "}}",
        api.get("/api/clusters/" + clusterId + "/geo", tok).body().replace(" ", ""));

    Resp clusterBlocked = api.delete("/api/clusters/" + clusterId, tok);
    assertEquals(422, clusterBlocked.status());
    assertEquals("Cluster cannot be deleted while it still has mini-grids. Delete the mini-grids first.",
        clusterBlocked.message());
    Resp gridBlocked = api.delete("/api/mini-grids/" + gridId, tok);
    assertEquals(422, gridBlocked.status());
    assertEquals("Mini-grid cannot be deleted while it still has villages. Delete the villages first.",
        gridBlocked.message());

    assertEquals("{\"message\":\"Village deleted.\"}", api.delete("/api/cities/" + villageId, tok).body());
    assertEquals(404, api.get("/api/cities/" + villageId, tok).status());
    assertEquals("{\"message\":\"Mini-grid deleted.\"}", api.delete("/api/mini-grids/" + gridId, tok).body());
    assertEquals("{\"message\":\"Cluster deleted.\"}", api.delete("/api/clusters/" + clusterId, tok).body());
    assertEquals("{\"data\":[]}", api.get("/api/clusters", tok).body());
    assertEquals(404, api.get("/api/clusters/" + clusterId, tok).status());
  }

  @Test
  void badInputIs422AndWritesNothing() {
    Tenant t = api.registerCompany("geo-bad");
    String tok = t.token();
    Resp missing = api.post("/api/clusters", "{}", tok);
    assertEquals(422, missing.status());
    assertEquals("The name field is required. (and 2 more errors)", missing.message());
    assertEquals(422, api.post("/api/clusters", "{\"name\":\"X\",\"manager_id\":999,\"geo_json\":" + AREA + "}", tok)
        .status(), "a manager that is not a user of this company");
    long clusterId = id(api.post("/api/clusters", "{\"name\":\"Ok\",\"manager_id\":1,\"geo_json\":" + AREA + "}", tok));

    Resp notPoint = api.post("/api/mini-grids", "{\"name\":\"Grid\",\"cluster_id\":" + clusterId
        + ",\"geo_json\":" + AREA + "}", tok);
    assertEquals(422, notPoint.status());
    assertEquals("The geo json field must be a GeoJSON Feature with a Point geometry.", notPoint.message());
    Resp outOfRange = api.post("/api/mini-grids", "{\"name\":\"Grid\",\"cluster_id\":" + clusterId
        + ",\"geo_json\":" + point(200, 10) + "}", tok);
    assertEquals("The geo json field coordinates are out of range.", outOfRange.message());
    assertEquals(422, api.post("/api/mini-grids", "{\"name\":\"Gr\",\"cluster_id\":" + clusterId + ",\"geo_json\":"
        + point(39, -7) + "}", tok).status(), "name min 3");
    assertEquals(422, api.post("/api/mini-grids", "{\"name\":\"Grid\",\"cluster_id\":12345,\"geo_json\":"
        + point(39, -7) + "}", tok).status(), "unknown cluster");
    Resp villageNoGrid = api.post("/api/cities", "{\"name\":\"V\",\"mini_grid_id\":12345,\"country_id\":1,\"geo_json\":"
        + point(39, -7) + "}", tok);
    assertEquals(422, villageNoGrid.status());
    assertEquals("[\"The selected mini grid id is invalid.\"]",
        villageNoGrid.obj().getJsonObject("errors").getJsonArray("mini_grid_id").toString());
    assertEquals("{\"data\":[]}", api.get("/api/mini-grids", tok).body());
    assertEquals("{\"data\":[]}", api.get("/api/cities", tok).body());

    String regular = api.login("demo_company_regular_user@example.com", "123123");
    assertEquals(403, api.post("/api/clusters", "{\"name\":\"X\",\"manager_id\":1,\"geo_json\":" + AREA + "}", regular)
        .status());
    assertEquals(200, api.get("/api/clusters", regular).status(), "reading needs no permission");
  }

  @Test
  void anotherCompanyCannotReadOrChangeTheHierarchy() {
    Tenant a = api.registerCompany("geo-a");
    Tenant b = api.registerCompany("geo-b");
    long clusterId = id(api.post("/api/clusters", "{\"name\":\"A only\",\"manager_id\":1,\"geo_json\":" + AREA + "}",
        a.token()));
    long gridId = id(api.post("/api/mini-grids", "{\"name\":\"A grid\",\"cluster_id\":" + clusterId + ",\"geo_json\":"
        + point(39, -7) + "}", a.token()));
    assertEquals(404, api.get("/api/clusters/" + clusterId, b.token()).status());
    assertEquals(404, api.put("/api/clusters/" + clusterId, "{\"name\":\"Hijack\"}", b.token()).status());
    assertEquals(404, api.delete("/api/clusters/" + clusterId, b.token()).status());
    assertEquals(404, api.get("/api/mini-grids/" + gridId, b.token()).status());
    assertEquals(404, api.delete("/api/mini-grids/" + gridId, b.token()).status());
    assertEquals(422, api.post("/api/mini-grids", "{\"name\":\"B grid\",\"cluster_id\":" + clusterId
        + ",\"geo_json\":" + point(39, -7) + "}", b.token()).status(), "A's cluster id is unknown to B");
    assertFalse(api.get("/api/clusters", b.token()).body().contains("A only"));
    assertFalse(api.get("/api/mini-grids?per_page=50", b.token()).body().contains("A grid"));
    assertEquals("A only", api.get("/api/clusters/" + clusterId, a.token()).obj().getJsonObject("data")
        .getString("name"));
  }
}
