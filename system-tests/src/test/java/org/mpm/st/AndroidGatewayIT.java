package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Android SMS gateway behind the gateway SPI: a company that chooses it (main settings, gateway 2) and has a
 * phone gets its messages pushed through Firebase Cloud Messaging ({@link FcmSimulator}) from the queue, outside
 * any transaction; refusals are retried and in the end given up; the phone's callbacks mark the message.
 */
class AndroidGatewayIT {

  static Api api;
  static FcmSimulator fcm;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    fcm = TestServer.get().fcm();
  }

  /** A company sending through the Android gateway to a phone with this token. */
  static Tenant withPhone(String prefix, String token) {
    return withPhoneOf(api, prefix, token);
  }

  static Tenant withPhoneOf(Api api, String prefix, String token) {
    Tenant t = api.registerCompany(prefix);
    Resp s = api.put("/api/settings/main/1", "{\"sms_gateway_id\":2}", t.token());
    assertEquals(200, s.status(), s.body());
    Resp p = api.post("/api/sms-android-setting", "{\"token\":\"" + token + "\"}", t.token());
    assertTrue(p.status() == 200 || p.status() == 201, p.body());
    return t;
  }

  static JsonObject send(Tenant t, String phone, String message) {
    Resp r = api.post("/api/sms/storeandsend", "{\"phone\":\"" + phone + "\",\"message\":\"" + message + "\"}",
        t.token());
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data");
  }

  static void awaitStatus(Tenant t, long id, int status) throws Exception {
    for (int i = 0; i < 300 && count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = " + status) == 0;
        i++) {
      Thread.sleep(100);
    }
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = " + status),
        "message " + id + " reaches status " + status);
  }

  @Test
  void aMessageIsPushedToTheCompanysPhoneAndItsCallbacksCount() throws Exception {
    String token = "phone-" + System.nanoTime();
    Tenant t = withPhone("android", token);
    JsonObject sms = send(t, "+255716000101", "Pushed through the phone");
    // Queued in the request, sent after it by the queue.
    assertEquals(0, sms.getInt("status"));
    long id = sms.getJsonNumber("id").longValue();
    String uuid = sms.getString("uuid");
    awaitStatus(t, id, 1);
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND gateway_id = 2 AND attempts = 0"));
    List<JsonObject> pushes = fcm.pushesTo(token);
    assertEquals(1, pushes.size());
    JsonObject data = pushes.get(0).getJsonObject("data");
    assertEquals("+255716000101", data.getString("number"));
    assertEquals("Pushed through the phone", data.getString("message"));
    assertTrue(data.getString("callback").contains("/sms-android-callback/" + uuid + "/confirm/" + t.companyId()),
        data.getString("callback"));

    assertEquals(200, api.get("/api/sms-android-callback/" + uuid + "/delivered/" + t.companyId(), null).status());
    assertEquals(2, count(t, "SELECT status FROM sms WHERE id = " + id));
  }

  @Test
  void aRefusedPushIsRetriedUntilThePhoneTakesIt() throws Exception {
    String token = "FAIL2-" + System.nanoTime();
    Tenant t = withPhone("android-retry", token);
    long id = send(t, "+255716000201", "Retried").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    assertEquals(3, fcm.pushesTo(token).size());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND attempts = 2"
        + " AND error_message IS NULL"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND ref_id = " + id
        + " AND state = 'done'"));
  }

  @Test
  void aPhoneThatNeverAnswersEndsInAFailedMessage() throws Exception {
    String token = "DOWN-" + System.nanoTime();
    Tenant t = withPhone("android-down", token);
    long id = send(t, "+255716000301", "Never").getJsonNumber("id").longValue();
    for (int i = 0; i < 300 && count(t, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND ref_id = " + id
        + " AND state = 'failed'") == 0; i++) {
      Thread.sleep(100);
    }
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = -1"
        + " AND error_message LIKE 'Android gateway: HTTP 503%'"));
    assertEquals(6, fcm.pushesTo(token).size());
  }

  @Test
  void companiesWithoutTheChoiceOrWithoutAPhoneKeepTheirGateway() throws Exception {
    Tenant plain = api.registerCompany("android-none");
    int before = fcm.pushes().size();
    JsonObject sms = send(plain, "+255716000401", "Recorded");
    assertEquals(1, sms.getInt("status"));
    // A phone without the choice in the main settings: still the installation's gateway.
    Resp p = api.post("/api/sms-android-setting", "{\"token\":\"unused-" + System.nanoTime() + "\"}", plain.token());
    assertTrue(p.status() == 200 || p.status() == 201, p.body());
    assertEquals(1, send(plain, "+255716000402", "Recorded too").getInt("status"));
    assertEquals(before, fcm.pushes().size());
  }
}
