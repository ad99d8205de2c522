package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;
import static org.mpm.st.SmsGatewayPlugins.NOT_ENABLED;
import static org.mpm.st.SmsGatewayPlugins.awaitGivenUp;
import static org.mpm.st.SmsGatewayPlugins.awaitStatus;
import static org.mpm.st.SmsGatewayPlugins.companyWith;
import static org.mpm.st.SmsGatewayPlugins.raw;
import static org.mpm.st.SmsGatewayPlugins.send;
import static org.mpm.st.SmsGatewayPlugins.stored;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;
import org.mpm.st.VendorSimulator.Request;

/**
 * The TextBee plugin against a simulator of its gateway API ({@link TextbeeSimulator}): messages of a company that
 * chose it go to its device once each, refusals are retried and given up; its signed webhook brings incoming
 * messages to the company of its path, and an unsigned or wrongly signed one changes nothing; its received-message
 * listing is polled, and a message that came both ways is stored and booked once.
 */
class TextbeeIT {

  static final String CREDENTIAL = "/api/textbee-sms-gateway/credential";

  static Api api;
  static TextbeeSimulator textbee;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    textbee = TestServer.get().textbee();
  }

  static Tenant company(String prefix, String key, String device, String secret) {
    return companyWith(api, prefix, 26, CREDENTIAL, "{\"api_key\":\"" + key + "\",\"device_id\":\"" + device
        + "\",\"webhook_secret\":\"" + secret + "\"}");
  }

  static String sign(String body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  static Resp webhook(Tenant t, String body, String signature) {
    return raw(TestServer.get(), "/api/textbee-sms-gateway/callback/" + t.companyId() + "/incoming-messages",
        "application/json", body, signature == null ? Map.of() : Map.of("x-signature", signature));
  }

  static String received(String sender, String message) {
    return "{\"smsId\":\"66a1b2c3d4e5f60718293a4b\",\"sender\":\"" + sender + "\",\"message\":\"" + message
        + "\",\"receivedAt\":\"2026-12-04T10:00:00.000Z\",\"deviceId\":\"dev\",\"webhookSubscriptionId\":\"sub\","
        + "\"webhookEvent\":\"MESSAGE_RECEIVED\"}";
  }

  @Test
  void aMessageIsSentOnceThroughTheCompanysDevice() throws Exception {
    String key = "tbk_" + System.nanoTime() + "5e6f7a8b";
    String device = "65f0" + System.nanoTime();
    Tenant t = company("tb", key, device, "whsec-tb-1");
    long id = send(api, t, "+255716100101", "Token 5678").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    List<Request> sent = textbee.sentWith(key);
    assertEquals(1, sent.size());
    assertEquals("/api/v1/gateway/devices/" + device + "/send-sms", sent.get(0).path());
    JsonObject body = TextbeeSimulator.json(sent.get(0));
    assertEquals("+255716100101", body.getJsonArray("recipients").getString(0));
    assertEquals("Token 5678", body.getString("message"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND gateway_id = 26"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM textbee_messages m JOIN sms s ON s.id = m.sms_id"
        + " WHERE s.id = " + id + " AND m.message_id = s.uuid AND m.status = 'true'"));
  }

  @Test
  void refusalsAreRetriedAndAGatewayThatStaysDownIsGivenUp() throws Exception {
    String retried = "FAIL1-" + System.nanoTime();
    Tenant t = company("tb-retry", retried, "dev-retry", "whsec-tb-2");
    long id = send(api, t, "+255716100201", "Retried").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    assertEquals(2, textbee.sentWith(retried).size());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND attempts = 1"));

    String down = "DOWN-" + System.nanoTime();
    Tenant d = company("tb-down", down, "dev-down", "whsec-tb-3");
    long never = send(api, d, "+255716100301", "Never").getJsonNumber("id").longValue();
    awaitGivenUp(d, never);
    assertEquals(1, count(d, "SELECT COUNT(*) FROM sms WHERE id = " + never + " AND status = -1"
        + " AND error_message LIKE 'TextBee message sending failed: HTTP 503%'"));
    assertEquals(6, textbee.sentWith(down).size());
  }

  @Test
  void signedIncomingMessagesReachTheCompanyOfThePathOnly() throws Exception {
    Tenant a = company("tb-in-a", "tbk_a_" + System.nanoTime(), "dev-a", "whsec-a-123456");
    Tenant b = company("tb-in-b", "tbk_b_" + System.nanoTime(), "dev-b", "whsec-b-654321");
    String body = received("+255716100401", "Hello from the field");
    Resp ok = webhook(a, body, sign(body, "whsec-a-123456"));
    assertEquals(200, ok.status(), ok.body());
    assertEquals(1, count(a, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND receiver = '+255716100401'"
        + " AND body = 'Hello from the field'"));
    // B's path with A's signature, no signature, a tampered body: refused, nothing stored.
    Resp wrongCompany = webhook(b, body, sign(body, "whsec-a-123456"));
    assertEquals(401, wrongCompany.status(), wrongCompany.body());
    assertEquals("{\"status\":\"unauthorized\"}", wrongCompany.body());
    assertEquals(401, webhook(a, body, null).status());
    String tampered = received("+255716100401", "Pay me");
    assertEquals(401, webhook(a, tampered, sign(body, "whsec-a-123456")).status());
    assertEquals(0, count(b, "SELECT COUNT(*) FROM sms WHERE direction = 0"));
    assertEquals(1, count(a, "SELECT COUNT(*) FROM sms WHERE direction = 0"));
    // Another event is acknowledged and stores nothing.
    String status = "{\"smsId\":\"x\",\"webhookEvent\":\"MESSAGE_SENT\"}";
    assertEquals(200, webhook(a, status, sign(status, "whsec-a-123456")).status());
    assertEquals(1, count(a, "SELECT COUNT(*) FROM sms WHERE direction = 0"));
  }

  @Test
  void withoutTheSecretOrThePluginNothingIsTaken() throws Exception {
    Tenant noSecret = companyWith(api, "tb-nosecret", 26, CREDENTIAL,
        "{\"api_key\":\"tbk_ns_" + System.nanoTime() + "\",\"device_id\":\"dev-ns\"}");
    String body = received("+255716100501", "Unsigned");
    assertEquals(401, webhook(noSecret, body, sign(body, "guess")).status());
    assertEquals(0, count(noSecret, "SELECT COUNT(*) FROM sms WHERE direction = 0"));

    Tenant off = api.registerCompany("tb-off");
    Resp get = api.get(CREDENTIAL, off.token());
    assertEquals(403, get.status(), get.body());
    assertEquals(NOT_ENABLED, get.body());
    assertEquals(403, webhook(off, body, sign(body, "x")).status());
    assertEquals("", stored(off, "textbee_credentials"));
  }

  @Test
  void credentialsAreStoredEncryptedAndAnsweredMasked() throws Exception {
    String key = "tbk_" + System.nanoTime() + "abcd9876";
    Tenant t = company("tb-cred", key, "device-visible-1", "whsec-hidden-4321");
    JsonObject d = api.get(CREDENTIAL, t.token()).obj().getJsonObject("data");
    assertEquals("********9876", d.getString("api_key"));
    assertEquals("device-visible-1", d.getString("device_id"));
    assertEquals("********4321", d.getString("webhook_secret"));
    String row = stored(t, "textbee_credentials");
    assertFalse(row.contains(key) || row.contains("whsec-hidden-4321") || row.contains("device-visible-1"), row);
    assertTrue(row.contains("gcm1:"), row);
    Resp bad = api.put(CREDENTIAL, "{\"api_key\":\"k\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
    assertEquals(row, stored(t, "textbee_credentials"));
  }

  /** Waits until the query counts at least {@code n} (at most 60 s); returns the count. */
  static long await(Tenant t, String sql, long n) throws Exception {
    long end = System.nanoTime() + 60_000_000_000L;
    while (count(t, sql) < n && System.nanoTime() < end) {
      Thread.sleep(250);
    }
    return count(t, sql);
  }

  @Test
  void receivedMessagesArePolledAndTakenOnceWhicheverWayTheyCame() throws Exception {
    String key = "tbk_poll_" + System.nanoTime();
    String device = "65f1" + System.nanoTime();
    Tenant t = company("tb-poll", key, device, "whsec-poll-1");
    // The SMS transaction parser reads confirmations of "HMONEY" for a meter of the company.
    SmsTransactionParserIT.api = api;
    PeopleIT.api = api;
    assertEquals(200, api.put("/api/plugins/29", "{\"checked\":true}", t.token()).status());
    String serial = "TBP" + System.nanoTime();
    SmsTransactionParserIT.meter(t, serial);
    assertEquals(201, api.post(SmsTransactionParserIT.RULES, SmsTransactionParserIT.rule("Harbour Money",
        "/HMONEY/i"), t.token()).status());
    String reference = "TB" + System.nanoTime();
    String confirmation = SmsTransactionParserIT.confirmation(reference, "1200", serial);
    Instant now = Instant.now();
    String hello = "66b0" + System.nanoTime();
    String paid = "66b1" + System.nanoTime();
    textbee.receive(device, hello, "+255716100601", "Hello by poll", now.minusSeconds(60));
    textbee.receive(device, paid, "HMONEY", confirmation, now.minusSeconds(30));
    // The confirmation also arrives by the webhook, with the same TextBee id.
    String body = "{\"smsId\":\"" + paid + "\",\"sender\":\"HMONEY\",\"message\":\"" + confirmation
        + "\",\"receivedAt\":\"" + now.minusSeconds(30) + "\",\"deviceId\":\"" + device
        + "\",\"webhookEvent\":\"MESSAGE_RECEIVED\"}";
    assertEquals(200, webhook(t, body, sign(body, "whsec-poll-1")).status());
    String hellos = "SELECT COUNT(*) FROM sms WHERE direction = 0 AND body = 'Hello by poll'"
        + " AND receiver = '+255716100601'";
    assertEquals(1, await(t, hellos, 1));
    // Several polls later, and the webhook's copy delivered again: every message once, the payment once.
    long polls = textbee.listingsWith(key).size();
    long end = System.nanoTime() + 30_000_000_000L;
    while (textbee.listingsWith(key).size() < polls + 2 && System.nanoTime() < end) {
      Thread.sleep(250);
    }
    assertEquals(200, webhook(t, body, sign(body, "whsec-poll-1")).status());
    assertEquals(1, count(t, hellos));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND body LIKE '%" + reference + "%'"));
    assertEquals(1, SmsTransactionParserIT.booked(t, reference));
    assertEquals(2, count(t, "SELECT COUNT(*) FROM textbee_received_messages WHERE sms_id IS NOT NULL"));
    Request listing = textbee.listingsWith(key).get(0);
    assertEquals("/api/v1/gateway/devices/" + device + "/get-received-sms", listing.path());
    assertEquals("1", listing.param("page"));
    // A later message is found by the next poll; the company's cursor moves on to it.
    String later = "66b2" + System.nanoTime();
    Instant laterAt = Instant.now().minusSeconds(1);
    textbee.receive(device, later, "+255716100602", "Later by poll", laterAt);
    assertEquals(1, await(t, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND body = 'Later by poll'", 1));
    assertEquals(1, await(t, "SELECT COUNT(*) FROM textbee_polls WHERE received_after >= '"
        + laterAt.toString().replace("T", " ").replace("Z", "").substring(0, 19) + "'", 1));
    // Another company's device is polled with its own key only: nothing of this one reaches it.
    Tenant other = company("tb-poll-b", "tbk_pollb_" + System.nanoTime(), "65f2" + System.nanoTime(),
        "whsec-poll-2");
    assertEquals(0, count(other, "SELECT COUNT(*) FROM sms WHERE direction = 0"));
  }
}
