package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The map defaults (GET and PUT /api/map-settings) and the check of a Bing Maps key against the suite's Bing
 * simulator: valid, refused, and Bing unreachable, too slow, hanging up or failing.
 */
class MapSettingsIT {

  static final List<String> KEYS = List.of("id", "zoom", "latitude", "longitude", "provider", "created_at",
      "updated_at");
  static final String ROW = "SELECT CONCAT_WS('|', id, zoom, latitude, longitude, IFNULL(provider, 'null'))"
      + " FROM map_settings ORDER BY id";
  static final String UNREACHABLE = "{\"message\":\"Bing Maps could not be reached to check the key.\"}";

  static Api api;
  static Tenant t;
  static Tenant other;
  static String clerk;
  static BingSimulator bing;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    bing = TestServer.get().bing();
    t = api.registerCompany("maps");
    other = api.registerCompany("maps-b");
    clerk = api.userWithRole(t, "user");
  }

  static String rows(Tenant tenant) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = Db.tenant(tenant); PreparedStatement s = c.prepareStatement(ROW);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }

  static JsonArray list(String token) {
    Resp r = api.get("/api/map-settings", token);
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data");
  }

  static String key() {
    return "Ak" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void newCompanyHasMpmsMapDefaults() {
    JsonArray all = list(t.token());
    assertEquals(1, all.size());
    JsonObject m = all.getJsonObject(0);
    assertEquals(KEYS, List.copyOf(m.keySet()));
    assertEquals(1, m.getInt("id"));
    assertEquals(7, m.getInt("zoom"));
    assertEquals(-2.50038, m.getJsonNumber("latitude").doubleValue());
    assertEquals(32.88906, m.getJsonNumber("longitude").doubleValue());
    assertTrue(m.isNull("provider"));
    // Any user of the company reads them: every map of the console opens on them.
    assertEquals(all, list(clerk));
  }

  @Test
  void savedAsTheConsoleSendsThem() throws Exception {
    Tenant fresh = api.registerCompany("maps-save");
    Resp r = api.put("/api/map-settings/1", "{\"id\":1,\"zoom\":\"9\",\"latitude\":\"-7.916\",\"longitude\":\"39.665\","
        + "\"provider\":\"Open Street Map\"}", fresh.token());
    assertEquals(200, r.status(), r.body());
    JsonArray data = r.obj().getJsonArray("data");
    assertEquals(1, data.size());
    JsonObject m = data.getJsonObject(0);
    assertEquals(KEYS, List.copyOf(m.keySet()));
    assertEquals(9, m.getInt("zoom"));
    assertEquals(-7.916, m.getJsonNumber("latitude").doubleValue());
    assertEquals("Open Street Map", m.getString("provider"));
    assertEquals(data, list(fresh.token()));
    assertEquals("1|9|-7.916|39.665|Open Street Map\n", rows(fresh));
    // As MPM: the provider left out is written empty.
    Resp noProvider = api.put("/api/map-settings/1", "{\"zoom\":20,\"latitude\":0,\"longitude\":-180}",
        fresh.token());
    assertEquals(200, noProvider.status(), noProvider.body());
    assertEquals("1|20|0|-180|null\n", rows(fresh));
  }

  @Test
  void invalidValuesAre422AndChangeNothing() throws Exception {
    String before = rows(t);
    String valid = "\"zoom\":7,\"latitude\":-2.5,\"longitude\":32.9";
    Map<String, String[]> cases = Map.of(
        "{\"zoom\":21,\"latitude\":1,\"longitude\":1}",
        new String[] {"zoom", "The zoom field must not be greater than 20."},
        "{\"zoom\":-1,\"latitude\":1,\"longitude\":1}", new String[] {"zoom", "The zoom field must be at least 0."},
        "{\"latitude\":1,\"longitude\":1}", new String[] {"zoom", "The zoom field is required."},
        "{\"zoom\":7.5,\"latitude\":1,\"longitude\":1}", new String[] {"zoom", "The zoom field must be an integer."},
        "{\"zoom\":7,\"latitude\":91,\"longitude\":1}",
        new String[] {"latitude", "The latitude field must be a latitude between -90 and 90."},
        "{\"zoom\":7,\"latitude\":1,\"longitude\":\"east\"}",
        new String[] {"longitude", "The longitude field must be a longitude between -180 and 180."},
        "{" + valid + ",\"provider\":\"Google Maps\"}",
        new String[] {"provider", "The selected provider is invalid."});
    cases.forEach((body, expected) -> {
      Resp r = api.put("/api/map-settings/1", body, t.token());
      assertEquals(422, r.status(), body + " " + r.body());
      assertEquals("{\"message\":\"" + expected[1] + "\",\"errors\":{\"" + expected[0] + "\":[\"" + expected[1]
          + "\"]}}", r.body(), body);
    });
    // One row per company: another id is not found, whatever the body.
    for (String id : List.of("2", "0", "abc", "99999999999")) {
      Resp r = api.put("/api/map-settings/" + id, "{" + valid + "}", t.token());
      assertEquals(404, r.status(), id + " " + r.body());
      assertEquals("No query results for model [App\\Models\\MapSettings] " + id, r.message());
    }
    assertEquals(before, rows(t));
  }

  @Test
  void aCompanyWithoutMapSettingsGetsThemWithTheIdSent() throws Exception {
    Tenant fresh = api.registerCompany("maps-none");
    Db.exec(fresh, "DELETE FROM map_settings");
    assertEquals("{\"data\":[]}", api.get("/api/map-settings", fresh.token()).body());
    Resp r = api.put("/api/map-settings/5", "{\"zoom\":6,\"latitude\":-6.1,\"longitude\":39.2}", fresh.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(5, r.obj().getJsonArray("data").getJsonObject(0).getInt("id"));
    assertEquals("5|6|-6.1|39.2|null\n", rows(fresh));
  }

  @Test
  void onlyTheSettingsPermissionChangesThemOrChecksAKey() throws Exception {
    String before = rows(t);
    Resp put = api.put("/api/map-settings/1", "{\"zoom\":3,\"latitude\":1,\"longitude\":1}", clerk);
    assertEquals(403, put.status());
    assertEquals("{\"message\":\"User does not have the right permissions.\"}", put.body());
    assertEquals(403, api.get("/api/map-settings/key/" + key(), clerk).status());
    assertEquals(401, api.get("/api/map-settings", null).status());
    assertEquals(401, api.put("/api/map-settings/1", "{\"zoom\":3,\"latitude\":1,\"longitude\":1}", null).status());
    assertEquals(401, api.get("/api/map-settings/key/" + key(), null).status());
    assertEquals(before, rows(t));
  }

  @Test
  void eachCompanyChangesOnlyItsOwnRow() throws Exception {
    Tenant a = api.registerCompany("maps-iso-a");
    Tenant b = api.registerCompany("maps-iso-b");
    String rowB = rows(b);
    assertEquals(200, api.put("/api/map-settings/1", "{\"zoom\":12,\"latitude\":-5.2,\"longitude\":39.8,"
        + "\"provider\":\"Bing Maps\"}", a.token()).status());
    assertEquals(12, list(a.token()).getJsonObject(0).getInt("zoom"));
    assertEquals(7, list(b.token()).getJsonObject(0).getInt("zoom"));
    assertEquals(rowB, rows(b));
  }

  @Test
  void bingSaysWhetherAKeyIsValid() {
    String key = key();
    bing.accept(key);
    Resp valid = api.get("/api/map-settings/key/" + key, t.token());
    assertEquals(200, valid.status(), valid.body());
    assertEquals("{\"data\":{\"authentication\":true}}", valid.body());
    assertTrue(bing.requests().contains("/REST/v1/Imagery/Metadata/Aerial?key=" + key), bing.requests().toString());

    Resp refused = api.get("/api/map-settings/key/" + key(), t.token());
    assertEquals(200, refused.status(), refused.body());
    assertEquals("{\"data\":{\"authentication\":false}}", refused.body());

    for (String bad : List.of("not%20a%20key", "key%3Fwith%26query", "%C3%A9t%C3%A9")) {
      Resp r = api.get("/api/map-settings/key/" + bad, t.token());
      assertEquals(422, r.status(), bad + " " + r.body());
      assertEquals("{\"message\":\"The key field format is invalid.\",\"errors\":{\"key\":"
          + "[\"The key field format is invalid.\"]}}", r.body());
    }
    Resp tooLong = api.get("/api/map-settings/key/" + "x".repeat(192), t.token());
    assertEquals(422, tooLong.status());
    assertEquals("The key field must not be greater than 191 characters.", tooLong.message());
    assertTrue(bing.requests().stream().noneMatch(q -> q.contains("xxxxxxxx") || q.contains("query")),
        "bad keys never reach Bing: " + bing.requests());
  }

  @Test
  void bingOutOfReachIsA502() throws Exception {
    for (String fault : List.of(BingSimulator.HANG_UP, BingSimulator.FAILING)) {
      Resp r = api.get("/api/map-settings/key/" + fault, t.token());
      assertEquals(502, r.status(), fault + " " + r.body());
      assertEquals(UNREACHABLE, r.body());
    }
    // Slower than the configured timeout (2 s): the server gives up instead of waiting.
    long start = System.nanoTime();
    Resp slow = api.get("/api/map-settings/key/" + BingSimulator.SLOW, t.token());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(502, slow.status(), slow.body());
    assertEquals(UNREACHABLE, slow.body());
    assertTrue(millis < BingSimulator.SLOW_MILLIS, "answered after " + millis + " ms");

    String key = key();
    bing.accept(key);
    bing.stop();
    try {
      Resp down = api.get("/api/map-settings/key/" + key, t.token());
      assertEquals(502, down.status(), down.body());
      assertEquals(UNREACHABLE, down.body());
      // The settings themselves do not depend on Bing.
      assertEquals(1, list(t.token()).size());
    } finally {
      bing.restart();
    }
    assertEquals("{\"data\":{\"authentication\":true}}", api.get("/api/map-settings/key/" + key, t.token()).body());
  }
}
