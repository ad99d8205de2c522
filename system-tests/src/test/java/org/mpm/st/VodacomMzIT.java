package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Vodacom M-Pesa Mozambique plugin: its credentials (stored encrypted, answered masked) and Vodacom's inbound
 * calls with a company API key: the validation of a payment for a device (nothing written), and the status of a
 * payment as stored — the same answer every time, not MPM's random one; a company that has not enabled the plugin
 * refused; a company never reads another company's payments.
 */
class VodacomMzIT {

  static final String API_KEY = "vodacom-api-key-0123456789abcdef";

  static Api api;
  static Tenant t;
  static Tenant other;
  static PayingCustomers pay;
  static String key;
  static String otherKey;

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("vodacom");
    other = api.registerCompany("vodacom-b");
    pay = new PayingCustomers(api, t, 19);
    key = api.post("/api/api-keys", "{\"name\":\"vodacom\"}", t.token()).obj().getJsonObject("data")
        .getString("token");
    otherKey = api.post("/api/api-keys", "{\"name\":\"vodacom\"}", other.token()).obj().getJsonObject("data")
        .getString("token");
    pay.customer("Amelia", "VMZ00001", "+258841000001");
    Db.exec(t, "INSERT INTO vodacom_mz_transactions (serialNumber, amount, payerPhoneNumber, referenceId, status,"
        + " conversationId, transactionId, created_at, updated_at) VALUES ('VMZ00001', 250, '+258841000001',"
        + " 'VMZ000011733300000', 1, 'conv-1', 'VOD-TXN-000001', NOW(), NOW()), ('VMZ00001', 100, '+258841000001',"
        + " 'VMZ000011733300100', 0, NULL, NULL, NOW(), NOW())");
  }

  static String validation(String serial, String amount) {
    return "{\"reference\":\"" + serial + "\",\"amount\":" + amount
        + ",\"request_id\":\"6f1c2d3e-4b5a-4978-8796-a5b4c3d2e1f0\"}";
  }

  @Test
  void credentialsAreStoredEncryptedAndAnsweredMasked() throws Exception {
    Resp put = api.put("/api/vodacom_mz/credentials", "{\"api_key\":\"" + API_KEY + "\",\"public_key\":"
        + "\"MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA\",\"service_provider_code\":\"171717\",\"live\":false}",
        t.token());
    assertEquals(200, put.status(), put.body());
    JsonObject d = put.obj().getJsonObject("data");
    assertEquals("********cdef", d.getString("api_key"));
    assertEquals("171717", d.getString("service_provider_code"));
    assertFalse(d.getBoolean("live"));
    assertFalse(put.body().contains(API_KEY));
    assertEquals(d, api.get("/api/vodacom_mz/credentials", t.token()).obj().getJsonObject("data"));
    try (Connection c = Db.tenant(t); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT api_key FROM vodacom_mz_credentials")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(1).startsWith("gcm1:"));
      assertFalse(rs.next());
    }
    Resp bad = api.put("/api/vodacom_mz/credentials", "{\"live\":\"maybe\"}", t.token());
    assertEquals(422, bad.status(), bad.body());
  }

  @Test
  void aPaymentForAPayableDeviceIsValidatedAndNothingWritten() throws Exception {
    long rows = pay.count("SELECT COUNT(*) FROM vodacom_mz_transactions");
    Resp ok = api.post("/api/vodacom_mz/transactions/validate", validation("VMZ00001", "500"), key);
    assertEquals(200, ok.status(), ok.body());
    JsonObject d = ok.obj().getJsonObject("data");
    assertEquals("INS-0", d.getString("response_code"));
    assertEquals("Amelia Payer", d.getJsonObject("payment_details").getString("beneficiary"));
    Resp unknown = api.post("/api/vodacom_mz/transactions/validate", validation("VMZ99999", "500"), key);
    assertEquals(422, unknown.status(), unknown.body());
    assertFalse(unknown.obj().getBoolean("success"));
    Resp low = api.post("/api/vodacom_mz/transactions/validate", validation("VMZ00001", "50"), key);
    assertEquals(422, low.status(), low.body());
    Resp malformed = api.post("/api/vodacom_mz/transactions/validate", "{\"reference\":\"x\",\"amount\":0}", key);
    assertEquals(422, malformed.status(), malformed.body());
    assertTrue(malformed.obj().getJsonObject("errors").containsKey("request_id"));
    assertEquals(401, api.post("/api/vodacom_mz/transactions/validate", validation("VMZ00001", "500"), null)
        .status());
    assertEquals(401, api.post("/api/vodacom_mz/transactions/validate", validation("VMZ00001", "500"), t.token())
        .status());
    assertEquals(rows, pay.count("SELECT COUNT(*) FROM vodacom_mz_transactions"));
  }

  @Test
  void theStatusIsTheStoredOneEveryTime() throws Exception {
    for (int i = 0; i < 5; i++) {
      Resp done = api.post("/api/vodacom_mz/transactions/query", "{\"referenceId\":\"VMZ000011733300000\"}", key);
      assertEquals(200, done.status(), done.body());
      assertEquals("Succeed", done.obj().getJsonObject("data").getJsonArray("status").getString(0));
      Resp pending = api.post("/api/vodacom_mz/transactions/query", "{\"referenceId\":\"VMZ000011733300100\"}",
          key);
      assertEquals("Pending", pending.obj().getJsonObject("data").getJsonArray("status").getString(0));
    }
    Resp process = api.post("/api/vodacom_mz/transactions/process", "{\"referenceId\":\"VMZ000011733300000\","
        + "\"transactionId\":\"VOD-TXN-000001\"}", key);
    assertEquals(200, process.status(), process.body());
    assertEquals("VOD-TXN-000001", process.obj().getJsonObject("data").getString("transaction_id"));
    Resp unknown = api.post("/api/vodacom_mz/transactions/query", "{\"referenceId\":\"NOPE-12345\"}", key);
    assertEquals(404, unknown.status(), unknown.body());
    Resp bad = api.post("/api/vodacom_mz/transactions/process", "{\"referenceId\":\"VMZ000011733300000\","
        + "\"transactionId\":\"42\"}", key);
    assertEquals(422, bad.status(), bad.body());
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefusedAndNeverReadsAnothersPayments() throws Exception {
    Resp r = api.post("/api/vodacom_mz/transactions/query", "{\"referenceId\":\"VMZ000011733300000\"}", otherKey);
    assertEquals(403, r.status(), r.body());
    assertEquals(PaystackIT.NOT_ENABLED, r.body());
    assertEquals(403, api.get("/api/vodacom_mz/credentials", other.token()).status());
    assertEquals(200, api.put("/api/plugins/19", "{\"checked\":true}", other.token()).status());
    Resp mine = api.post("/api/vodacom_mz/transactions/query", "{\"referenceId\":\"VMZ000011733300000\"}",
        otherKey);
    assertEquals(404, mine.status(), mine.body());
    Resp validate = api.post("/api/vodacom_mz/transactions/validate", validation("VMZ00001", "500"), otherKey);
    assertEquals(422, validate.status(), validate.body());
  }
}
