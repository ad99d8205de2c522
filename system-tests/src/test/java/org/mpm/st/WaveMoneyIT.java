package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Wave Money plugin: its credentials (stored encrypted, answered masked), a payment started by a customer and
 * requested from Wave Money's gateway (simulated), and Wave Money's callback, checked against its hashValue before
 * anything else: credited once — also when delivered twenty times at once — with a token vended; a forged, wrong
 * amount, unknown order or failed payment refused (the wrong amount and unknown order kept as conflicts); a company
 * that disabled the plugin refused; a company's order never settled through another company's path.
 */
class WaveMoneyIT {

  static final String MORPH = "wave_money_transaction";
  static final String SECRET = "wave-hash-secret-0123456789";
  static final String OTHER_SECRET = "wave-hash-secret-other-987654";

  static Api api;
  static Tenant t;
  static Tenant other;
  static PayingCustomers pay;
  static WaveMoneySimulator wave;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    wave = TestServer.get().waveMoney();
    t = api.registerCompany("wavemoney");
    other = api.registerCompany("wavemoney-b");
    pay = new PayingCustomers(api, t, 11);
    wave.merchant("MERCHANT-T", SECRET, false);
    Resp put = api.put("/api/wave-money/wave-money-credential", "{\"merchant_id\":\"MERCHANT-T\",\"secret_key\":\""
        + SECRET + "\"}", t.token());
    assertEquals(200, put.status(), put.body());
    assertEquals(200, api.put("/api/plugins/11", "{\"checked\":true}", other.token()).status());
    wave.merchant("MERCHANT-B", OTHER_SECRET, false);
    assertEquals(200, api.put("/api/wave-money/wave-money-credential", "{\"merchant_id\":\"MERCHANT-B\","
        + "\"secret_key\":\"" + OTHER_SECRET + "\"}", other.token()).status());
  }

  /** The requested row of the device's latest payment: {id, order_id, reference_id}. */
  static String[] requested(Tenant tenant, String serial) throws Exception {
    try (Connection c = Db.tenant(tenant); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT w.id, w.order_id, w.reference_id, c.callback_url FROM wave_money_transactions w,"
            + " wave_money_credentials c WHERE w.meter_serial = '" + serial + "' ORDER BY w.id DESC LIMIT 1")) {
      assertTrue(rs.next(), serial);
      return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
    }
  }

  static Resp startPayment(Tenant tenant, String serial, String amount) {
    return api.post("/api/wave-money/wave-money-transaction/start/" + tenant.companyId(), "{\"meterSerial\":\""
        + serial + "\",\"amount\":" + amount + "}", null);
  }

  /** A callback as Wave Money sends it, signed with the secret. */
  static String callback(String status, String merchant, String[] row, String amount, String secret,
      String transactionId) {
    String msisdn = "9791000001";
    String time = "2026-12-04T10:15:00";
    String hash = WaveMoneySimulator.callbackHash(secret, merchant, row[1], amount, row[3], row[2], msisdn,
        transactionId, transactionId, time);
    return "{\"status\":\"" + status + "\",\"merchantId\":\"" + merchant + "\",\"orderId\":\"" + row[1]
        + "\",\"merchantReferenceId\":\"" + row[2] + "\",\"frontendResultUrl\":\"http://console.test/#/r\","
        + "\"backendResultUrl\":\"" + row[3] + "\",\"initiatorMsisdn\":\"" + msisdn + "\",\"amount\":\"" + amount
        + "\",\"timeToLiveSeconds\":120,\"paymentDescription\":\"MicroPowerManager transaction\",\"currency\":"
        + "\"MMK\",\"hashValue\":\"" + hash + "\",\"additionalField1\":null,\"transactionId\":\"" + transactionId
        + "\",\"paymentRequestId\":\"" + transactionId + "\",\"requestTime\":\"" + time + "\"}";
  }

  static Resp deliver(Tenant tenant, String body) {
    return api.post("/api/wave-money/wave-money-transaction/callback/" + tenant.companyId(), body, null);
  }

  /** A customer's payment started; its requested row. */
  static String[] started(String name, String serial, String phone, String amount) throws Exception {
    pay.customer(name, serial, phone);
    Resp s = startPayment(t, serial, amount);
    assertEquals(200, s.status(), s.body());
    JsonObject d = s.obj().getJsonObject("data");
    assertTrue(d.isNull("error"), s.body());
    assertTrue(d.getString("redirectionUrl").startsWith(wave.url() + "/authenticate?transaction_id="), s.body());
    return requested(t, serial);
  }

  @Test
  void credentialsAreStoredEncryptedAndAnsweredMasked() throws Exception {
    Resp get = api.get("/api/wave-money/wave-money-credential", t.token());
    assertEquals(200, get.status(), get.body());
    JsonObject d = get.obj().getJsonObject("data");
    assertEquals("MERCHANT-T", d.getString("merchant_id"));
    assertEquals("********6789", d.getString("secret_key"));
    assertTrue(d.getString("callback_url").endsWith("/api/wave-money/wave-money-transaction/callback/"
        + t.companyId()), get.body());
    assertFalse(get.body().contains(SECRET));
    try (Connection c = Db.tenant(t); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT merchant_id, secret_key FROM wave_money_credentials")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(1).startsWith("gcm1:") && rs.getString(2).startsWith("gcm1:"));
      assertFalse(rs.next());
    }
    Resp bad = api.put("/api/wave-money/wave-money-credential", "{\"merchant_id\":\"\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
  }

  @Test
  void aConfirmedPaymentIsCreditedOnceAndItsTokenIssued() throws Exception {
    String[] row = started("Aung", "WVM-001", "+255713900001", "5000");
    Map<String, String> request = wave.requests().stream().filter(r -> row[1].equals(r.get("order_id")))
        .findFirst().orElseThrow();
    assertEquals("5000", request.get("amount"));
    assertEquals(row[3], request.get("backend_result_url"));
    assertEquals(-2, pay.count("SELECT status FROM wave_money_transactions WHERE id = " + row[0]));
    assertEquals(0, pay.payments(MORPH, "WVM-001"));
    Resp r = deliver(t, callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "5000", SECRET, "9001"));
    assertEquals(200, r.status(), r.body());
    assertEquals("", r.body());
    assertEquals(1, pay.payments(MORPH, "WVM-001"));
    assertEquals(1, pay.tokens(MORPH, "WVM-001"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM transactions WHERE message = 'WVM-001' AND amount = 5000"
        + " AND sender = '9791000001' AND original_transaction_id = " + row[0]));
    assertEquals(1, pay.count("SELECT status FROM wave_money_transactions WHERE id = " + row[0]
        + " AND external_transaction_id = '9001'"));
    Resp again = deliver(t, callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "5000", SECRET, "9001"));
    assertEquals(200, again.status(), again.body());
    assertEquals(1, pay.payments(MORPH, "WVM-001"));
    assertEquals(2, pay.count("SELECT attempts FROM wave_money_transactions WHERE id = " + row[0]));
  }

  @Test
  void twentyConcurrentCallbacksCreditOnce() throws Exception {
    String[] row = started("Bo", "WVM-002", "+255713900002", "7000");
    String body = callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "7000", SECRET, "9002");
    List<Resp> answers = PayingCustomers.concurrently(20, () -> deliver(t, body));
    for (Resp r : answers) {
      assertEquals(200, r.status(), r.body());
    }
    assertEquals(1, pay.payments(MORPH, "WVM-002"));
    assertEquals(1, pay.tokens(MORPH, "WVM-002"));
    assertEquals(7000, pay.count("SELECT SUM(amount) FROM transactions WHERE message = 'WVM-002'"));
  }

  @Test
  void aForgedCallbackIsRefusedBeforeAnythingIsRead() throws Exception {
    String[] row = started("Chit", "WVM-003", "+255713900003", "3000");
    Resp forged = deliver(t, callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "3000", "guessed-secret", "9003"));
    assertEquals(401, forged.status(), forged.body());
    assertEquals("{\"success\":0,\"message\":\"The hashValue is not valid.\"}", forged.body());
    String tampered = callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "3000", SECRET, "9003")
        .replace("\"amount\":\"3000\"", "\"amount\":\"30000\"");
    assertEquals(401, deliver(t, tampered).status());
    assertEquals(0, pay.payments(MORPH, "WVM-003"));
    assertEquals(0, pay.count("SELECT attempts FROM wave_money_transactions WHERE id = " + row[0]));
  }

  @Test
  void aWrongAmountUnknownOrderOrFailedPaymentIsRefusedAndRecorded() throws Exception {
    String[] row = started("Daw", "WVM-004", "+255713900004", "4000");
    Resp wrong = deliver(t, callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "400", SECRET, "9004"));
    assertEquals(200, wrong.status(), wrong.body());
    assertEquals(1, pay.conflicts(MORPH, "amount does not match the stored transaction (order " + row[1] + ")"));
    assertEquals(0, pay.payments(MORPH, "WVM-004"));
    assertEquals(-2, pay.count("SELECT status FROM wave_money_transactions WHERE id = " + row[0]));
    String[] unknown = {row[0], "no-such-order", row[2], row[3]};
    Resp missing = deliver(t, callback("PAYMENT_CONFIRMED", "MERCHANT-T", unknown, "4000", SECRET, "9005"));
    assertEquals(400, missing.status(), missing.body());
    assertEquals(1, pay.conflicts(MORPH, "unknown order no-such-order"));
    Resp right = deliver(t, callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "4000", SECRET, "9004"));
    assertEquals(200, right.status(), right.body());
    assertEquals(1, pay.payments(MORPH, "WVM-004"));
    String[] failedRow = started("Ei", "WVM-005", "+255713900005", "2000");
    Resp failed = deliver(t, callback("INSUFFICIENT_BALANCE", "MERCHANT-T", failedRow, "2000", SECRET, "9006"));
    assertEquals(200, failed.status(), failed.body());
    assertEquals(-1, pay.count("SELECT status FROM wave_money_transactions WHERE id = " + failedRow[0]));
    assertEquals(0, pay.payments(MORPH, "WVM-005"));
  }

  @Test
  void aStartTheCompanyCannotTakeIsRefusedAndAnUnreachableGatewayAnswered() throws Exception {
    pay.customer("Hla", "WVM-006", "+255713900006");
    Resp low = startPayment(t, "WVM-006", "50");
    assertEquals(400, low.status(), low.body());
    assertEquals(0, low.obj().getInt("success"));
    Resp bad = startPayment(t, "WVM-006", "\"lots\"");
    assertEquals(422, bad.status(), bad.body());
    Resp unknownCompany = api.post("/api/wave-money/wave-money-transaction/start/999999", "{\"meterSerial\":"
        + "\"WVM-006\",\"amount\":500}", null);
    assertEquals(400, unknownCompany.status(), unknownCompany.body());
    Tenant down = api.registerCompany("wavemoney-down");
    PayingCustomers d = new PayingCustomers(api, down, 11);
    d.customer("Hla", "WVM-007", "+255713900007");
    wave.merchant("MERCHANT-DOWN", SECRET, true);
    api.put("/api/wave-money/wave-money-credential", "{\"merchant_id\":\"MERCHANT-DOWN\",\"secret_key\":\"" + SECRET
        + "\"}", down.token());
    Resp r = startPayment(down, "WVM-007", "500");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.obj().getJsonObject("data").isNull("redirectionUrl"));
    assertEquals("Wave Money answered 503", r.obj().getJsonObject("data").getString("error"));
    assertEquals(-1, d.count("SELECT status FROM wave_money_transactions WHERE meter_serial = 'WVM-007'"));
  }

  @Test
  void aCompanyThatDisabledThePluginIsRefused() throws Exception {
    Tenant off = api.registerCompany("wavemoney-off");
    PayingCustomers o = new PayingCustomers(api, off, 11);
    o.customer("Kyaw", "WVM-008", "+255713900008");
    wave.merchant("MERCHANT-OFF", SECRET, false);
    api.put("/api/wave-money/wave-money-credential", "{\"merchant_id\":\"MERCHANT-OFF\",\"secret_key\":\"" + SECRET
        + "\"}", off.token());
    assertEquals(200, startPayment(off, "WVM-008", "500").status());
    String[] row = requested(off, "WVM-008");
    assertEquals(200, api.put("/api/plugins/11", "{\"checked\":false}", off.token()).status());
    Resp start = startPayment(off, "WVM-008", "500");
    assertEquals(403, start.status(), start.body());
    assertEquals(PaystackIT.NOT_ENABLED, start.body());
    Resp cb = deliver(off, callback("PAYMENT_CONFIRMED", "MERCHANT-OFF", row, "500", SECRET, "9008"));
    assertEquals(403, cb.status(), cb.body());
    assertEquals(0, o.payments(MORPH, "WVM-008"));
    assertEquals(403, api.get("/api/wave-money/wave-money-credential", off.token()).status());
  }

  @Test
  void aCompanysOrderIsNeverSettledThroughAnotherCompanysPath() throws Exception {
    String[] row = started("Lwin", "WVM-009", "+255713900009", "6000");
    Resp withOurSecret = deliver(other, callback("PAYMENT_CONFIRMED", "MERCHANT-T", row, "6000", SECRET, "9009"));
    assertEquals(401, withOurSecret.status(), withOurSecret.body());
    Resp withTheirs = deliver(other, callback("PAYMENT_CONFIRMED", "MERCHANT-B", row, "6000", OTHER_SECRET, "9009"));
    assertEquals(400, withTheirs.status(), withTheirs.body());
    assertEquals(0, pay.payments(MORPH, "WVM-009"));
    assertEquals(-2, pay.count("SELECT status FROM wave_money_transactions WHERE id = " + row[0]));
    assertEquals(0, Db.count(other, "SELECT COUNT(*) FROM transactions"
        + " WHERE original_transaction_type = 'wave_money_transaction'"));
  }
}
