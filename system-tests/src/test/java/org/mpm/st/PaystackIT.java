package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Paystack plugin's credentials (GET and PUT /api/paystack/credential): refused while the company has not
 * enabled the plugin, stored encrypted, answered masked, validated as MPM does, and per company.
 */
class PaystackIT {

  static final String NOT_ENABLED = "{\"message\":\"The plugin is not enabled for this company.\"}";
  static final String SECRET = "sk_test_4f1c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6";
  static final String PUBLIC = "pk_test_0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3";

  static Api api;
  static Tenant t;
  static Tenant other;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    t = api.registerCompany("paystack");
    other = api.registerCompany("paystack-b");
    Resp on = api.put("/api/plugins/25", "{\"checked\":true}", t.token());
    assertEquals(200, on.status(), on.body());
  }

  static String body(String secret) {
    return "{\"secret_key\":\"" + secret + "\",\"public_key\":\"" + PUBLIC + "\",\"callback_url\":"
        + "\"https://pay.example.com/paystack/result\",\"merchant_name\":\"Harbour Energy\","
        + "\"merchant_email\":\"pay@example.com\",\"environment\":\"live\"}";
  }

  static String stored(Tenant tenant) throws Exception {
    try (Connection c = Db.tenant(tenant); PreparedStatement s = c.prepareStatement(
        "SELECT CONCAT_WS('|', secret_key, public_key, merchant_name, environment) FROM paystack_credentials");
        ResultSet rs = s.executeQuery()) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
      return out.toString();
    }
  }

  @Test
  void aCompanyThatHasNotEnabledThePluginIsRefused() throws Exception {
    Resp get = api.get("/api/paystack/credential", other.token());
    assertEquals(403, get.status(), get.body());
    assertEquals(NOT_ENABLED, get.body());
    Resp put = api.put("/api/paystack/credential", body(SECRET), other.token());
    assertEquals(403, put.status(), put.body());
    assertEquals("", stored(other));
  }

  @Test
  void credentialsAreStoredEncryptedAndAnsweredMasked() throws Exception {
    Resp put = api.put("/api/paystack/credential", body(SECRET), t.token());
    assertEquals(200, put.status(), put.body());
    JsonObject d = put.obj().getJsonObject("data");
    assertEquals("********c7d6", d.getString("secret_key"));
    assertEquals("********c2d3", d.getString("public_key"));
    assertEquals("live", d.getString("environment"));
    assertEquals("pay@example.com", d.getString("merchant_email"));
    assertFalse(put.body().contains(SECRET));
    Resp get = api.get("/api/paystack/credential", t.token());
    assertEquals(200, get.status(), get.body());
    assertEquals(d, get.obj().getJsonObject("data"));
    String row = stored(t);
    assertEquals(1, row.lines().count(), row);
    assertTrue(row.startsWith("gcm1:"), row);
    assertFalse(row.contains(SECRET) || row.contains(PUBLIC), row);
    assertTrue(row.endsWith("|Harbour Energy|live\n"), row);
  }

  @Test
  void badInputIsRefusedAndNothingWritten() throws Exception {
    String before = stored(t);
    Resp r = api.put("/api/paystack/credential", "{\"secret_key\":\"s\",\"callback_url\":\"not a url\","
        + "\"merchant_email\":\"nope\",\"environment\":\"prod\"}", t.token());
    assertEquals(422, r.status(), r.body());
    JsonObject errors = r.obj().getJsonObject("errors");
    for (String f : new String[] {"secret_key", "public_key", "callback_url", "merchant_name", "merchant_email",
        "environment"}) {
      assertTrue(errors.containsKey(f), f + " in " + r.body());
    }
    assertEquals(before, stored(t));
  }

  @Test
  void aUserWithoutThePluginsPermissionIsRefused() {
    String clerk = api.userWithRole(t, "user");
    Resp r = api.get("/api/paystack/credential", clerk);
    assertEquals(403, r.status(), r.body());
  }
}
