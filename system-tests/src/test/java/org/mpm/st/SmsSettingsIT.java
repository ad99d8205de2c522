package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The SMS settings of the console's settings page: template texts (PUT /api/sms-body), the resend keyword, the
 * installment reminders per appliance, the Android gateway phones and the variables' sample values; validation,
 * the {@code settings} permission and two companies.
 */
class SmsSettingsIT {

  static Api api;
  static Tenant t;
  static Tenant other;
  static String clerk;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    t = api.registerCompany("sms-settings");
    other = api.registerCompany("sms-settings-b");
    clerk = api.userWithRole(t, "financial-manager");
  }

  static JsonObject template(JsonArray bodies, String reference) {
    for (JsonValue v : bodies) {
      if (reference.equals(v.asJsonObject().getString("reference"))) {
        return v.asJsonObject();
      }
    }
    throw new AssertionError("no template " + reference);
  }

  static JsonArray templates(Tenant tenant) {
    Resp r = api.get("/api/sms-body", tenant.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonArray("data");
  }

  @Test
  void templatesChangeAsTheConsoleSendsThem() {
    Tenant fresh = api.registerCompany("sms-bodies");
    JsonArray before = templates(fresh);
    int header = template(before, "SmsReminderHeader").getInt("id");
    int footer = template(before, "SmsReminderFooter").getInt("id");
    // The console sends the templates of one tab, each {id, reference, body}, inside a list.
    Resp r = api.put("/api/sms-body", "[[{\"id\":" + header + ",\"reference\":\"SmsReminderHeader\",\"body\":"
        + "\"Hello [name],\"},{\"id\":" + footer + ",\"reference\":\"SmsReminderFooter\",\"body\":\"Kisiwa Power\"}]]",
        fresh.token());
    assertEquals(200, r.status(), r.body());
    JsonArray after = r.obj().getJsonArray("data");
    assertEquals(17, after.size());
    assertEquals(List.copyOf(before.getJsonObject(0).keySet()), List.copyOf(after.getJsonObject(0).keySet()));
    assertEquals("Hello [name],", template(after, "SmsReminderHeader").getString("body"));
    assertEquals("Kisiwa Power", template(after, "SmsReminderFooter").getString("body"));
    // The editor's placeholder stays.
    assertEquals("Dear [name] [surname],", template(after, "SmsReminderHeader").getString("place_holder"));
    assertEquals(after, templates(fresh));

    // A plain list works too; an empty text is no text (NULL), as MPM stores it.
    Resp flat = api.put("/api/sms-body", "[{\"id\":" + footer + ",\"body\":\"\"}]", fresh.token());
    assertEquals(200, flat.status(), flat.body());
    assertTrue(template(flat.obj().getJsonArray("data"), "SmsReminderFooter").isNull("body"));
    assertEquals(200, api.put("/api/sms-body", "[]", fresh.token()).status());
    // Another company's templates (same ids) are untouched.
    assertEquals("Dear [name] [surname],", template(templates(other), "SmsReminderHeader").getString("body"));
  }

  @Test
  void templateChangesAreValidated() throws Exception {
    String before = templates(t).toString();
    Resp unknown = api.put("/api/sms-body", "[[{\"id\":2,\"body\":\"x\"},{\"id\":9999,\"body\":\"y\"}]]", t.token());
    assertEquals(422, unknown.status(), unknown.body());
    assertEquals("{\"message\":\"The selected 0.1.id is invalid.\",\"errors\":{\"0.1.id\":"
        + "[\"The selected 0.1.id is invalid.\"]}}", unknown.body());
    Resp tooLong = api.put("/api/sms-body", "[[{\"id\":2,\"body\":\"" + "x".repeat(192) + "\"}]]", t.token());
    assertEquals(422, tooLong.status());
    assertEquals("The 0.0.body field must not be greater than 191 characters.", tooLong.message());
    Resp noId = api.put("/api/sms-body", "[[{\"body\":\"x\"}]]", t.token());
    assertEquals("The 0.0.id field is required.", noId.message());
    Resp noBody = api.put("/api/sms-body", "[{\"id\":2}]", t.token());
    assertEquals(422, noBody.status());
    assertEquals("The 0.body field must be present.", noBody.message());
    Resp object = api.put("/api/sms-body", "{\"id\":2,\"body\":\"x\"}", t.token());
    assertEquals(400, object.status());
    assertEquals("The request body must be a JSON array.", object.message());
    assertEquals(before, templates(t).toString());
  }

  @Test
  void resendKeyword() {
    Tenant fresh = api.registerCompany("sms-resend");
    Resp list = api.get("/api/sms-resend-information-key", fresh.token());
    assertEquals(200, list.status(), list.body());
    JsonObject key = list.obj().getJsonArray("data").getJsonObject(0);
    assertEquals("[id, key, created_at, updated_at]", key.keySet().toString());
    assertEquals("Resend", key.getString("key"));
    int id = key.getInt("id");

    Resp changed = api.put("/api/sms-resend-information-key/" + id, "{\"id\":" + id + ",\"key\":\"Tuma\"}",
        fresh.token());
    assertEquals(200, changed.status(), changed.body());
    assertEquals("Tuma", changed.obj().getJsonObject("data").getString("key"));
    assertEquals(id, changed.obj().getJsonObject("data").getInt("id"));
    assertEquals("Tuma", api.get("/api/sms-resend-information-key", fresh.token()).obj().getJsonArray("data")
        .getJsonObject(0).getString("key"));

    Resp missing = api.put("/api/sms-resend-information-key/" + id, "{\"key\":\"\"}", fresh.token());
    assertEquals(422, missing.status());
    assertEquals("The key field is required.", missing.message());
    Resp unknown = api.put("/api/sms-resend-information-key/99", "{\"key\":\"Tuma\"}", fresh.token());
    assertEquals(404, unknown.status());
    assertEquals("No query results for model [App\\Models\\SmsResendInformationKey] 99", unknown.message());
    assertEquals("Resend", api.get("/api/sms-resend-information-key", other.token()).obj().getJsonArray("data")
        .getJsonObject(0).getString("key"));
  }

  @Test
  void installmentRemindersPerAppliance() throws Exception {
    Tenant fresh = api.registerCompany("sms-reminders");
    assertEquals("{\"data\":[]}", api.get("/api/sms-appliance-remind-rate", fresh.token()).body());
    // The appliance catalogue has no routes here yet: two items straight in the database.
    long kit = Db.insert(fresh, "INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)"
        + " VALUES ('SunPower Home 1000', 1, 100000, NOW(), NOW())");
    long radio = Db.insert(fresh, "INSERT INTO appliances (name, appliance_type_id, price, created_at, updated_at)"
        + " VALUES ('Radio', 3, 20000, NOW(), NOW())");
    JsonArray listed = api.get("/api/sms-appliance-remind-rate", fresh.token()).obj().getJsonArray("data");
    assertEquals(2, listed.size());
    assertEquals("[id, name, appliance_type_id, price, created_at, updated_at, sms_reminder_rate]",
        listed.getJsonObject(0).keySet().toString());
    assertTrue(listed.getJsonObject(0).isNull("sms_reminder_rate"));

    // As the console sends it (its inputs give strings).
    Resp created = api.post("/api/sms-appliance-remind-rate", "{\"id\":-4711,\"appliance_type_id\":" + kit
        + ",\"overdue_remind_rate\":\"3\",\"remind_rate\":\"2\",\"enabled\":true,\"create_ticket\":false}",
        fresh.token());
    assertEquals(200, created.status(), created.body());
    JsonObject rate = created.obj().getJsonArray("data").getJsonObject(0).getJsonObject("sms_reminder_rate");
    assertEquals("[id, appliance_id, overdue_remind_rate, remind_rate, enabled, create_ticket, created_at,"
        + " updated_at]", rate.keySet().toString());
    assertEquals(kit, rate.getJsonNumber("appliance_id").longValue());
    assertEquals(3, rate.getInt("overdue_remind_rate"));
    assertEquals(2, rate.getInt("remind_rate"));
    assertEquals(1, rate.getInt("enabled"));
    assertEquals(0, rate.getInt("create_ticket"));
    assertTrue(created.obj().getJsonArray("data").getJsonObject(1).isNull("sms_reminder_rate"));
    long rateId = rate.getJsonNumber("id").longValue();

    Resp twice = api.post("/api/sms-appliance-remind-rate", "{\"appliance_type_id\":" + kit
        + ",\"overdue_remind_rate\":1,\"remind_rate\":1}", fresh.token());
    assertEquals(422, twice.status());
    assertEquals("The appliance type id has already been taken.", twice.message());
    Resp noAppliance = api.post("/api/sms-appliance-remind-rate", "{\"appliance_type_id\":9999,"
        + "\"overdue_remind_rate\":1,\"remind_rate\":1}", fresh.token());
    assertEquals("The selected appliance type id is invalid.", noAppliance.message());
    Resp empty = api.post("/api/sms-appliance-remind-rate", "{}", fresh.token());
    assertEquals(422, empty.status());
    assertEquals("[appliance_type_id, overdue_remind_rate, remind_rate]",
        empty.obj().getJsonObject("errors").keySet().toString());
    Resp tooMany = api.post("/api/sms-appliance-remind-rate", "{\"appliance_type_id\":" + radio
        + ",\"overdue_remind_rate\":1,\"remind_rate\":366}", fresh.token());
    assertEquals("The remind rate field must not be greater than 365.", tooMany.message());
    assertEquals(1, count(fresh, "SELECT COUNT(*) FROM sms_appliance_remind_rates"));

    // A switch left out is off, as MPM writes it.
    Resp updated = api.put("/api/sms-appliance-remind-rate/" + rateId, "{\"id\":" + rateId + ",\"appliance_type_id\":"
        + kit + ",\"overdue_remind_rate\":5,\"remind_rate\":1,\"create_ticket\":true}", fresh.token());
    assertEquals(200, updated.status(), updated.body());
    JsonObject changed = updated.obj().getJsonArray("data").getJsonObject(0).getJsonObject("sms_reminder_rate");
    assertEquals(5, changed.getInt("overdue_remind_rate"));
    assertEquals(0, changed.getInt("enabled"));
    assertEquals(1, changed.getInt("create_ticket"));
    Resp unknown = api.put("/api/sms-appliance-remind-rate/9999", "{\"overdue_remind_rate\":1,\"remind_rate\":1}",
        fresh.token());
    assertEquals(404, unknown.status());
    assertEquals("No query results for model [App\\Models\\SmsApplianceRemindRate] 9999", unknown.message());
    // Another company neither sees nor changes it.
    assertEquals("{\"data\":[]}", api.get("/api/sms-appliance-remind-rate", other.token()).body());
    assertEquals(404, api.put("/api/sms-appliance-remind-rate/" + rateId, "{\"overdue_remind_rate\":1,"
        + "\"remind_rate\":1}", other.token()).status());
    assertEquals(404, api.delete("/api/sms-appliance-remind-rate/" + rateId, other.token()).status());

    Resp deleted = api.delete("/api/sms-appliance-remind-rate/" + rateId, fresh.token());
    assertEquals(200, deleted.status(), deleted.body());
    assertTrue(deleted.obj().getJsonArray("data").getJsonObject(0).isNull("sms_reminder_rate"));
    assertEquals(0, count(fresh, "SELECT COUNT(*) FROM sms_appliance_remind_rates"));
  }

  @Test
  void androidGatewayPhones() throws Exception {
    Tenant fresh = api.registerCompany("sms-android");
    assertEquals("{\"data\":[]}", api.get("/api/sms-android-setting", fresh.token()).body());
    Resp created = api.post("/api/sms-android-setting", "{\"token\":\"fcm-token-1\",\"key\":\"\",\"callback\":\"\"}",
        fresh.token());
    assertEquals(200, created.status(), created.body());
    JsonObject phone = created.obj().getJsonArray("data").getJsonObject(0);
    assertEquals("[id, url, token, key, callback, created_at, updated_at]", phone.keySet().toString());
    assertEquals("https://fcm.googleapis.com/fcm/send", phone.getString("url"));
    assertEquals("fcm-token-1", phone.getString("token"));
    assertTrue(phone.isNull("key"));
    assertEquals(TestServer.get().baseUrl() + "/api/sms-android-callback/%s/confirm/" + fresh.companyId(),
        phone.getString("callback"));
    long first = phone.getJsonNumber("id").longValue();
    assertEquals(2, api.post("/api/sms-android-setting", "{\"token\":\"fcm-token-2\"}", fresh.token()).obj()
        .getJsonArray("data").size());

    Resp changed = api.put("/api/sms-android-setting/" + first, "{\"id\":" + first + ",\"token\":\"fcm-token-1b\"}",
        fresh.token());
    assertEquals(200, changed.status(), changed.body());
    assertEquals("fcm-token-1b", changed.obj().getJsonArray("data").getJsonObject(0).getString("token"));
    Resp noToken = api.post("/api/sms-android-setting", "{}", fresh.token());
    assertEquals(422, noToken.status());
    assertEquals("The token field is required.", noToken.message());
    Resp unknown = api.put("/api/sms-android-setting/9999", "{\"token\":\"x\"}", fresh.token());
    assertEquals(404, unknown.status());
    assertEquals("No query results for model [App\\Models\\SmsAndroidSetting] 9999", unknown.message());
    assertEquals(404, api.delete("/api/sms-android-setting/" + first, other.token()).status());
    assertEquals("{\"data\":[]}", api.get("/api/sms-android-setting", other.token()).body());

    Resp deleted = api.delete("/api/sms-android-setting/" + first, fresh.token());
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals(1, deleted.obj().getJsonArray("data").size());
    assertEquals("fcm-token-2", deleted.obj().getJsonArray("data").getJsonObject(0).getString("token"));
  }

  @Test
  void variableSampleValues() {
    Resp r = api.get("/api/sms-variable-default-value", t.token());
    assertEquals(200, r.status(), r.body());
    JsonArray values = r.obj().getJsonArray("data");
    assertEquals(16, values.size());
    assertEquals("[id, variable, value, created_at, updated_at]", values.getJsonObject(0).keySet().toString());
    assertEquals("name", values.getJsonObject(0).getString("variable"));
    assertEquals("Herbert", values.getJsonObject(0).getString("value"));
  }

  @Test
  void onlyTheSettingsPermission() {
    List<String[]> routes = List.of(new String[] {"GET", "/api/sms-body", null},
        new String[] {"PUT", "/api/sms-body", "[[{\"id\":2,\"body\":\"x\"}]]"},
        new String[] {"GET", "/api/sms-resend-information-key", null},
        new String[] {"PUT", "/api/sms-resend-information-key/1", "{\"key\":\"x\"}"},
        new String[] {"GET", "/api/sms-appliance-remind-rate", null},
        new String[] {"POST", "/api/sms-appliance-remind-rate", "{}"},
        new String[] {"PUT", "/api/sms-appliance-remind-rate/1", "{}"},
        new String[] {"DELETE", "/api/sms-appliance-remind-rate/1", null},
        new String[] {"GET", "/api/sms-android-setting", null},
        new String[] {"POST", "/api/sms-android-setting", "{\"token\":\"x\"}"},
        new String[] {"PUT", "/api/sms-android-setting/1", "{\"token\":\"x\"}"},
        new String[] {"DELETE", "/api/sms-android-setting/1", null},
        new String[] {"GET", "/api/sms-variable-default-value", null});
    for (String[] route : routes) {
      Resp forbidden = api.send(route[0], route[1], route[2], clerk);
      assertEquals(403, forbidden.status(), route[0] + " " + route[1] + " " + forbidden.body());
      assertEquals("{\"message\":\"User does not have the right permissions.\"}", forbidden.body());
      assertEquals(401, api.send(route[0], route[1], route[2], null).status(), route[0] + " " + route[1]);
    }
  }
}
