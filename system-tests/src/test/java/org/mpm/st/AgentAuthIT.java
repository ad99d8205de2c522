package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Agent-app login, me, refresh and logout, and the separation of agent and web-user tokens. */
class AgentAuthIT {

  static final String DEMO_AGENT = Db.DEMO_AGENT;
  static final String AGENT_FAILED = "{\"data\":{\"message\":\"Unauthorized\",\"status\":401}}";
  static final List<String> AGENT_KEYS = List.of("id", "person_id", "mini_grid_id", "agent_commission_id", "email",
      "fire_base_token", "balance", "commission_revenue", "created_at", "updated_at", "connection");

  static Api api;
  static Tenant a;
  static Tenant b;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    a = api.registerCompany("agent-a");
    b = api.registerCompany("agent-b");
  }

  static Resp login(String email, String password) {
    return api.post("/api/app/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
  }

  @Test
  void demoAgentLogsInWithMpmsBody() throws Exception {
    Resp r = login(DEMO_AGENT, "123123");
    assertEquals(200, r.status(), r.body());
    JsonObject body = r.obj();
    assertEquals(List.of("access_token", "token_type", "expires_in", "agent", "roles", "permissions", "settings"),
        List.copyOf(body.keySet()));
    assertEquals("{\"currency\":\"TZS\",\"country\":\"Tanzania\",\"language\":\"en\",\"company_name\":"
        + "\"Demo Company\"}", body.getJsonObject("settings").toString());
    assertEquals("bearer", body.getString("token_type"));
    assertEquals(31536000, body.getInt("expires_in"));
    assertEquals("[]", body.getJsonArray("roles").toString());
    assertEquals("[]", body.getJsonArray("permissions").toString());
    JsonObject agent = body.getJsonObject("agent");
    assertEquals(AGENT_KEYS, List.copyOf(agent.keySet()));
    assertEquals(DEMO_AGENT, agent.getString("email"));
    assertEquals("tenant", agent.getString("connection"));
    assertTrue(agent.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
    // The agent's person is an agent of its mini-grid; the commission plan exists.
    try (Connection c = Db.demo(); PreparedStatement s = c.prepareStatement(
        "SELECT p.type, p.is_customer, p.mini_grid_id = a.mini_grid_id, c.name FROM agents a"
            + " JOIN people p ON p.id = a.person_id JOIN agent_commissions c ON c.id = a.agent_commission_id"
            + " WHERE a.id = ?")) {
      s.setLong(1, agent.getJsonNumber("id").longValue());
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("agent", rs.getString(1));
        assertEquals(0, rs.getInt(2));
        assertTrue(rs.getBoolean(3));
        assertEquals("Demo Commission", rs.getString(4));
      }
      try (PreparedStatement n = c.prepareStatement("SELECT COUNT(*) FROM agents a JOIN mini_grids g"
          + " ON g.id = a.mini_grid_id"); ResultSet rs = n.executeQuery()) {
        rs.next();
        assertEquals(5, rs.getInt(1), "one agent per demo mini-grid");
      }
      // The demo agent took demo payments; its balance is the sum of its ledger (payments, sale, charge, receipts).
      try (PreparedStatement n = c.prepareStatement("SELECT COUNT(*) FROM agent_transactions WHERE agent_id = ?")) {
        n.setLong(1, agent.getJsonNumber("id").longValue());
        try (ResultSet rs = n.executeQuery()) {
          rs.next();
          assertTrue(rs.getInt(1) > 0, "the demo agent took demo payments");
        }
      }
      try (PreparedStatement n = c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM agent_balance_histories"
          + " WHERE agent_id = ? AND trigger_type <> 'agent_commission'")) {
        n.setLong(1, agent.getJsonNumber("id").longValue());
        try (ResultSet rs = n.executeQuery()) {
          rs.next();
          assertEquals(rs.getDouble(1), agent.getJsonNumber("balance").doubleValue(), 0.005);
        }
      }
    }
    String payload = Tokens.claims(body.getString("access_token"));
    assertTrue(payload.contains("\"prv\":\"" + Tokens.AGENT_PRV + "\""), payload);
    assertTrue(payload.contains("\"companyId\":1"), payload);
    assertTrue(payload.contains("\"sub\":\"" + agent.getJsonNumber("id") + "\""), payload);
  }

  @Test
  void wrongPasswordUnknownEmailAndWebUserAreRefused() {
    for (Resp r : new Resp[] {login(DEMO_AGENT, "nope"), login("nobody-agent@example.com", "123123"),
        login("demo_company_admin@example.com", "123123"), api.post("/api/app/login", "{}", null)}) {
      assertEquals(401, r.status(), r.body());
      assertEquals(AGENT_FAILED, r.body());
    }
    Resp bad = api.post("/api/app/login", "not json", null);
    assertEquals(400, bad.status(), bad.body());
    assertEquals("The request body is not valid JSON.", bad.message());
  }

  @Test
  void agentAndUserTokensAreNotInterchangeable() {
    String agent = login(DEMO_AGENT, "123123").obj().getString("access_token");
    Resp onUser = api.get("/api/auth/me", agent);
    assertEquals(401, onUser.status());
    assertEquals(AuthIT.UNAUTHORIZED, onUser.message());
    assertEquals(401, api.get("/api/people", agent).status());
    String user = api.login("demo_company_admin@example.com", "123123");
    Resp onAgent = api.get("/api/app/me", user);
    assertEquals(401, onAgent.status());
    assertEquals(AuthIT.UNAUTHORIZED, onAgent.message());
    assertEquals(401, api.post("/api/app/refresh", null, user).status());
    assertEquals(401, api.get("/api/app/me", null).status());
  }

  @Test
  void meShowsTheTokensAgent() throws Exception {
    String email = "me-agent-" + System.nanoTime() + "@example.com";
    long id = Db.insertAgent(b.companyId(), email, b.companyId());
    String token = login(email, "123123").obj().getString("access_token");
    Resp me = api.get("/api/app/me", token);
    assertEquals(200, me.status(), me.body());
    assertEquals(List.of("agent", "roles", "permissions", "settings"), List.copyOf(me.obj().keySet()));
    assertEquals("{\"currency\":\"€\",\"country\":\"Germany\",\"language\":\"en\",\"company_name\":\""
        + b.name() + "\"}", me.obj().getJsonObject("settings").toString());
    JsonObject agent = me.obj().getJsonObject("agent");
    assertEquals(AGENT_KEYS, List.copyOf(agent.keySet()));
    assertEquals(id, agent.getJsonNumber("id").longValue());
    assertEquals(email, agent.getString("email"));
    assertEquals(12.5, agent.getJsonNumber("balance").doubleValue());
    assertEquals(7, agent.getInt("person_id"));
    assertEquals(3, agent.getInt("mini_grid_id"));
    assertEquals(2, agent.getInt("agent_commission_id"));
    assertEquals("fb", agent.getString("fire_base_token"));
    assertTrue(Tokens.claims(token).contains("\"companyId\":" + b.companyId()));
  }

  @Test
  void companyDirectoryDecidesWhereAnAgentLogsIn() throws Exception {
    // The agent row is in company B, but the directory sends its e-mail to company A: no login.
    String misplaced = "misplaced-agent-" + System.nanoTime() + "@example.com";
    Db.insertAgent(b.companyId(), misplaced, a.companyId());
    Resp r = login(misplaced, "123123");
    assertEquals(401, r.status(), r.body());
    assertEquals(AGENT_FAILED, r.body());
    // An agent in B without a directory row cannot log in either.
    String undirected = "undirected-agent-" + System.nanoTime() + "@example.com";
    Db.insertAgent(b.companyId(), undirected, null);
    assertEquals(401, login(undirected, "123123").status());
    // A's agent logs into A and is found there, not in B, even when B has an agent with the same id.
    String inA = "a-agent-" + System.nanoTime() + "@example.com";
    long idA = Db.insertAgent(a.companyId(), inA, a.companyId());
    Resp ok = login(inA, "123123");
    assertEquals(200, ok.status(), ok.body());
    assertEquals(idA, ok.obj().getJsonObject("agent").getJsonNumber("id").longValue());
    assertTrue(Tokens.claims(ok.obj().getString("access_token")).contains("\"companyId\":" + a.companyId()));
    Resp me = api.get("/api/app/me", ok.obj().getString("access_token"));
    assertEquals(inA, me.obj().getJsonObject("agent").getString("email"));
  }

  @Test
  void deviceIdHeaderIsStored() throws Exception {
    String email = "device-agent-" + System.nanoTime() + "@example.com";
    long id = Db.insertAgent(a.companyId(), email, a.companyId());
    Resp r = api.post("/api/app/login", "{\"email\":\"" + email + "\",\"password\":\"123123\"}", null,
        Map.of("device-id", "phone-42"));
    assertEquals(200, r.status(), r.body());
    assertFalse(r.body().contains("phone-42"), "mobile_device_id is hidden");
    try (Connection c = Db.tenant(a);
        PreparedStatement s = c.prepareStatement("SELECT mobile_device_id FROM agents WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertEquals("phone-42", rs.getString(1));
      }
    }
  }

  @Test
  void settingsFollowTheCompanysMainSettings() throws Exception {
    Tenant c = api.registerCompany("agent-settings");
    String email = "settings-agent-" + System.nanoTime() + "@example.com";
    Db.insertAgent(c.companyId(), email, c.companyId());
    assertEquals(200, api.put("/api/settings/main/1", "{\"currency\":\"KES\",\"country\":\"Kenya\","
        + "\"language\":\"fr\",\"company_name\":\"Pwani Power\"}", c.token()).status());
    Resp r = login(email, "123123");
    assertEquals("{\"currency\":\"KES\",\"country\":\"Kenya\",\"language\":\"fr\",\"company_name\":"
        + "\"Pwani Power\"}", r.obj().getJsonObject("settings").toString());
    String token = r.obj().getString("access_token");
    Resp refreshed = api.post("/api/app/refresh", null, token);
    assertEquals(r.obj().getJsonObject("settings"), refreshed.obj().getJsonObject("settings"));
    // Without a settings row (MPM answers null then).
    Db.exec(c, "DELETE FROM main_settings");
    Resp me = api.get("/api/app/me", refreshed.obj().getString("access_token"));
    assertEquals(200, me.status(), me.body());
    assertTrue(me.obj().isNull("settings"), me.body());
    Resp again = login(email, "123123");
    assertEquals(200, again.status(), again.body());
    assertTrue(again.obj().isNull("settings"));
  }

  @Test
  void refreshGivesANewTokenOnceAndLogoutEndsIt() {
    String first = login(DEMO_AGENT, "123123").obj().getString("access_token");
    Resp r = api.post("/api/app/refresh", null, first);
    assertEquals(200, r.status(), r.body());
    assertEquals(3600, r.obj().getInt("expires_in"));
    assertEquals(DEMO_AGENT, r.obj().getJsonObject("agent").getString("email"));
    String second = r.obj().getString("access_token");
    assertNotEquals(first, second);
    assertTrue(Tokens.claims(second).contains("\"prv\":\"" + Tokens.AGENT_PRV + "\""));
    assertEquals(401, api.get("/api/app/me", first).status(), "the refreshed token is dead");
    assertEquals(401, api.post("/api/app/refresh", null, first).status());
    assertEquals(200, api.get("/api/app/me", second).status());
    Resp out = api.post("/api/app/logout", null, second);
    assertEquals(200, out.status(), out.body());
    assertEquals("{\"message\":\"Successfully logged out\"}", out.body());
    assertEquals(401, api.get("/api/app/me", second).status());
  }
}
