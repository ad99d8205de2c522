package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The MeSomb plugin's payment notification (POST /api/mesomb, a user token of the company): credited once per pk
 * to the payer's one meter, also when delivered twenty times at once, with a token vended; a payer the company
 * cannot tell refused and kept as a conflict, once however often it is delivered; a failed payment refused; a
 * company that has not enabled the plugin refused; a company's notification never credits another company's
 * customer. MeSomb's signed webhook (POST /api/mesomb/webhook/{companyId}, MeSomb-Signature under the secret saved
 * at /api/mesomb/credential): credited once, also when replayed twenty times at once and when the same payment also
 * came through POST /api/mesomb; a forged, stale or unsigned delivery refused with 401 and nothing written; a wrong
 * amount refused and recorded.
 */
class MesombIT {

  static final String MORPH = "mesomb_transaction";

  static Api api;
  static Tenant t;
  static Tenant other;
  static PayingCustomers pay;
  static final String SECRET = "mesomb-webhook-secret-of-t";

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("mesomb");
    other = api.registerCompany("mesomb-b");
    pay = new PayingCustomers(api, t, 8);
    Resp saved = api.put("/api/mesomb/credential", "{\"webhook_secret\":\"" + SECRET + "\"}", t.token());
    assertEquals(200, saved.status(), saved.body());
  }

  /** MeSomb's event around a payment: the transaction's fields as the notification carries them. */
  static String event(String notification) {
    return "{\"id\":\"evt-" + System.nanoTime() + "\",\"object_type\":\"payment\",\"type\":\"payment.success\","
        + "\"data\":" + notification + "}";
  }

  /** The MeSomb-Signature of a body signed now: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
  static String signature(String body, String secret, long unixSeconds) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    return "t=" + unixSeconds + ",v1=" + hex;
  }

  static Resp webhook(Tenant to, String body, String signature) {
    return api.post("/api/mesomb/webhook/" + to.companyId(), body, null,
        signature == null ? Map.of() : Map.of("MeSomb-Signature", signature));
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static String notification(String pk, String bParty, String amount, String status) {
    return "{\"pk\":\"" + pk + "\",\"status\":\"" + status + "\",\"type\":\"COLLECT\",\"amount\":" + amount
        + ",\"fees\":1.5,\"b_party\":\"" + bParty + "\",\"message\":\"Energy\",\"service\":\"MTN\","
        + "\"reference\":\"ORD-" + pk + "\",\"ts\":\"2026-12-04 10:00:00\",\"direction\":1}";
  }

  @Test
  void aNotificationIsCreditedOnceToThePayersMeter() throws Exception {
    pay.customer("Achille", "MSB-001", "+255713800001");
    Resp r = api.post("/api/mesomb", notification("pk-001", "255713800001", "500", "SUCCESS"), t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject d = r.obj().getJsonObject("data");
    assertEquals("mesomb_transaction", d.getString("type"));
    assertEquals("pk-001", d.getString("pk"));
    assertEquals("255713800001", d.getJsonObject("attributes").getString("b_party"));
    assertEquals(500, d.getJsonObject("attributes").getJsonNumber("amount").intValue());
    assertEquals(1, pay.payments(MORPH, "MSB-001"));
    assertEquals(1, pay.tokens(MORPH, "MSB-001"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-001' AND status = 1"));
    Resp again = api.post("/api/mesomb", notification("pk-001", "255713800001", "500", "SUCCESS"), t.token());
    assertEquals(200, again.status(), again.body());
    assertEquals(1, pay.payments(MORPH, "MSB-001"));
  }

  @Test
  void twentyConcurrentDeliveriesCreditOnce() throws Exception {
    pay.customer("Blaise", "MSB-002", "+255713800002");
    List<Resp> answers = PayingCustomers.concurrently(20, () -> api.post("/api/mesomb",
        notification("pk-002", "+255713800002", "700", "SUCCESS"), t.token()));
    for (Resp r : answers) {
      assertEquals(200, r.status(), r.body());
    }
    assertEquals(1, pay.payments(MORPH, "MSB-002"));
    assertEquals(1, pay.tokens(MORPH, "MSB-002"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-002'"));
  }

  @Test
  void aPayerTheCompanyCannotTellIsRefusedAndRecorded() throws Exception {
    Resp r = api.post("/api/mesomb", notification("pk-003", "255713899999", "500", "SUCCESS"), t.token());
    assertEquals(422, r.status(), r.body());
    JsonObject e = r.obj().getJsonObject("errors");
    assertEquals(422, e.getInt("code"));
    assertEquals("Mesomp Payment Failed.", e.getString("title"));
    assertEquals(1, pay.conflicts(MORPH, "(MeSomb pk pk-003)"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-003' AND status = -1"));
    // Delivered again, then five times at once: the same answer, and still one refused row with one conflict.
    Resp again = api.post("/api/mesomb", notification("pk-003", "255713899999", "500", "SUCCESS"), t.token());
    assertEquals(422, again.status(), again.body());
    assertEquals(r.body(), again.body());
    for (Resp each : PayingCustomers.concurrently(5, () -> api.post("/api/mesomb",
        notification("pk-003", "255713899999", "500", "SUCCESS"), t.token()))) {
      assertEquals(422, each.status(), each.body());
    }
    assertEquals(1, pay.conflicts(MORPH, "(MeSomb pk pk-003)"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-003'"));
    assertEquals(0, pay.count("SELECT COUNT(*) FROM transactions t JOIN mesomb_transactions m ON"
        + " m.id = t.original_transaction_id AND t.original_transaction_type = 'mesomb_transaction'"
        + " WHERE m.pk = 'pk-003'"));
  }

  @Test
  void aFailedPaymentOrBadInputIsRefusedAndNothingCredited() throws Exception {
    pay.customer("Celine", "MSB-004", "+255713800004");
    Resp failed = api.post("/api/mesomb", notification("pk-004", "255713800004", "500", "FAILED"), t.token());
    assertEquals(400, failed.status(), failed.body());
    assertEquals("Mesomp Status Failed.", failed.obj().getJsonObject("errors").getString("title"));
    Resp bad = api.post("/api/mesomb", "{\"pk\":\"pk-004b\",\"amount\":\"lots\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
    Resp anonymous = api.post("/api/mesomb", notification("pk-004c", "255713800004", "500", "SUCCESS"), null);
    assertEquals(401, anonymous.status(), anonymous.body());
    assertEquals(0, pay.payments(MORPH, "MSB-004"));
    assertEquals(0, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk LIKE 'pk-004%'"));
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefused() throws Exception {
    Tenant off = api.registerCompany("mesomb-off");
    Resp r = api.post("/api/mesomb", notification("pk-005", "255713800001", "500", "SUCCESS"), off.token());
    assertEquals(403, r.status(), r.body());
    assertEquals(PaystackIT.NOT_ENABLED, r.body());
    assertEquals(0, Db.count(off, "SELECT COUNT(*) FROM mesomb_transactions"));
  }

  @Test
  void twoCompaniesNeverCross() throws Exception {
    pay.customer("Dieudonne", "MSB-006", "+255713800006");
    PayingCustomers b = new PayingCustomers(api, other, 8);
    b.customer("Dieudonne", "MSB-006-B", "+255713800006");
    Resp r = api.post("/api/mesomb", notification("pk-006", "255713800006", "400", "SUCCESS"), other.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(1, b.payments(MORPH, "MSB-006-B"));
    assertEquals(0, pay.payments(MORPH, "MSB-006"));
    assertEquals(0, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-006'"));
    Resp same = api.post("/api/mesomb", notification("pk-006", "255713800006", "400", "SUCCESS"), t.token());
    assertEquals(200, same.status(), same.body());
    assertEquals(1, pay.payments(MORPH, "MSB-006"), "a pk is the company's own");
  }

  @Test
  void theWebhookSecretIsSavedEncryptedAndAnsweredMasked() throws Exception {
    Resp r = api.get("/api/mesomb/credential", t.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("********of-t", r.obj().getJsonObject("data").getString("webhook_secret"));
    assertEquals(0, pay.count("SELECT COUNT(*) FROM mesomb_credentials WHERE webhook_secret LIKE '%" + SECRET + "%'"));
    Tenant off = api.registerCompany("mesomb-cred-off");
    assertEquals(403, api.get("/api/mesomb/credential", off.token()).status());
    Resp empty = api.put("/api/mesomb/credential", "{}", t.token());
    assertEquals(422, empty.status(), empty.body());
  }

  @Test
  void aSignedWebhookIsCreditedOnceAlsoWhenThePaymentCameThroughBothRoutes() throws Exception {
    pay.customer("Emmanuel", "MSB-101", "+255713800101");
    String payment = notification("pk-101", "255713800101", "800", "SUCCESS");
    String body = event(payment);
    Resp r = webhook(t, body, signature(body, SECRET, now()));
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"status\":\"success\"}", r.body());
    assertEquals(1, pay.payments(MORPH, "MSB-101"));
    assertEquals(1, pay.tokens(MORPH, "MSB-101"));
    Resp old = api.post("/api/mesomb", payment, t.token());
    assertEquals(200, old.status(), old.body());
    assertEquals(1, pay.payments(MORPH, "MSB-101"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-101'"));

    pay.customer("Fabrice", "MSB-102", "+255713800102");
    String first = notification("pk-102", "255713800102", "900", "SUCCESS");
    assertEquals(200, api.post("/api/mesomb", first, t.token()).status());
    String later = event(first);
    Resp signed = webhook(t, later, signature(later, SECRET, now()));
    assertEquals(200, signed.status(), signed.body());
    assertEquals(1, pay.payments(MORPH, "MSB-102"));
    assertEquals(900, pay.count("SELECT SUM(amount) FROM transactions WHERE message = 'MSB-102'"));
  }

  @Test
  void twentyConcurrentReplaysOfASignedWebhookCreditOnce() throws Exception {
    pay.customer("Gaston", "MSB-103", "+255713800103");
    String body = event(notification("pk-103", "255713800103", "700", "SUCCESS"));
    String sig = signature(body, SECRET, now());
    List<Resp> answers = PayingCustomers.concurrently(20, () -> webhook(t, body, sig));
    for (Resp r : answers) {
      assertEquals(200, r.status(), r.body());
    }
    assertEquals(1, pay.payments(MORPH, "MSB-103"));
    assertEquals(1, pay.tokens(MORPH, "MSB-103"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-103'"));
  }

  @Test
  void aForgedStaleOrUnsignedWebhookIs401AndWritesNothing() throws Exception {
    pay.customer("Hugues", "MSB-104", "+255713800104");
    String body = event(notification("pk-104", "255713800104", "500", "SUCCESS"));
    long conflicts = pay.count("SELECT COUNT(*) FROM transaction_conflicts");
    Resp forged = webhook(t, body, signature(body, "not-the-secret", now()));
    assertEquals(401, forged.status(), forged.body());
    assertEquals(401, forged.obj().getJsonObject("errors").getInt("code"));
    String tampered = body.replace("\"amount\":500", "\"amount\":50000");
    assertEquals(401, webhook(t, tampered, signature(body, SECRET, now())).status());
    assertEquals(401, webhook(t, body, signature(body, SECRET, now() - 3600)).status());
    assertEquals(401, webhook(t, body, null).status());
    assertEquals(401, webhook(other, body, signature(body, SECRET, now())).status(), "no secret saved");
    assertEquals(401, api.post("/api/mesomb/webhook/999999999", body, null,
        Map.of("MeSomb-Signature", signature(body, SECRET, now()))).status());
    assertEquals(0, pay.payments(MORPH, "MSB-104"));
    assertEquals(0, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-104'"));
    assertEquals(conflicts, pay.count("SELECT COUNT(*) FROM transaction_conflicts"));
    assertEquals(0, Db.count(other, "SELECT COUNT(*) FROM mesomb_credentials"));
    Resp right = api.post("/api/mesomb/webhook/" + t.companyId(), body, null,
        Map.of("X-MeSomb-Signature", signature(body, SECRET, now())));
    assertEquals(200, right.status(), right.body());
    assertEquals(1, pay.payments(MORPH, "MSB-104"));
  }

  @Test
  void aWrongAmountInASignedWebhookIsRefusedAndRecorded() throws Exception {
    pay.customer("Ibrahim", "MSB-105", "+255713800105");
    String body = event(notification("pk-105", "255713800105", "-500", "SUCCESS"));
    Resp r = webhook(t, body, signature(body, SECRET, now()));
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"status\":\"ignored\"}", r.body());
    assertEquals(0, pay.payments(MORPH, "MSB-105"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-105' AND status = -1"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM transaction_conflicts c JOIN mesomb_transactions m ON"
        + " m.id = c.transaction_id WHERE c.transaction_type = 'mesomb_transaction' AND m.pk = 'pk-105'"
        + " AND c.state LIKE '%greater than 0%'"));
    Resp again = webhook(t, body, signature(body, SECRET, now()));
    assertEquals(200, again.status(), again.body());
    assertEquals(1, pay.count("SELECT COUNT(*) FROM mesomb_transactions WHERE pk = 'pk-105'"));
  }
}
