package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;
import static org.mpm.st.SmsGatewayPlugins.NOT_ENABLED;
import static org.mpm.st.SmsGatewayPlugins.awaitGivenUp;
import static org.mpm.st.SmsGatewayPlugins.awaitStatus;
import static org.mpm.st.SmsGatewayPlugins.companyWith;
import static org.mpm.st.SmsGatewayPlugins.postForm;
import static org.mpm.st.SmsGatewayPlugins.send;
import static org.mpm.st.SmsGatewayPlugins.stored;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Africa's Talking plugin against a simulator of its SMS API ({@link AfricasTalkingSimulator}): a company that
 * enables it, saves its credentials (stored encrypted, answered masked) and chooses it in its main settings sends
 * its messages through it, once each, from the queue; refusals are retried and in the end given up; delivery
 * reports and incoming messages reach the company named in their path, and no other.
 */
class AfricasTalkingIT {

  static final String CREDENTIAL = "/api/africas-talking/credential";

  static Api api;
  static AfricasTalkingSimulator at;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    at = TestServer.get().africasTalking();
  }

  static String credentials(String key, String username) {
    return "{\"api_key\":\"" + key + "\",\"username\":\"" + username + "\",\"short_code\":\"MPM-SMS\"}";
  }

  static Tenant company(String prefix, String key) {
    return companyWith(api, prefix, 18, CREDENTIAL, credentials(key, "harbour-" + prefix));
  }

  static String uuidOf(Tenant t, long id) throws Exception {
    try (Connection c = Db.tenant(t); PreparedStatement s = c.prepareStatement("SELECT uuid FROM sms WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void aMessageIsSentOnceAndItsDeliveryReportIsRecorded() throws Exception {
    String key = "atsk_" + System.nanoTime() + "9f8e7d6c";
    Tenant t = company("at", key);
    long id = send(api, t, "+255 716 000 101", "Your token is 1234").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    List<Map<String, String>> sent = at.sentWith(key);
    assertEquals(1, sent.size());
    assertEquals("+255716000101", sent.get(0).get("to"));
    assertEquals("Your token is 1234", sent.get(0).get("message"));
    assertEquals("harbour-at", sent.get(0).get("username"));
    assertEquals("MPM-SMS", sent.get(0).get("from"));
    String messageId = uuidOf(t, id);
    assertTrue(messageId.startsWith("ATXid_"), messageId);
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND gateway_id = 18 AND attempts = 0"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM africas_talking_messages WHERE sms_id = " + id
        + " AND message_id = '" + messageId + "' AND status = 'Success' AND status_code = 101"));

    Resp report = postForm(TestServer.get(), "/api/africas-talking/callback/" + t.companyId() + "/delivery-reports",
        "id=" + messageId + "&status=Success&phoneNumber=%2B255716000101&networkCode=63902&retryCount=0");
    assertEquals(200, report.status(), report.body());
    assertEquals("{\"status\":\"success\"}", report.body());
    assertEquals(2, count(t, "SELECT status FROM sms WHERE id = " + id));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM africas_talking_messages WHERE message_id = '" + messageId
        + "' AND status = 'Success'"));
    // Still sent once.
    assertEquals(1, at.sentWith(key).size());
  }

  @Test
  void aFailedDeliveryMarksTheMessageFailed() throws Exception {
    String key = "atsk_" + System.nanoTime() + "fa11ed00";
    Tenant t = company("at-undelivered", key);
    long id = send(api, t, "+255716000111", "Not delivered").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    Resp report = postForm(TestServer.get(), "/api/africas-talking/callback/" + t.companyId() + "/delivery-reports",
        "id=" + uuidOf(t, id) + "&status=Failed&failureReason=AbsentSubscriber");
    assertEquals(200, report.status(), report.body());
    assertEquals(-1, count(t, "SELECT status FROM sms WHERE id = " + id));
  }

  @Test
  void aRefusedMessageIsRetriedUntilItIsTaken() throws Exception {
    String key = "FAIL2-" + System.nanoTime();
    Tenant t = company("at-retry", key);
    long id = send(api, t, "+255716000201", "Retried").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    assertEquals(3, at.sentWith(key).size());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND attempts = 2"
        + " AND error_message IS NULL"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM africas_talking_messages WHERE sms_id = " + id));
  }

  @Test
  void aGatewayThatIsDownEndsInAFailedMessage() throws Exception {
    String key = "DOWN-" + System.nanoTime();
    Tenant t = company("at-down", key);
    long id = send(api, t, "+255716000301", "Never").getJsonNumber("id").longValue();
    awaitGivenUp(t, id);
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = -1 AND attempts = 6"
        + " AND error_message LIKE 'AfricasTalking message sending failed: HTTP 500%'"));
    assertEquals(6, at.sentWith(key).size());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM africas_talking_messages"));
  }

  @Test
  void credentialsAreStoredEncryptedAndAnsweredMasked() throws Exception {
    String key = "atsk_" + System.nanoTime() + "c0ffee42";
    Tenant t = company("at-cred", key);
    Resp get = api.get(CREDENTIAL, t.token());
    assertEquals(200, get.status(), get.body());
    JsonObject d = get.obj().getJsonObject("data");
    assertEquals("********ee42", d.getString("api_key"));
    assertEquals("harbour-at-cred", d.getString("username"));
    assertEquals("MPM-SMS", d.getString("short_code"));
    assertFalse(get.body().contains(key));
    String row = stored(t, "africas_talking_credentials");
    assertFalse(row.contains(key), row);
    assertFalse(row.contains("harbour-at-cred"), row);
    assertTrue(row.contains("gcm1:"), row);

    Resp bad = api.put(CREDENTIAL, "{\"username\":\"x\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
    assertTrue(bad.body().contains("api_key") && bad.body().contains("short_code"), bad.body());
    assertEquals(row, stored(t, "africas_talking_credentials"));

    // The console sends the whole form back, the masked key included: the stored key stays.
    Resp again = api.put(CREDENTIAL, "{\"id\":1,\"api_key\":\"********ee42\",\"username\":\"renamed\","
        + "\"short_code\":\"MPM-SMS\"}", t.token());
    assertEquals(200, again.status(), again.body());
    assertEquals("********ee42", again.obj().getJsonObject("data").getString("api_key"));
    long id = send(api, t, "+255716000501", "Still my key").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    assertEquals("renamed", at.sentWith(key).get(0).get("username"));
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefused() throws Exception {
    Tenant t = api.registerCompany("at-off");
    Resp get = api.get(CREDENTIAL, t.token());
    assertEquals(403, get.status(), get.body());
    assertEquals(NOT_ENABLED, get.body());
    Resp put = api.put(CREDENTIAL, credentials("atsk_off_123456789", "off"), t.token());
    assertEquals(403, put.status(), put.body());
    assertEquals(NOT_ENABLED, put.body());
    assertEquals("", stored(t, "africas_talking_credentials"));
    Resp choose = api.put("/api/settings/main/1", "{\"sms_gateway_id\":18}", t.token());
    assertEquals(422, choose.status(), choose.body());
    Resp in = postForm(TestServer.get(), "/api/africas-talking/callback/" + t.companyId() + "/incoming-messages",
        "from=%2B255716000999&text=hello&to=MPM-SMS&id=abc&date=2026-12-04");
    assertEquals(403, in.status(), in.body());
    assertEquals(NOT_ENABLED, in.body());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM sms"));
    // Its messages keep the installation's gateway.
    JsonObject sms = api.post("/api/sms/storeandsend", "{\"phone\":\"+255716000998\",\"message\":\"Recorded\"}",
        t.token()).obj().getJsonObject("data");
    assertEquals(1, sms.getInt("status"));
  }

  @Test
  void aCompanyWhoseCredentialsAreIncompleteKeepsTheInstallationsGateway() throws Exception {
    Tenant t = api.registerCompany("at-empty");
    assertEquals(200, api.put("/api/plugins/18", "{\"checked\":true}", t.token()).status());
    assertEquals(200, api.put("/api/settings/main/1", "{\"sms_gateway_id\":18}", t.token()).status());
    int before = at.requests().size();
    JsonObject sms = api.post("/api/sms/storeandsend", "{\"phone\":\"+255716000997\",\"message\":\"Recorded\"}",
        t.token()).obj().getJsonObject("data");
    assertEquals(1, sms.getInt("status"));
    assertEquals(before, at.requests().size());
  }

  @Test
  void twoCompaniesNeverShareCredentialsMessagesOrCallbacks() throws Exception {
    String keyA = "atsk_" + System.nanoTime() + "aaaa1111";
    String keyB = "atsk_" + System.nanoTime() + "bbbb2222";
    Tenant a = company("at-a", keyA);
    Tenant b = company("at-b", keyB);
    long idA = send(api, a, "+255716000401", "For A").getJsonNumber("id").longValue();
    long idB = send(api, b, "+255716000402", "For B").getJsonNumber("id").longValue();
    awaitStatus(a, idA, 1);
    awaitStatus(b, idB, 1);
    assertEquals(List.of("For A"), at.sentWith(keyA).stream().map(f -> f.get("message")).toList());
    assertEquals(List.of("For B"), at.sentWith(keyB).stream().map(f -> f.get("message")).toList());
    assertEquals("harbour-at-a", at.sentWith(keyA).get(0).get("username"));
    assertEquals("harbour-at-b", at.sentWith(keyB).get(0).get("username"));
    // A's report sent to B's path changes nothing.
    String messageA = uuidOf(a, idA);
    Resp wrong = postForm(TestServer.get(), "/api/africas-talking/callback/" + b.companyId() + "/delivery-reports",
        "id=" + messageA + "&status=Success");
    assertEquals(404, wrong.status(), wrong.body());
    assertEquals(1, count(a, "SELECT status FROM sms WHERE id = " + idA));
    assertEquals(0, count(b, "SELECT COUNT(*) FROM sms WHERE status = 2"));
    // An incoming message reaches only the company of its path.
    Resp in = postForm(TestServer.get(), "/api/africas-talking/callback/" + a.companyId() + "/incoming-messages",
        "from=%2B255716000401&text=Thanks+for+the+token&to=MPM-SMS&id=in-1&date=2026-12-04+10%3A00%3A00");
    assertEquals(200, in.status(), in.body());
    assertEquals(1, count(a, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND receiver = '+255716000401'"
        + " AND body = 'Thanks for the token' AND status = 2"));
    assertEquals(0, count(b, "SELECT COUNT(*) FROM sms WHERE direction = 0"));
    Resp json = api.post("/api/africas-talking/callback/" + b.companyId() + "/incoming-messages",
        "{\"from\":\"+255716000402\",\"text\":\"As JSON\"}", null);
    assertEquals(200, json.status(), json.body());
    assertEquals(1, count(b, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND body = 'As JSON'"));
    // Unknown company, missing fields.
    assertEquals(404, postForm(TestServer.get(), "/api/africas-talking/callback/99999999/incoming-messages",
        "from=1&text=x").status());
    Resp missing = postForm(TestServer.get(), "/api/africas-talking/callback/" + a.companyId()
        + "/incoming-messages", "from=%2B255716000401");
    assertEquals(422, missing.status(), missing.body());
  }
}
