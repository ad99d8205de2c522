package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Tariffs with access rate, social tariff, time-of-use slots and pricing components; the tariff endpoints' own 422
 * body, the bare {@code 1} of the deletes, moving meters between tariffs, and another company's tariffs.
 */
class TariffsIT {

  static Api api;
  static Tenant t;
  static Tenant other;

  static final String FULL = "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
      + "\"minimum_purchase_amount\":100,"
      + "\"access_rate\":{\"id\":null,\"access_rate_amount\":200,\"access_rate_period\":30},"
      + "\"social_tariff\":{\"id\":null,\"daily_allowance\":2,\"price\":100,\"initial_energy_budget\":5.5,"
      + "\"maximum_stacked_energy\":10},"
      + "\"time_of_usage\":[{\"id\":-123,\"start\":\"18:00\",\"end\":\"22:00\",\"value\":150},"
      + "{\"start\":\"22:00\",\"end\":\"06:00\",\"value\":50}],"
      + "\"components\":[{\"id\":-5,\"name\":\"Service\",\"price\":50},{\"name\":\"Levy\",\"price\":12.5}]}";

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    t = api.registerCompany("tariffs");
    other = api.registerCompany("tariffs-b");
  }

  static JsonObject create(Tenant tenant, String body) {
    Resp r = api.post("/api/tariffs", body, tenant.token());
    assertEquals(201, r.status(), r.body());
    return r.obj().getJsonObject("data");
  }

  static String simple(String name, double price) {
    return "{\"name\":\"" + name + "\",\"price\":" + price + ",\"currency\":\"TZS\",\"factor\":1}";
  }

  @Test
  void createWithEverythingAndShow() throws Exception {
    JsonObject d = create(t, FULL);
    long id = d.getJsonNumber("id").longValue();
    assertEquals("Household", d.getString("name"));
    assertEquals(250.0, d.getJsonNumber("price").doubleValue());
    assertEquals("TZS", d.getString("currency"));
    assertEquals(1, d.getInt("factor"));
    assertEquals(100.0, d.getJsonNumber("minimum_purchase_amount").doubleValue());
    assertEquals(JsonValue.NULL, d.get("deleted_at"));
    assertEquals(312.5, d.getJsonNumber("total_price").doubleValue(), "250 + 50 + 12.5");
    JsonObject ar = d.getJsonObject("access_rate");
    assertEquals(id, ar.getJsonNumber("tariff_id").longValue());
    assertEquals(200.0, ar.getJsonNumber("amount").doubleValue());
    assertEquals(30, ar.getInt("period"));
    JsonObject st = d.getJsonObject("social_tariff");
    assertEquals(2, st.getInt("daily_allowance"));
    assertEquals(100.0, st.getJsonNumber("price").doubleValue());
    assertEquals(5.5, st.getJsonNumber("initial_energy_budget").doubleValue());
    assertEquals(10, st.getInt("maximum_stacked_energy"));
    JsonArray comps = d.getJsonArray("pricing_component");
    assertEquals(2, comps.size());
    assertEquals("Service", comps.getJsonObject(0).getString("name"));
    assertEquals("tariff", comps.getJsonObject(0).getString("owner_type"));
    assertEquals(id, comps.getJsonObject(1).getJsonNumber("owner_id").longValue());
    assertEquals(12.5, comps.getJsonObject(1).getJsonNumber("price").doubleValue());
    JsonArray tou = d.getJsonArray("tou");
    assertEquals(2, tou.size());
    assertEquals("18:00", tou.getJsonObject(0).getString("start"));
    assertEquals("22:00", tou.getJsonObject(0).getString("end"));
    assertEquals(150.0, tou.getJsonObject(0).getJsonNumber("value").doubleValue());
    assertEquals("06:00", tou.getJsonObject(1).getString("end"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM access_rates WHERE tariff_id = " + id));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM social_tariffs WHERE tariff_id = " + id));
    assertEquals(2, count(t, "SELECT COUNT(*) FROM time_of_usages WHERE tariff_id = " + id));

    Resp show = api.get("/api/tariffs/" + id, t.token());
    assertEquals(200, show.status());
    assertEquals(d, show.obj().getJsonObject("data"));

    Resp list = api.get("/api/tariffs", t.token());
    assertEquals(200, list.status());
    assertTrue(list.obj().getJsonArray("data").stream()
        .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id
            && v.asJsonObject().getJsonNumber("total_price").doubleValue() == 312.5));
    Resp page = api.get("/api/tariffs?limit=1&page=1", t.token());
    assertEquals(200, page.status());
    assertEquals(1, page.obj().getInt("per_page"));
    assertEquals(1, page.obj().getJsonArray("data").size());
    assertEquals(count(t, "SELECT COUNT(*) FROM tariffs WHERE factor = 1 AND deleted_at IS NULL"),
        page.obj().getJsonNumber("total").longValue());
  }

  @Test
  void shsTariffsAreNotListed() {
    JsonObject shs = create(t, "{\"name\":\"SHS plan\",\"price\":5000,\"currency\":\"TZS\",\"factor\":2}");
    assertEquals(2, shs.getInt("factor"));
    long id = shs.getJsonNumber("id").longValue();
    assertTrue(api.get("/api/tariffs", t.token()).obj().getJsonArray("data").stream()
        .noneMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == id));
    assertEquals(200, api.get("/api/tariffs/" + id, t.token()).status());
  }

  @Test
  void validationErrorsUseTheTariffShapeAndWriteNothing() throws Exception {
    long before = count(t, "SELECT COUNT(*) FROM tariffs");
    Resp r = api.post("/api/tariffs", "{}", t.token());
    assertEquals(422, r.status());
    assertEquals("{\"data\":[],\"meta\":{\"message\":\"The given data was invalid\",\"errors\":{"
        + "\"name\":[\"The name field is required.\"],\"price\":[\"The price field is required.\"],"
        + "\"currency\":[\"The currency field is required.\"]}}}", r.body());

    Resp types = api.post("/api/tariffs", "{\"name\":\"X\",\"price\":\"abc\",\"currency\":\"TZS\",\"factor\":1.5,"
        + "\"minimum_purchase_amount\":\"lots\",\"components\":[]}", t.token());
    assertEquals(422, types.status());
    JsonObject errors = types.obj().getJsonObject("meta").getJsonObject("errors");
    assertEquals("The price field must be a number.", errors.getJsonArray("price").getString(0));
    assertEquals("The factor field must be an integer.", errors.getJsonArray("factor").getString(0));
    assertEquals("The components field is required.", errors.getJsonArray("components").getString(0));
    assertEquals("The minimum purchase amount field must be a number.",
        errors.getJsonArray("minimum_purchase_amount").getString(0));

    Resp nested = api.post("/api/tariffs", "{\"name\":\"Nested\",\"price\":100,\"currency\":\"TZS\","
        + "\"access_rate\":{\"access_rate_period\":0},\"social_tariff\":{\"price\":1},"
        + "\"components\":[{\"price\":5}],\"time_of_usage\":[{\"start\":\"7\",\"end\":\"08:00\"}]}", t.token());
    assertEquals(422, nested.status());
    JsonObject ne = nested.obj().getJsonObject("meta").getJsonObject("errors");
    assertEquals("The access rate.access rate amount field is required.",
        ne.getJsonArray("access_rate.access_rate_amount").getString(0));
    assertEquals("The access rate.access rate period field must be at least 1.",
        ne.getJsonArray("access_rate.access_rate_period").getString(0));
    assertEquals("The social tariff.daily allowance field is required.",
        ne.getJsonArray("social_tariff.daily_allowance").getString(0));
    assertEquals("The components.0.name field is required.", ne.getJsonArray("components.0.name").getString(0));
    assertEquals("The time_of_usage.0.start field must match the format H:i.",
        ne.getJsonArray("time_of_usage.0.start").getString(0));
    assertEquals("The time_of_usage.0.value field is required.",
        ne.getJsonArray("time_of_usage.0.value").getString(0));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, nested.obj().get("data"));
    String manyParts = "{\"name\":\"Many\",\"price\":100,\"currency\":\"TZS\",\"components\":["
        + "{\"name\":\"c\",\"price\":1},".repeat(10_000) + "{\"name\":\"c\",\"price\":1}]}";
    Resp many = api.post("/api/tariffs", manyParts, t.token());
    assertEquals(422, many.status(), many.body());
    assertEquals("The components field must not have more than 100 items.",
        many.obj().getJsonObject("meta").getJsonObject("errors").getJsonArray("components").getString(0));
    assertEquals(before, count(t, "SELECT COUNT(*) FROM tariffs"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM tariff_pricing_components WHERE name = ''"));
  }

  @Test
  void updateReplacesRelations() throws Exception {
    JsonObject d = create(t, FULL.replace("Household", "Business"));
    long id = d.getJsonNumber("id").longValue();
    long touId = d.getJsonArray("tou").getJsonObject(0).getJsonNumber("id").longValue();
    long socialId = d.getJsonObject("social_tariff").getJsonNumber("id").longValue();
    Resp r = api.put("/api/tariffs/" + id, "{\"name\":\"Business 2\",\"price\":300,\"currency\":\"TZS\","
        + "\"factor\":1,\"minimum_purchase_amount\":0,"
        + "\"social_tariff\":{\"id\":" + socialId + ",\"daily_allowance\":3,\"price\":90,"
        + "\"initial_energy_budget\":1,\"maximum_stacked_energy\":4},"
        + "\"time_of_usage\":[{\"id\":" + touId + ",\"start\":\"17:00\",\"end\":\"21:00\",\"value\":120}],"
        + "\"components\":[{\"name\":\"Grid fee\",\"price\":20}]}", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject u = r.obj().getJsonObject("data");
    assertEquals("Business 2", u.getString("name"));
    assertEquals(320.0, u.getJsonNumber("total_price").doubleValue(), "300 + 20");
    assertEquals(0.0, u.getJsonNumber("minimum_purchase_amount").doubleValue());
    assertEquals(JsonValue.NULL, u.get("access_rate"), "an access rate left out is removed");
    assertEquals(0, count(t, "SELECT COUNT(*) FROM access_rates WHERE tariff_id = " + id));
    assertEquals(socialId, u.getJsonObject("social_tariff").getJsonNumber("id").longValue());
    assertEquals(3, u.getJsonObject("social_tariff").getInt("daily_allowance"));
    assertEquals(1, u.getJsonArray("pricing_component").size());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM tariff_pricing_components WHERE owner_id = " + id));
    JsonArray tou = u.getJsonArray("tou");
    assertEquals(2, tou.size(), "the other slot stays");
    assertEquals(touId, tou.getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals("17:00", tou.getJsonObject(0).getString("start"));
    assertEquals(120.0, tou.getJsonObject(0).getJsonNumber("value").doubleValue());

    Resp bad = api.put("/api/tariffs/" + id, "{\"name\":\"\",\"price\":1,\"currency\":\"TZS\"}", t.token());
    assertEquals(422, bad.status());
    assertEquals("The name field is required.",
        bad.obj().getJsonObject("meta").getJsonObject("errors").getJsonArray("name").getString(0));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM tariffs WHERE name = 'Business 2' AND price = 300"));
  }

  @Test
  void deletesAnswerOne() throws Exception {
    JsonObject d = create(t, FULL.replace("Household", "Gone"));
    long id = d.getJsonNumber("id").longValue();
    long touId = d.getJsonArray("tou").getJsonObject(1).getJsonNumber("id").longValue();
    Resp tou = api.delete("/api/time-of-usages/" + touId, t.token());
    assertEquals(200, tou.status());
    assertEquals("1", tou.body());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM time_of_usages WHERE id = " + touId));
    Resp again = api.delete("/api/time-of-usages/" + touId, t.token());
    assertEquals(404, again.status());
    assertEquals("No query results for model [App\\Models\\TimeOfUsage] " + touId, again.message());

    Resp del = api.delete("/api/tariffs/" + id, t.token());
    assertEquals(200, del.status());
    assertEquals("1", del.body());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM tariffs WHERE deleted_at IS NOT NULL AND id = " + id));
    Resp gone = api.get("/api/tariffs/" + id, t.token());
    assertEquals(404, gone.status());
    assertEquals("No query results for model [App\\Models\\Tariff] " + id, gone.message());
    assertEquals(404, api.delete("/api/tariffs/" + id, t.token()).status());
  }

  @Test
  void movingMeters() throws Exception {
    long a = create(t, simple("Move A", 100)).getJsonNumber("id").longValue();
    long b = create(t, simple("Move B", 200)).getJsonNumber("id").longValue();
    Db.exec(t, "INSERT INTO meters (serial_number, meter_type_id, in_use, manufacturer_id, connection_type_id,"
        + " connection_group_id, tariff_id, created_at, updated_at) VALUES"
        + " ('MOVE-1', 1, 1, 1, 1, 1, " + a + ", NOW(), NOW()), ('MOVE-2', 1, 1, 1, 1, 1, " + a + ", NOW(), NOW()),"
        + " ('MOVE-3', 1, 1, 1, 1, 1, " + b + ", NOW(), NOW())");
    Resp usage = api.get("/api/tariffs/" + a + "/usage-count", t.token());
    assertEquals(200, usage.status());
    assertEquals("{\"data\":{\"count\":2}}", usage.body());

    Resp moved = api.put("/api/tariffs/" + a + "/change-meters-tariff/" + b, "", t.token());
    assertEquals(200, moved.status(), moved.body());
    assertEquals("{\"data\":2}", moved.body());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM meters WHERE tariff_id = " + a));
    assertEquals(3, count(t, "SELECT COUNT(*) FROM meters WHERE tariff_id = " + b));
    assertEquals("{\"data\":{\"count\":0}}", api.get("/api/tariffs/" + a + "/usage-count", t.token()).body());

    Resp unknownTarget = api.put("/api/tariffs/" + b + "/change-meters-tariff/987654", "", t.token());
    assertEquals(404, unknownTarget.status());
    assertEquals(3, count(t, "SELECT COUNT(*) FROM meters WHERE tariff_id = " + b), "nothing moved");

    Resp one = api.put("/api/tariffs/MOVE-1/change-meter-tariff/" + a, "", t.token());
    assertEquals(200, one.status(), one.body());
    JsonObject meter = one.obj().getJsonObject("data");
    assertEquals("MOVE-1", meter.getString("serial_number"));
    assertEquals(a, meter.getJsonNumber("tariff_id").longValue());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM meters WHERE serial_number = 'MOVE-1' AND tariff_id = " + a));

    Resp noMeter = api.put("/api/tariffs/NOPE-1/change-meter-tariff/" + a, "", t.token());
    assertEquals(404, noMeter.status());
    assertEquals("No query results for model [App\\Models\\Meter\\Meter].", noMeter.message());
    Resp noTariff = api.put("/api/tariffs/MOVE-2/change-meter-tariff/987654", "", t.token());
    assertEquals(404, noTariff.status());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM meters WHERE serial_number = 'MOVE-2' AND tariff_id = " + b));
  }

  @Test
  void anotherCompanysTariffIsNotFound() throws Exception {
    long ourMax = count(t, "SELECT COALESCE(MAX(id), 0) FROM tariffs");
    long theirs = 0;
    for (int i = 0; theirs <= ourMax; i++) {
      theirs = create(other, simple("Other " + i, 10)).getJsonNumber("id").longValue();
    }
    Resp r = api.get("/api/tariffs/" + theirs, t.token());
    assertEquals(404, r.status());
    assertEquals("No query results for model [App\\Models\\Tariff] " + theirs, r.message());
    assertEquals(404, api.put("/api/tariffs/" + theirs, simple("Hijack", 1), t.token()).status());
    assertEquals(404, api.delete("/api/tariffs/" + theirs, t.token()).status());
    assertEquals(404, api.get("/api/tariffs/" + theirs + "/usage-count", t.token()).status());
    assertEquals(1, count(other, "SELECT COUNT(*) FROM tariffs WHERE deleted_at IS NULL AND id = " + theirs));
    assertEquals(0, count(other, "SELECT COUNT(*) FROM tariffs WHERE name = 'Hijack'"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM tariffs WHERE name = 'Hijack'"));
  }
}
