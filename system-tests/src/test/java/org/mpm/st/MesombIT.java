package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The MeSomb plugin's payment notification (POST /api/mesomb, a user token of the company): credited once per pk
 * to the payer's one meter, also when delivered twenty times at once, with a token vended; a payer the company
 * cannot tell refused and kept as a conflict, once however often it is delivered; a failed payment refused; a
 * company that has not enabled the plugin refused; a company's notification never credits another company's
 * customer.
 */
class MesombIT {

  static final String MORPH = "mesomb_transaction";

  static Api api;
  static Tenant t;
  static Tenant other;
  static PayingCustomers pay;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("mesomb");
    other = api.registerCompany("mesomb-b");
    pay = new PayingCustomers(api, t, 8);
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
}
