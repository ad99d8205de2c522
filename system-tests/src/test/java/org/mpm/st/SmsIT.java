package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** What a new company gets for SMS (MPM's seeded templates, variable defaults, resend key) and GET /api/sms-body. */
class SmsIT {

  static Api api;
  static Tenant t;
  static Tenant other;

  static final String METER_BODY = "Dear [name] [surname], your transaction is confirmed. Meter Serial:"
      + " [meter_serial]. Token: [token], Energy: [energy] kWh.";

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    t = api.registerCompany("sms");
    other = api.registerCompany("sms-b");
  }

  static String one(Tenant tenant, String sql, String param) throws Exception {
    try (Connection c = Db.tenant(tenant);
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void newCompanyHasMpmSeed() throws Exception {
    for (Tenant tenant : List.of(t, other)) {
      assertEquals(17, count(tenant, "SELECT COUNT(*) FROM sms_bodies"));
      assertEquals(16, count(tenant, "SELECT COUNT(*) FROM sms_variable_default_values"));
      assertEquals(1, count(tenant, "SELECT COUNT(*) FROM sms_resend_information_keys WHERE `key` = 'Resend'"));
      assertEquals(0, count(tenant, "SELECT COUNT(*) FROM sms_android_settings"));
      assertEquals(0, count(tenant, "SELECT COUNT(*) FROM sms_appliance_remind_rates"));
    }
    assertEquals(METER_BODY, one(t, "SELECT body FROM sms_bodies WHERE reference = ?", "TokenConfirmationMeter"));
    assertEquals(METER_BODY,
        one(t, "SELECT place_holder FROM sms_bodies WHERE reference = ?", "TokenConfirmationMeter"));
    assertEquals("name,surname,token,energy,meter_serial",
        one(t, "SELECT variables FROM sms_bodies WHERE reference = ?", "TokenConfirmationMeter"));
    assertEquals("name,surname,token,duration,unit,device_serial,amount",
        one(t, "SELECT variables FROM sms_bodies WHERE reference = ?", "TokenConfirmationSHS"));
    // MPM's PHP single-quoted string keeps the two characters backslash and n.
    assertEquals("Transaction amount is [amount], \\n VAT for energy : [vat_energy] \\n VAT for the other staffs :"
        + " [vat_others] . ", one(t, "SELECT body FROM sms_bodies WHERE reference = ?", "PricingDetails"));
    assertEquals("", one(t, "SELECT variables FROM sms_bodies WHERE reference = ?", "SmsTransactionFooter"));
    // Renamed from the Asset* references.
    assertEquals(0, count(t, "SELECT COUNT(*) FROM sms_bodies WHERE reference LIKE 'Asset%'"
        + " OR reference LIKE 'OverdueAsset%'"));
    assertEquals("47782371232", one(t, "SELECT value FROM sms_variable_default_values WHERE variable = ?",
        "meter_serial"));
    assertEquals("5111 3511 9911 1177 7711",
        one(t, "SELECT value FROM sms_variable_default_values WHERE variable = ?", "token"));
    // Message defaults of the sms table.
    assertEquals("1", one(t, "SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
        + " AND TABLE_NAME = 'sms' AND COLUMN_NAME = ?", "direction"));
    assertEquals("0", one(t, "SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
        + " AND TABLE_NAME = 'sms' AND COLUMN_NAME = ?", "status"));
  }

  @Test
  void smsBodyList() throws Exception {
    Resp r = api.get("/api/sms-body", t.token());
    assertEquals(200, r.status(), r.body());
    JsonArray data = r.obj().getJsonArray("data");
    assertEquals(17, data.size());
    JsonObject first = data.getJsonObject(0);
    assertEquals("[id, reference, title, body, place_holder, variables, created_at, updated_at]",
        first.keySet().toString());
    assertEquals(1, first.getInt("id"));
    assertEquals("SmsTransactionHeader", first.getString("reference"));
    assertEquals("Sms Header", first.getString("title"));
    assertEquals("Dear [name] [surname], we received your transaction [transaction_amount].",
        first.getString("body"));
    assertTrue(first.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000Z"),
        first.getString("created_at"));
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      refs.add(data.getJsonObject(i).getString("reference"));
    }
    assertEquals(List.of("SmsTransactionHeader", "SmsReminderHeader", "SmsResendInformationHeader",
        "EnergyConfirmation", "AccessRateConfirmation", "ApplianceRateReminder", "ApplianceRatePayment",
        "OverdueApplianceRateReminder", "PricingDetails", "ResendInformation",
        "ResendInformationLastTransactionNotFound", "SmsReminderFooter", "SmsTransactionFooter",
        "SmsResendInformationFooter", "TokenConfirmationMeter", "TokenConfirmationSHS",
        "TransactionConfirmationNoToken"), refs);
    JsonObject meter = data.getJsonObject(14);
    assertEquals(METER_BODY, meter.getString("body"));
    assertEquals("Meter token confirmation", meter.getString("title"));

    assertEquals(401, api.get("/api/sms-body", null).status());
  }

  @Test
  void eachCompanyReadsItsOwnTemplates() throws Exception {
    Db.exec(other, "UPDATE sms_bodies SET body = 'Other [name]' WHERE reference = 'SmsReminderHeader'");
    JsonArray mine = api.get("/api/sms-body", t.token()).obj().getJsonArray("data");
    assertEquals("Dear [name] [surname],", mine.getJsonObject(1).getString("body"));
    JsonArray theirs = api.get("/api/sms-body", other.token()).obj().getJsonArray("data");
    assertEquals("Other [name]", theirs.getJsonObject(1).getString("body"));
  }

  @Test
  void storeAndSendRecordsTheMessage() throws Exception {
    Resp p = api.post("/api/people", "{\"name\":\"Asha\",\"surname\":\"Texter\",\"phone\":\"+255711000111\","
        + "\"is_customer\":true}", t.token());
    assertEquals(201, p.status(), p.body());
    long personId = p.obj().getJsonObject("data").getJsonNumber("id").longValue();
    long before = count(t, "SELECT COUNT(*) FROM sms");

    Resp r = api.post("/api/sms/storeandsend", "{\"person_id\":" + personId + ",\"message\":\"Hello Asha\","
        + "\"senderId\":7}", t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals("[receiver, body, direction, sender_id, status, updated_at, created_at, id, uuid, gateway_id]",
        d.keySet().toString());
    assertEquals("+255711000111", d.getString("receiver"));
    assertEquals("Hello Asha", d.getString("body"));
    assertEquals(1, d.getInt("direction"));
    assertEquals(7, d.getInt("sender_id"));
    assertEquals(1, d.getInt("status"));
    assertTrue(d.isNull("gateway_id"));
    String uuid = d.getString("uuid");
    assertTrue(uuid.matches("[0-9a-f-]{36}"), uuid);
    long id = d.getJsonNumber("id").longValue();
    assertEquals(before + 1, count(t, "SELECT COUNT(*) FROM sms"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = 1 AND direction = 1"
        + " AND receiver = '+255711000111' AND body = 'Hello Asha' AND sender_id = 7 AND attempts = 0"
        + " AND uuid = '" + uuid + "' AND gateway_id IS NULL AND error_message IS NULL AND trigger_type IS NULL"));

    // A phone without person; the person's phone wins over a given phone.
    Resp byPhone = api.post("/api/sms/storeandsend", "{\"phone\":\"+255700999888\",\"message\":\"Hi\"}", t.token());
    assertEquals(200, byPhone.status(), byPhone.body());
    assertEquals("+255700999888", byPhone.obj().getJsonObject("data").getString("receiver"));
    assertTrue(byPhone.obj().getJsonObject("data").isNull("sender_id"));
    Resp both = api.post("/api/sms/storeandsend", "{\"person_id\":" + personId + ",\"phone\":\"+1\",\"message\":\"x\"}",
        t.token());
    assertEquals("+255711000111", both.obj().getJsonObject("data").getString("receiver"));
    // Another company's person has no phone here: the given phone is used, as in MPM.
    Resp foreign = api.post("/api/sms/storeandsend", "{\"person_id\":" + personId
        + ",\"phone\":\"+2\",\"message\":\"x\"}", other.token());
    assertEquals(200, foreign.status(), foreign.body());
    assertEquals("+2", foreign.obj().getJsonObject("data").getString("receiver"));
    assertEquals(before + 3, count(t, "SELECT COUNT(*) FROM sms"));
  }

  @Test
  void storeAndSendRefusesBadInputAndWritesNothing() throws Exception {
    long before = count(t, "SELECT COUNT(*) FROM sms");
    Resp none = api.post("/api/sms/storeandsend", "{}", t.token());
    assertEquals(422, none.status());
    assertEquals("{\"message\":\"The message field is required. (and 1 more error)\",\"errors\":{\"message\":"
        + "[\"The message field is required.\"],\"person_id\":[\"The person id field is required when none of phone"
        + " are present.\"]}}", none.body());
    Resp noPhone = api.post("/api/sms/storeandsend", "{\"person_id\":999999,\"message\":\"x\"}", t.token());
    assertEquals(422, noPhone.status());
    assertEquals("{\"message\":\"Phone number is required for sending SMS.\",\"errors\":{\"phone\":"
        + "[\"Phone number is required for sending SMS.\"]}}", noPhone.body());
    Resp badId = api.post("/api/sms/storeandsend", "{\"person_id\":\"abc\",\"message\":\"x\"}", t.token());
    assertEquals(422, badId.status());
    assertEquals(401, api.post("/api/sms/storeandsend", "{\"phone\":\"+1\",\"message\":\"x\"}", null).status());
    assertEquals(before, count(t, "SELECT COUNT(*) FROM sms"));
  }
}
