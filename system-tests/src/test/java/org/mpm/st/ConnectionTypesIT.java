package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Connection groups, connection types and sub-connection types, and another company's ids. */
class ConnectionTypesIT {

  static Api api;
  static Tenant t;
  static Tenant other;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    TariffsIT.api = api;
    t = api.registerCompany("connections");
    other = api.registerCompany("connections-b");
  }

  @Test
  void connectionGroups() throws Exception {
    Resp list = api.get("/api/connection-groups", t.token());
    assertEquals(200, list.status());
    JsonObject first = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals(1, first.getInt("id"));
    assertEquals("default connection group", first.getString("name"));

    Resp created = api.post("/api/connection-groups", "{\"name\":\"Shops\"}", t.token());
    assertEquals(201, created.status(), created.body());
    JsonObject g = created.obj().getJsonObject("data");
    assertEquals("[name, updated_at, created_at, id]", g.keySet().toString());
    long id = g.getJsonNumber("id").longValue();
    assertEquals("Shops", g.getString("name"));

    Resp page = api.get("/api/connection-groups?per_page=1&page=2", t.token());
    assertEquals(200, page.status());
    assertEquals(2, page.obj().getInt("current_page"));
    assertEquals(count(t, "SELECT COUNT(*) FROM connection_groups"),
        page.obj().getJsonNumber("total").longValue());

    Resp renamed = api.put("/api/connection-groups/" + id, "{\"name\":\"Kiosks\"}", t.token());
    assertEquals(200, renamed.status());
    assertEquals("Kiosks", renamed.obj().getJsonObject("data").getString("name"));
    assertEquals("Kiosks", api.get("/api/connection-groups/" + id, t.token()).obj().getJsonObject("data")
        .getString("name"));

    long before = count(t, "SELECT COUNT(*) FROM connection_groups");
    Resp bad = api.post("/api/connection-groups", "{\"name\":\"\"}", t.token());
    assertEquals(422, bad.status());
    assertEquals("{\"message\":\"The name field is required.\",\"errors\":"
        + "{\"name\":[\"The name field is required.\"]}}", bad.body());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM connection_groups"));

    Resp foreign = api.get("/api/connection-groups/" + id, other.token());
    assertEquals(404, foreign.status());
    assertEquals("No query results for model [App\\Models\\ConnectionGroup] " + id, foreign.message());
    assertEquals(404, api.put("/api/connection-groups/" + id, "{\"name\":\"X\"}", other.token()).status());
  }

  @Test
  void connectionTypes() throws Exception {
    Resp created = api.post("/api/connection-types", "{\"name\":\"Commercial\"}", t.token());
    assertEquals(201, created.status(), created.body());
    long id = created.obj().getJsonObject("data").getJsonNumber("id").longValue();
    Db.exec(t, "INSERT INTO meters (serial_number, meter_type_id, in_use, manufacturer_id, connection_type_id,"
        + " connection_group_id, tariff_id, created_at, updated_at) VALUES ('CT-1', 1, 1, 1, " + id
        + ", 1, 1, NOW(), NOW()), ('CT-2', 1, 1, 1, " + id + ", 1, 1, NOW(), NOW())");

    Resp show = api.get("/api/connection-types/" + id, t.token());
    assertEquals(200, show.status());
    assertEquals("[id, name, created_at, updated_at]", show.obj().getJsonObject("data").keySet().toString());
    Resp counted = api.get("/api/connection-types/" + id + "?meter_count=1", t.token());
    assertEquals(2, counted.obj().getJsonObject("data").getInt("meter_parameters_count"));

    JsonArray all = api.get("/api/connection-types", t.token()).obj().getJsonArray("data");
    assertEquals("default connection type", all.getJsonObject(0).getString("name"));
    assertTrue(all.stream().anyMatch(v -> v.asJsonObject().getString("name").equals("Commercial")));
    Resp page = api.get("/api/connection-types?limit=1", t.token());
    assertEquals(1, page.obj().getJsonArray("data").size());
    assertEquals(1, page.obj().getInt("per_page"));

    Resp renamed = api.put("/api/connection-types/" + id, "{\"name\":\"Business\"}", t.token());
    assertEquals(200, renamed.status());
    assertEquals("Business", renamed.obj().getJsonObject("data").getString("name"));

    assertEquals(422, api.post("/api/connection-types", "{}", t.token()).status());
    Resp foreign = api.get("/api/connection-types/" + id, other.token());
    assertEquals(404, foreign.status());
    assertEquals("No query results for model [App\\Models\\ConnectionType] " + id, foreign.message());
  }

  @Test
  void subConnectionTypes() throws Exception {
    long tariff = TariffsIT.create(t, TariffsIT.simple("Sub tariff", 100)).getJsonNumber("id").longValue();
    long ourMax = count(t, "SELECT COALESCE(MAX(id), 0) FROM tariffs");
    long theirTariff = 0;
    for (int i = 0; theirTariff <= ourMax; i++) {
      theirTariff = TariffsIT.create(other, TariffsIT.simple("Theirs " + i, 1)).getJsonNumber("id").longValue();
    }
    long type = api.post("/api/connection-types", "{\"name\":\"Public\"}", t.token()).obj().getJsonObject("data")
        .getJsonNumber("id").longValue();
    long theirType = 0;
    while (theirType <= type) {
      theirType = api.post("/api/connection-types", "{\"name\":\"Theirs\"}", other.token()).obj()
          .getJsonObject("data").getJsonNumber("id").longValue();
    }
    long before = count(t, "SELECT COUNT(*) FROM sub_connection_types");

    Resp foreignTariff = api.post("/api/sub-connection-types", "{\"name\":\"Street lights\",\"connection_type_id\":"
        + type + ",\"tariff_id\":" + theirTariff + "}", t.token());
    assertEquals(422, foreignTariff.status());
    assertEquals("{\"message\":\"The selected tariff id is invalid.\",\"errors\":{\"tariff_id\":"
        + "[\"The selected tariff id is invalid.\"]}}", foreignTariff.body());
    Resp foreignType = api.post("/api/sub-connection-types", "{\"name\":\"Street lights\",\"connection_type_id\":"
        + theirType + ",\"tariff_id\":" + tariff + "}", t.token());
    assertEquals(422, foreignType.status());
    assertEquals("The selected connection type id is invalid.", foreignType.message());
    Resp shortName = api.post("/api/sub-connection-types", "{\"name\":\"ab\",\"connection_type_id\":" + type
        + ",\"tariff_id\":" + tariff + "}", t.token());
    assertEquals(422, shortName.status());
    assertEquals("The name field must be at least 3 characters.", shortName.message());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM sub_connection_types"));

    Resp created = api.post("/api/sub-connection-types", "{\"name\":\"Street lights\",\"connection_type_id\":"
        + type + ",\"tariff_id\":" + tariff + "}", t.token());
    assertEquals(201, created.status(), created.body());
    JsonObject s = created.obj().getJsonObject("data");
    assertEquals("[name, connection_type_id, tariff_id, updated_at, created_at, id]", s.keySet().toString());
    long id = s.getJsonNumber("id").longValue();

    JsonArray ofType = api.get("/api/sub-connection-types/" + type, t.token()).obj().getJsonArray("data");
    assertEquals(1, ofType.size());
    assertEquals(tariff, ofType.getJsonObject(0).getJsonNumber("tariff_id").longValue());
    JsonArray all = api.get("/api/sub-connection-types", t.token()).obj().getJsonArray("data");
    assertEquals(before + 1, all.size());
    Resp paged = api.get("/api/sub-connection-types/" + type + "?limit=5", t.token());
    assertEquals(1, paged.obj().getJsonNumber("total").longValue());

    Resp badUpdate = api.put("/api/sub-connection-types/" + id, "{\"tariff_id\":" + theirTariff + "}", t.token());
    assertEquals(422, badUpdate.status());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sub_connection_types WHERE id = " + id
        + " AND tariff_id = " + tariff));
    Resp renamed = api.put("/api/sub-connection-types/" + id, "{\"name\":\"Lamps\"}", t.token());
    assertEquals(200, renamed.status());
    assertEquals("Lamps", renamed.obj().getJsonObject("data").getString("name"));
    assertEquals(tariff, renamed.obj().getJsonObject("data").getJsonNumber("tariff_id").longValue());
    assertEquals(404, api.put("/api/sub-connection-types/" + id, "{\"name\":\"Hijack\"}", other.token()).status());
  }
}
