package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo company's payment history (MPM's TransactionSeeder, booked through the payment pipeline at boot):
 * 1000 completed payments of the last year by the demo agents and at the desk, each with one token, fully
 * allocated, and the token, histories and SMS at the payment's own time.
 */
class DemoTransactionsIT {

  static Api api;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
  }

  @Test
  void demoCompanyHasAThousandCompletedPayments() throws Exception {
    String token = api.login("demo_company_admin@example.com", "123123");
    JsonObject page = api.get("/api/transactions?per_page=5", token).obj();

    try (Connection c = Db.demo(); Statement s = c.createStatement()) {
      assertEquals(count(c, "SELECT COUNT(*) FROM transactions"), page.getInt("total"));
      // energy payments; the demo appliance sales' down payments and installments are the others
      assertEquals(1000, count(c, "SELECT COUNT(*) FROM transactions WHERE type = 'energy'"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t LEFT JOIN agent_transactions a"
          + " ON t.original_transaction_type = 'agent_transaction' AND a.id = t.original_transaction_id"
          + " LEFT JOIN cash_transactions k ON t.original_transaction_type = 'cash_transaction'"
          + " AND k.id = t.original_transaction_id WHERE COALESCE(a.status, k.status, 0) <> 1"),
          "every provider row completed");
      assertTrue(count(c, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'agent_transaction'")
          > 250, "agents took payments");
      assertTrue(count(c, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'cash_transaction'")
          > 500, "the desk took payments");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t WHERE t.type = 'energy' AND (SELECT COUNT(*)"
          + " FROM tokens k WHERE k.transaction_id = t.id) <> 1"), "one token per energy payment");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t WHERE ABS(t.amount - (SELECT COALESCE(SUM("
          + "h.amount), 0) FROM payment_histories h WHERE h.transaction_id = t.id)) > 0.005"),
          "the histories of each payment add up to its amount");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t JOIN tokens k ON k.transaction_id = t.id"
          + " WHERE k.created_at <> t.created_at"), "tokens at the payment's time");
      assertEquals(1000, count(c, "SELECT COUNT(*) FROM sms m JOIN transactions t ON t.id = m.trigger_id"
          + " WHERE m.trigger_type = 'transaction' AND m.created_at = t.created_at AND m.status = 1"
          + " AND t.type = 'energy'"),
          "a sent confirmation SMS at the payment's time");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state <> 'done'"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transaction_conflicts"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM agents a JOIN agent_commissions c"
          + " ON c.id = a.agent_commission_id WHERE -a.balance > c.risk_balance"), "no agent over the risk balance");

      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
      try (ResultSet rs = s.executeQuery("SELECT MIN(created_at), MAX(created_at), MIN(amount), MAX(amount),"
          + " SUM(amount BETWEEN 1000 AND 20000) FROM transactions WHERE type = 'energy'")) {
        rs.next();
        LocalDateTime first = rs.getTimestamp(1).toLocalDateTime();
        LocalDateTime last = rs.getTimestamp(2).toLocalDateTime();
        assertTrue(first.isAfter(now.minusDays(366)) && first.isBefore(now.minusDays(300)), "first " + first);
        assertTrue(last.isBefore(now.plusMinutes(1)) && last.isAfter(now.minusDays(30)), "last " + last);
        assertTrue(rs.getDouble(3) >= 1000 && rs.getDouble(4) <= 50_000);
        assertTrue(rs.getLong(5) > 850, "mostly 1,000–20,000 TZS");
      }
    }
  }

  @Test
  void demoAgentsHaveAPhoneInTheirMiniGridsFirstVillage() throws Exception {
    String token = api.login("demo_company_admin@example.com", "123123");
    JsonObject agent = api.get("/api/agents/1", token).obj().getJsonObject("data");
    JsonObject address = agent.getJsonObject("person").getJsonArray("addresses").getJsonObject(0);
    assertEquals("+255650000001", address.getString("phone"), "the console's agent detail reads this phone");
    try (Connection c = Db.demo()) {
      assertEquals(646000, count(c, "SELECT -SUM(amount) FROM agent_balance_histories WHERE agent_id = 1"
          + " AND trigger_type = 'agent_transaction'"), "the demo payments' cash it took");
      assertEquals(count(c, "SELECT ROUND(balance * 100) FROM agents WHERE id = 1"),
          Math.round(agent.getJsonNumber("balance").doubleValue() * 100));
    }
  }

  @Test
  void demoAgentsSellChargeAndHandInCash() throws Exception {
    try (Connection c = Db.demo()) {
      assertEquals(10, count(c, "SELECT COUNT(*) FROM agent_assigned_appliances"), "two appliances per agent");
      assertEquals(5, count(c, "SELECT COUNT(*) FROM agent_sold_appliances"), "one sale per agent");
      assertEquals(5, count(c, "SELECT COUNT(*) FROM appliance_people WHERE creator_type = 'agent'"
          + " AND down_payment = 1000 AND rate_count = 12"));
      assertEquals(4, count(c, "SELECT COUNT(*) FROM agent_charges"), "charges vary: one agent has none");
      assertTrue(count(c, "SELECT COUNT(*) FROM agent_receipts") >= 5, "the agents handed in cash");
      for (long agent = 1; agent <= 5; agent++) {
        assertEquals(count(c, "SELECT ROUND(balance * 100) FROM agents WHERE id = " + agent),
            count(c, "SELECT COALESCE(ROUND(SUM(amount) * 100), 0) FROM agent_balance_histories WHERE agent_id = "
                + agent + " AND trigger_type <> 'agent_commission'"), "balance = its balance history, agent " + agent);
        assertEquals(count(c, "SELECT ROUND(commission_revenue * 100) FROM agents WHERE id = " + agent),
            count(c, "SELECT COALESCE(ROUND(SUM(amount) * 100), 0) FROM agent_balance_histories WHERE agent_id = "
                + agent + " AND trigger_type = 'agent_commission'"), "commission = its history, agent " + agent);
        // what it holds is at most the cash of its last month's payments and its sale (less its charge)
        assertTrue(count(c, "SELECT -balance FROM agents WHERE id = " + agent) <= count(c, "SELECT COALESCE("
            + "-SUM(amount), 0) + 1000 FROM agent_balance_histories WHERE agent_id = " + agent
            + " AND trigger_type = 'agent_transaction' AND created_at >= NOW() - INTERVAL 31 DAY"), "agent " + agent);
      }
      ApplianceSalesIT.conserved(c);
    }
    String agentToken = api.post("/api/app/login", "{\"email\":\"demo_company_agent@example.com\","
        + "\"password\":\"123123\"}", null).obj().getString("access_token");
    assertEquals(1, api.get("/api/app/agents/appliances", agentToken).obj().getInt("total"));
    assertEquals(2, api.get("/api/app/agents/appliance_types", agentToken).obj().getJsonArray("data").size());
    assertEquals(200, api.get("/api/app/agents/dashboard/boxes", agentToken).status());
    assertTrue(api.get("/api/app/agents/customers", agentToken).obj().getInt("total") >= 50);
  }

  @Test
  void demoAppliancesAreSoldOnInstallmentAndAccountedFor() throws Exception {
    String token = api.login("demo_company_admin@example.com", "123123");
    JsonArray appliances = api.get("/api/appliances", token).obj().getJsonArray("data");
    assertEquals(10, appliances.size(), "MPM's 5 SHS, 3 e-bike, TV and ice cube appliances");
    JsonObject shs = api.get("/api/solar-home-systems?per_page=1", token).obj().getJsonArray("data")
        .getJsonObject(0);
    assertEquals("SunPower Home 3000", shs.getJsonObject("appliance").getString("name"));
    try (Connection c = Db.demo()) {
      assertTrue(count(c, "SELECT COUNT(*) FROM appliance_people WHERE device_serial LIKE '48%'") >= 30);
      assertTrue(count(c, "SELECT COUNT(*) FROM appliance_people WHERE device_serial LIKE '49%'") >= 10);
      assertTrue(count(c, "SELECT COUNT(*) FROM appliance_people WHERE device_serial IS NULL") >= 10);
      assertTrue(count(c, "SELECT COUNT(*) FROM appliance_rates WHERE remaining > 0 AND remaining < rate_cost") > 0,
          "rates paid in part");
      assertTrue(count(c, "SELECT COUNT(*) FROM appliance_rates WHERE remaining > 0 AND due_date < NOW()") > 0,
          "overdue rates");
      assertTrue(count(c, "SELECT COUNT(*) FROM tokens k JOIN transactions t ON t.id = k.transaction_id"
          + " WHERE t.type = 'deferred_payment' AND k.token_type = 'time'") > 0, "installments buy SHS days");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t WHERE ABS(t.amount - (SELECT COALESCE(SUM("
          + "h.amount), 0) FROM payment_histories h WHERE h.transaction_id = t.id)) > 0.005"));
      ApplianceSalesIT.conserved(c);
    }
  }
}
