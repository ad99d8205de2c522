package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Login, me, refresh, logout and every way a token is refused, against the running server. */
class AuthIT {

  static final String UNAUTHORIZED = "Unauthorized. Make sure you are logged in.";
  static Api api;
  static Tenant tenant;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    tenant = api.registerCompany("auth");
  }

  @Test
  void demoAdminLogsInWithMpmsBody() {
    Resp r = api.post("/api/auth/login",
        "{\"email\":\"demo_company_admin@example.com\",\"password\":\"123123\"}", null);
    assertEquals(200, r.status(), r.body());
    JsonObject b = r.obj();
    assertEquals("bearer", b.getString("token_type"));
    assertEquals(3600, b.getInt("expires_in"));
    JsonObject user = b.getJsonObject("user");
    assertEquals("demo_company_admin@example.com", user.getString("email"));
    assertTrue(user.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
    assertEquals("[\"owner\"]", b.getJsonArray("roles").toString());
    assertEquals(15, b.getJsonArray("permissions").size());
    String payload = Tokens.claims(b.getString("access_token"));
    for (String claim : new String[] {"\"sub\"", "\"companyId\"", "\"prv\":\"" + Tokens.USER_PRV, "\"jti\"",
        "\"iat\"", "\"nbf\"", "\"exp\"", "\"iss\""}) {
      assertTrue(payload.contains(claim), claim + " in " + payload);
    }
  }

  @Test
  void demoRolesHaveMpmsPermissions() {
    String fm = api.login("demo_company_financial_manager@example.com", "123123");
    Resp me = api.get("/api/auth/me", fm);
    assertEquals("[\"financial-manager\"]", me.obj().getJsonArray("roles").toString());
    assertEquals("[\"customers\",\"appliances\",\"tickets\",\"payments\",\"transactions\",\"reports\",\"exports\"]",
        me.obj().getJsonArray("permissions").toString());
    String user = api.login("demo_company_regular_user@example.com", "123123");
    assertEquals("[\"customers\",\"appliances\",\"tickets\"]",
        api.get("/api/auth/me", user).obj().getJsonArray("permissions").toString());
  }

  @Test
  void wrongPasswordAndUnknownEmailGetTheSame401() {
    Resp wrong = api.post("/api/auth/login", "{\"email\":\"" + tenant.ownerEmail() + "\",\"password\":\"nope\"}", null);
    Resp unknown = api.post("/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"nope\"}", null);
    Resp empty = api.post("/api/auth/login", "{}", null);
    for (Resp r : new Resp[] {wrong, unknown, empty}) {
      assertEquals(401, r.status());
      assertEquals("{\"message\":\"" + UNAUTHORIZED + "\"}", r.body());
    }
  }

  @Test
  void meAnswersTheTokensUser() {
    Resp r = api.get("/api/auth/me", tenant.token());
    assertEquals(200, r.status(), r.body());
    assertEquals(tenant.ownerEmail(), r.obj().getJsonObject("user").getString("email"));
    assertEquals(tenant.companyId(), r.obj().getJsonObject("user").getJsonNumber("company_id").longValue());
  }

  @Test
  void refusedTokensGet401WithMpmsBody() {
    long now = Instant.now().getEpochSecond();
    String valid = Tokens.user(now, now + 600, "1", tenant.companyId());
    assertEquals(200, api.get("/api/auth/me", valid).status(), "a token signed with the configured secret works");

    String expired = Tokens.user(now - 7200, now - 3600, "1", tenant.companyId());
    assertRefused(api.get("/api/auth/me", expired), "Token has expired");

    String[] parts = valid.split("\\.");
    String tampered = parts[0] + "." + Tokens.b64(Tokens.payload(now, now + 600, "1", Tokens.USER_PRV, 1)) + "."
        + parts[2];
    assertRefused(api.get("/api/auth/me", tampered), "Token Signature could not be verified.");

    String none = Tokens.b64("{\"typ\":\"JWT\",\"alg\":\"none\"}") + "."
        + Tokens.b64(Tokens.payload(now, now + 600, "1", Tokens.USER_PRV, tenant.companyId())) + ".";
    assertRefused(api.get("/api/auth/me", none), "Token Signature could not be verified.");

    String otherSecret = Tokens.hs256(Tokens.HS256,
        Tokens.payload(now, now + 600, "1", Tokens.USER_PRV, tenant.companyId()), "another-secret-0123456789abcdef");
    assertRefused(api.get("/api/auth/me", otherSecret), "Token Signature could not be verified.");

    String agent = Tokens.hs256(Tokens.HS256,
        Tokens.payload(now, now + 600, "1", Tokens.AGENT_PRV, tenant.companyId()), TestServer.JWT_SECRET);
    Resp r = api.get("/api/auth/me", agent);
    assertEquals(401, r.status());
    assertEquals(UNAUTHORIZED, r.message());

    String unknownCompany = Tokens.user(now, now + 600, "1", 999_999);
    assertEquals(401, api.get("/api/auth/me", unknownCompany).status());

    String unknownUser = Tokens.user(now, now + 600, "424242", tenant.companyId());
    assertEquals(401, api.get("/api/auth/me", unknownUser).status());

    Resp missing = api.get("/api/auth/me", null);
    assertRefused(missing, "Token could not be parsed from the request.");
    assertRefused(api.get("/api/auth/me", "garbage"), "Wrong number of segments");
  }

  @Test
  void expiredTokenIsRefreshedWithinTheWindowOnce() {
    long now = Instant.now().getEpochSecond();
    long iat = now - 3 * 24 * 3600;
    String expired = Tokens.user(iat, iat + 3600, "1", tenant.companyId());
    Resp r = api.post("/api/auth/refresh", null, expired);
    assertEquals(200, r.status(), r.body());
    String fresh = r.obj().getString("access_token");
    assertNotEquals(expired, fresh);
    assertEquals(tenant.ownerEmail(), r.obj().getJsonObject("user").getString("email"));
    String payload = Tokens.claims(fresh);
    assertTrue(payload.contains("\"iat\":" + iat), "refresh keeps the original iat: " + payload);
    assertEquals(200, api.get("/api/auth/me", fresh).status());
    assertRefused(api.post("/api/auth/refresh", null, expired), "The token has been blacklisted");

    String tooOld = Tokens.user(now - 15 * 24 * 3600, now - 15 * 24 * 3600 + 3600, "1", tenant.companyId());
    assertRefused(api.post("/api/auth/refresh", null, tooOld), "Token has expired and can no longer be refreshed");
  }

  @Test
  void loggedOutTokenIsDead() {
    String token = api.login(tenant.ownerEmail(), tenant.password());
    assertEquals(200, api.get("/api/auth/me", token).status());
    Resp out = api.post("/api/auth/logout", null, token);
    assertEquals(200, out.status());
    assertEquals("Successfully logged out", out.message());
    assertRefused(api.get("/api/auth/me", token), "The token has been blacklisted");
    assertEquals(401, api.post("/api/auth/refresh", null, token).status());
  }

  @Test
  void tokenFromQueryParameterIsAccepted() {
    assertEquals(200, api.get("/api/auth/me?token=" + tenant.token(), null).status());
  }

  private static void assertRefused(Resp r, String reason) {
    assertEquals(401, r.status(), r.body());
    assertEquals(UNAUTHORIZED + " (" + reason + ")", r.message());
  }
}
