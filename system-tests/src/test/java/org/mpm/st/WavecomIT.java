package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.FilePart;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Wavecom plugin's upload (POST /api/wavecom/upload): each row of a file booked once, with a token vended; the
 * same file uploaded again, also twenty times at once, books nothing twice; a row the pipeline refuses is kept as a
 * conflict and named; a malformed file is refused whole; a company that has not enabled the plugin is refused, and a
 * company's file never books another company's payments.
 */
class WavecomIT {

  static final String MORPH = "wavecom_transaction";
  static final String HEADER = "transaction_id,sender,message,amount\n";

  static Api api;
  static Tenant t;
  static Tenant other;
  static PayingCustomers pay;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("wavecom");
    other = api.registerCompany("wavecom-b");
    pay = new PayingCustomers(api, t, 15);
  }

  static Resp upload(Tenant tenant, String name, String csv) {
    return api.postMultipart("/api/wavecom/upload", Map.of(), List.of(new FilePart("transaction_file", name,
        "text/csv", csv.getBytes(StandardCharsets.UTF_8))), tenant.token());
  }

  @Test
  void eachRowIsBookedOnceAndAnUploadRepeatedBooksNothing() throws Exception {
    pay.customer("Awa", "WCM-001", "+221770000001");
    pay.customer("Binta", "WCM-002", "+221770000002");
    String csv = HEADER + "WC-1001,221770000001,WCM-001,500\nWC-1002,221770000002,WCM-002,700\n"
        + "WC-1003,221770000001,WCM-001,300\n";
    Resp r = upload(t, "wave.csv", csv);
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"data\":{\"result\":\"success\"}}", r.body());
    assertEquals(2, pay.payments(MORPH, "WCM-001"));
    assertEquals(1, pay.payments(MORPH, "WCM-002"));
    assertEquals(2, pay.tokens(MORPH, "WCM-001"));
    assertEquals(800, pay.count("SELECT SUM(amount) FROM transactions WHERE message = 'WCM-001'"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM transactions WHERE message = 'WCM-002'"
        + " AND sender = '221770000002'"));
    Resp again = upload(t, "wave.csv", csv);
    assertEquals(200, again.status(), again.body());
    JsonArray reasons = again.obj().getJsonObject("data").getJsonArray("reason");
    assertEquals(List.of("WC-1001 already imported", "WC-1002 already imported", "WC-1003 already imported"),
        reasons.getValuesAs(JsonString::getString));
    assertEquals(2, pay.payments(MORPH, "WCM-001"));
    assertEquals(3, pay.count("SELECT COUNT(*) FROM wavecom_transactions WHERE transaction_id LIKE 'WC-100%'"));
  }

  @Test
  void twentyConcurrentUploadsOfOneFileBookOnce() throws Exception {
    pay.customer("Coumba", "WCM-003", "+221770000003");
    String csv = HEADER + "WC-2001,221770000003,WCM-003,400\nWC-2002,221770000003,WCM-003,600\n";
    List<Resp> answers = PayingCustomers.concurrently(20, () -> upload(t, "wave.txt", csv));
    for (Resp r : answers) {
      assertEquals(200, r.status(), r.body());
    }
    assertEquals(2, pay.payments(MORPH, "WCM-003"));
    assertEquals(1000, pay.count("SELECT SUM(amount) FROM transactions WHERE message = 'WCM-003'"));
    assertEquals(2, pay.tokens(MORPH, "WCM-003"));
  }

  @Test
  void aRowThePipelineRefusesIsRecordedAndNamedAndTheOthersAreBooked() throws Exception {
    pay.customer("Dior", "WCM-004", "+221770000004");
    Resp r = upload(t, "wave.csv", HEADER + "WC-3001,221770000004,WCM-004,500\nWC-3002,221770000004,WCM-NONE,500\n"
        + "WC-3003,221770000004,WCM-004,50\n");
    assertEquals(200, r.status(), r.body());
    JsonArray reasons = r.obj().getJsonObject("data").getJsonArray("reason");
    assertEquals(2, reasons.size(), r.body());
    assertTrue(reasons.getString(0).startsWith("WC-3002 (line 3) refused: No device with serial WCM-NONE"), r.body());
    assertTrue(reasons.getString(1).startsWith("WC-3003 (line 4) refused: "), r.body());
    assertEquals(1, pay.payments(MORPH, "WCM-004"));
    assertEquals(1, pay.conflicts(MORPH, "No device with serial WCM-NONE"));
    assertEquals(1, pay.count("SELECT COUNT(*) FROM wavecom_transactions WHERE transaction_id = 'WC-3002'"
        + " AND status = -1"));
    Resp again = upload(t, "wave.csv", HEADER + "WC-3002,221770000004,WCM-NONE,500\n");
    assertEquals(200, again.status(), again.body());
    assertEquals(1, pay.conflicts(MORPH, "No device with serial WCM-NONE"), "a refusal is recorded once");
  }

  @Test
  void aMalformedFileIsRefusedWholeAndNothingBooked() throws Exception {
    pay.customer("Fatou", "WCM-005", "+221770000005");
    long rows = pay.count("SELECT COUNT(*) FROM wavecom_transactions");
    Resp r = upload(t, "wave.csv", HEADER + "WC-4001,221770000005,WCM-005,500\nWC-4002,,WCM-005,lots\n");
    assertEquals(422, r.status(), r.body());
    JsonObject o = r.obj();
    JsonArray errors = o.getJsonObject("errors").getJsonArray("transaction_file");
    assertEquals("Line 3: the sender is required, the amount must be a number.", errors.getString(0));
    assertEquals("No transaction of this file was imported; correct it and upload it again.", errors.getString(1));
    assertEquals(rows, pay.count("SELECT COUNT(*) FROM wavecom_transactions"));
    assertEquals(0, pay.payments(MORPH, "WCM-005"));
    Resp pdf = upload(t, "wave.pdf", HEADER);
    assertEquals(422, pdf.status(), pdf.body());
    assertEquals("The transaction file field must be a file of type: csv, txt.",
        pdf.obj().getJsonObject("errors").getJsonArray("transaction_file").getString(0));
    Resp none = api.postMultipart("/api/wavecom/upload", Map.of("note", "x"), List.of(), t.token());
    assertEquals(422, none.status(), none.body());
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefused() throws Exception {
    Resp r = upload(other, "wave.csv", HEADER + "WC-5001,221,WCM-001,500\n");
    assertEquals(403, r.status(), r.body());
    assertEquals(PaystackIT.NOT_ENABLED, r.body());
    assertEquals(0, Db.count(other, "SELECT COUNT(*) FROM wavecom_transactions"));
  }

  @Test
  void twoCompaniesNeverCross() throws Exception {
    pay.customer("Gnilane", "WCM-006", "+221770000006");
    Tenant third = api.registerCompany("wavecom-c");
    PayingCustomers c = new PayingCustomers(api, third, 15);
    c.customer("Gnilane", "WCM-006", "+221770000006");
    String csv = HEADER + "WC-6001,221770000006,WCM-006,500\n";
    assertEquals(200, upload(third, "wave.csv", csv).status());
    assertEquals(1, c.payments(MORPH, "WCM-006"));
    assertEquals(0, pay.payments(MORPH, "WCM-006"));
    Resp mine = upload(t, "wave.csv", csv);
    assertEquals("{\"data\":{\"result\":\"success\"}}", mine.body(), "a Wavecom id is the company's own");
    assertEquals(1, pay.payments(MORPH, "WCM-006"));
    assertFalse(mine.body().contains("already"));
  }
}
