package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Swifta plugin: its token (GET /api/swifta-payment/authentication), Swifta's validation that requests a
 * payment and its confirmation that is accepted once — also when delivered twenty times at once — with a token
 * vended; a wrong token, cipher, amount or transaction refused (the last two kept as conflicts); a company that has
 * not enabled the plugin, and a company's token used for another company's payment.
 */
class SwiftaIT {

  static final String MORPH = "swifta_transaction";

  static Api api;
  static Tenant t;
  static Tenant other;
  static PayingCustomers pay;
  static String token;
  static String otherToken;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("swifta");
    other = api.registerCompany("swifta-b");
    pay = new PayingCustomers(api, t, 7);
    Resp first = api.get("/api/swifta-payment/authentication", t.token());
    assertEquals(200, first.status(), first.body());
    token = first.obj().getJsonObject("data").getString("token");
    Resp on = api.put("/api/plugins/7", "{\"checked\":true}", other.token());
    assertEquals(200, on.status(), on.body());
    otherToken = api.get("/api/swifta-payment/authentication", other.token()).obj().getJsonObject("data")
        .getString("token");
  }

  static String md5(String s) throws Exception {
    return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5")
        .digest(s.getBytes(StandardCharsets.UTF_8))));
  }

  static String signed(String fields, String amount) throws Exception {
    String ts = "1733300000";
    return "{" + fields + ",\"amount\":" + amount + ",\"timestamp\":\"" + ts + "\",\"cipher\":\""
        + md5("Inensus" + ts + amount + "Swifta") + "\"}";
  }

  static Resp validate(String serial, String amount, String bearer) throws Exception {
    return api.post("/api/swifta/validation", signed("\"meter_number\":\"" + serial + "\"", amount), bearer);
  }

  static Resp confirm(long id, String reference, String amount, String bearer) throws Exception {
    return api.post("/api/swifta/transaction", signed("\"transaction_id\":" + id + ",\"transaction_reference\":\""
        + reference + "\"", amount), bearer);
  }

  static long requested(String serial, String amount) throws Exception {
    Resp v = validate(serial, amount, token);
    assertEquals(200, v.status(), v.body());
    return v.obj().getJsonNumber("transaction_id").longValue();
  }

  @Test
  void theTokenIsStoredEncryptedAndShownInClearOnlyOnce() throws Exception {
    assertTrue(token.length() > 40, token);
    Resp again = api.get("/api/swifta-payment/authentication", t.token());
    assertEquals(200, again.status(), again.body());
    JsonObject d = again.obj().getJsonObject("data");
    assertEquals("********" + token.substring(token.length() - 4), d.getString("token"));
    assertTrue(d.getJsonNumber("expire_date").longValue() > System.currentTimeMillis() / 1000 + 2L * 365 * 86400);
    try (var c = Db.tenant(t); var s = c.createStatement(); var rs = s.executeQuery(
        "SELECT token FROM swifta_authentication")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(1).startsWith("gcm1:"));
      assertFalse(rs.getString(1).contains(token));
      assertFalse(rs.next());
    }
  }

  @Test
  void aConfirmedPaymentIsCreditedOnceAndItsTokenIssued() throws Exception {
    pay.customer("Amani", "SWF-001", "+255712000001");
    Resp v = validate("SWF-001", "500", token);
    assertEquals(200, v.status(), v.body());
    JsonObject vo = v.obj();
    assertEquals(1, vo.getInt("success"));
    assertEquals("Amani Payer", vo.getString("customer"));
    long id = vo.getJsonNumber("transaction_id").longValue();
    assertEquals(0, pay.payments(MORPH, "SWF-001"), "nothing is paid at validation");
    assertEquals(-2, pay.count("SELECT status FROM swifta_transactions WHERE id = " + id));
    Resp c = confirm(id, "SWIFTA-REF-1", "500", token);
    assertEquals(201, c.status(), c.body());
    assertEquals(1, c.obj().getInt("success"));
    assertEquals(id, c.obj().getJsonNumber("transaction_id").longValue());
    assertEquals(1, pay.payments(MORPH, "SWF-001"));
    assertEquals(1, pay.tokens(MORPH, "SWF-001"));
    assertEquals(id, pay.count("SELECT original_transaction_id FROM transactions WHERE message = 'SWF-001'"));
    assertEquals(500, pay.count("SELECT amount FROM transactions WHERE message = 'SWF-001'"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM transactions WHERE message = 'SWF-001'"
        + " AND sender = '+255712000001'"));
    assertEquals(1, pay.count("SELECT status FROM swifta_transactions WHERE id = " + id
        + " AND transaction_reference = 'SWIFTA-REF-1'"));
    Resp replay = confirm(id, "SWIFTA-REF-1", "500", token);
    assertEquals(201, replay.status(), replay.body());
    assertEquals(1, pay.payments(MORPH, "SWF-001"));
  }

  @Test
  void twentyConcurrentDeliveriesCreditOnce() throws Exception {
    pay.customer("Baraka", "SWF-002", "+255712000002");
    long id = requested("SWF-002", "700");
    List<Resp> answers = PayingCustomers.concurrently(20, () -> confirm(id, "SWIFTA-REF-2", "700", token));
    for (Resp r : answers) {
      assertEquals(201, r.status(), r.body());
    }
    assertEquals(1, pay.payments(MORPH, "SWF-002"));
    assertEquals(1, pay.tokens(MORPH, "SWF-002"));
    assertEquals(700, pay.count("SELECT SUM(amount) FROM transactions WHERE message = 'SWF-002'"));
  }

  @Test
  void aWrongTokenOrCipherIsRefusedBeforeAnythingElse() throws Exception {
    pay.customer("Chausiku", "SWF-003", "+255712000003");
    long rows = pay.count("SELECT COUNT(*) FROM swifta_transactions");
    Resp userJwt = validate("SWF-003", "500", t.token());
    assertEquals(401, userJwt.status(), userJwt.body());
    Resp none = validate("SWF-003", "500", null);
    assertEquals(401, none.status(), none.body());
    String otherKey = api.post("/api/api-keys", "{\"name\":\"reports\"}", t.token()).obj().getJsonObject("data")
        .getString("token");
    Resp notSwifta = validate("SWF-003", "500", otherKey);
    assertEquals(401, notSwifta.status(), notSwifta.body());
    assertEquals("{\"success\":0,\"message\":\"Authentication field.\"}", notSwifta.body());
    Resp badCipher = api.post("/api/swifta/validation", "{\"meter_number\":\"SWF-003\",\"amount\":500,"
        + "\"timestamp\":\"1\",\"cipher\":\"" + md5("Inensus1" + "5000" + "Swifta") + "\"}", token);
    assertEquals(400, badCipher.status(), badCipher.body());
    assertEquals("{\"success\":0,\"message\":\"cipher validation field.\"}", badCipher.body());
    assertEquals(rows, pay.count("SELECT COUNT(*) FROM swifta_transactions"));
  }

  @Test
  void aWrongAmountOrUnknownTransactionIsRefusedAndRecorded() throws Exception {
    pay.customer("Dalila", "SWF-004", "+255712000004");
    long id = requested("SWF-004", "600");
    Resp wrong = confirm(id, "SWIFTA-REF-4", "6000", token);
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals("{\"success\":0,\"message\":\"amount validation field.\"}", wrong.body());
    assertEquals(1, pay.conflicts(MORPH, "amount validation field. (Swifta transaction_id " + id + ")"));
    Resp unknown = confirm(id + 100000, "SWIFTA-REF-X", "600", token);
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals(1, pay.conflicts(MORPH, "transaction_id validation field. (Swifta transaction_id "
        + (id + 100000) + ")"));
    assertEquals(0, pay.payments(MORPH, "SWF-004"));
    assertEquals(-2, pay.count("SELECT status FROM swifta_transactions WHERE id = " + id), "still payable");
    Resp right = confirm(id, "SWIFTA-REF-4", "600", token);
    assertEquals(201, right.status(), right.body());
    assertEquals(1, pay.payments(MORPH, "SWF-004"));
  }

  @Test
  void aPaymentTheTariffCannotTakeIsRefusedAtValidation() throws Exception {
    pay.customer("Eshe", "SWF-005", "+255712000005");
    Resp low = validate("SWF-005", "50", token);
    assertEquals(400, low.status(), low.body());
    assertEquals(0, low.obj().getInt("success"));
    Resp unknown = validate("SWF-NOPE", "500", token);
    assertEquals(400, unknown.status(), unknown.body());
  }

  @Test
  void aCompanyThatDisabledThePluginIsRefused() throws Exception {
    Tenant off = api.registerCompany("swifta-off");
    assertEquals(200, api.put("/api/plugins/7", "{\"checked\":true}", off.token()).status());
    String offToken = api.get("/api/swifta-payment/authentication", off.token()).obj().getJsonObject("data")
        .getString("token");
    assertEquals(200, api.put("/api/plugins/7", "{\"checked\":false}", off.token()).status());
    Resp r = validate("SWF-001", "500", offToken);
    assertEquals(403, r.status(), r.body());
    assertEquals(PaystackIT.NOT_ENABLED, r.body());
    Resp show = api.get("/api/swifta-payment/authentication", off.token());
    assertEquals(403, show.status(), show.body());
  }

  @Test
  void anotherCompanysTokenNeverReachesThisCompanysPayments() throws Exception {
    pay.customer("Faraji", "SWF-006", "+255712000006");
    long id = requested("SWF-006", "800");
    Resp r = confirm(id, "SWIFTA-REF-6", "800", otherToken);
    assertEquals(400, r.status(), r.body());
    assertEquals(-2, pay.count("SELECT status FROM swifta_transactions WHERE id = " + id));
    assertEquals(0, pay.payments(MORPH, "SWF-006"));
    Resp v = validate("SWF-006", "800", otherToken);
    assertEquals(400, v.status(), v.body());
  }

  @Test
  void aPaymentRequestedMoreThanADayAgoIsFailedAndItsLateConfirmationRefused() throws Exception {
    pay.customer("Gasira", "SWF-007", "+255712000007");
    long old = requested("SWF-007", "700");
    long fresh = requested("SWF-007", "750");
    try (var c = Db.tenant(t); var s = c.createStatement()) {
      s.executeUpdate("UPDATE swifta_transactions SET created_at = UTC_TIMESTAMP() - INTERVAL 25 HOUR WHERE id = "
          + old);
      s.executeUpdate("UPDATE swifta_transactions SET created_at = UTC_TIMESTAMP() - INTERVAL 23 HOUR WHERE id = "
          + fresh);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (pay.count("SELECT status FROM swifta_transactions WHERE id = " + old) != -1) {
      assertTrue(System.nanoTime() < deadline, "the requested payment was not failed by the expiry");
      Thread.sleep(250);
    }
    assertEquals(1, pay.conflicts(MORPH, "The transaction that stayed as Unprocessed more than 24 hours, updated to"
        + " canceled."));
    Resp late = confirm(old, "SWIFTA-REF-7", "700", token);
    assertEquals(400, late.status(), late.body());
    assertEquals("{\"success\":0,\"message\":\"transaction_id validation field.\"}", late.body());
    assertEquals(0, pay.payments(MORPH, "SWF-007"));
    assertEquals(-1, pay.count("SELECT status FROM swifta_transactions WHERE id = " + old));
    Resp again = confirm(old, "SWIFTA-REF-7", "700", token);
    assertEquals(400, again.status(), again.body());
    assertEquals(-2, pay.count("SELECT status FROM swifta_transactions WHERE id = " + fresh), "a day not over yet");
    Resp right = confirm(fresh, "SWIFTA-REF-8", "750", token);
    assertEquals(201, right.status(), right.body());
    assertEquals(1, pay.payments(MORPH, "SWF-007"));
  }

  @Test
  void concurrentFirstCallsMakeOneToken() throws Exception {
    Tenant fresh = api.registerCompany("swifta-race");
    assertEquals(200, api.put("/api/plugins/7", "{\"checked\":true}", fresh.token()).status());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Resp>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        calls.add(pool.submit(() -> api.get("/api/swifta-payment/authentication", fresh.token())));
      }
      int inClear = 0;
      for (Future<Resp> call : calls) {
        Resp r = call.get(120, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r.body());
        if (!r.obj().getJsonObject("data").getString("token").startsWith("********")) {
          inClear++;
        }
      }
      assertEquals(1, inClear, "one call made the token and answered it in clear");
    } finally {
      pool.shutdownNow();
    }
    try (var c = Db.tenant(fresh); var s = c.createStatement(); var rs = s.executeQuery(
        "SELECT COUNT(*) FROM swifta_authentication")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getLong(1));
    }
  }
}
