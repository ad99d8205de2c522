package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

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
    assertEquals(1000, page.getInt("total"));

    try (Connection c = Db.demo(); Statement s = c.createStatement()) {
      assertEquals(1000, count(c, "SELECT COUNT(*) FROM transactions"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t LEFT JOIN agent_transactions a"
          + " ON t.original_transaction_type = 'agent_transaction' AND a.id = t.original_transaction_id"
          + " LEFT JOIN cash_transactions k ON t.original_transaction_type = 'cash_transaction'"
          + " AND k.id = t.original_transaction_id WHERE COALESCE(a.status, k.status, 0) <> 1"),
          "every provider row completed");
      assertTrue(count(c, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'agent_transaction'")
          > 250, "agents took payments");
      assertTrue(count(c, "SELECT COUNT(*) FROM transactions WHERE original_transaction_type = 'cash_transaction'")
          > 500, "the desk took payments");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t WHERE (SELECT COUNT(*) FROM tokens k"
          + " WHERE k.transaction_id = t.id) <> 1"), "one token per payment");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t WHERE ABS(t.amount - (SELECT COALESCE(SUM("
          + "h.amount), 0) FROM payment_histories h WHERE h.transaction_id = t.id)) > 0.005"),
          "the histories of each payment add up to its amount");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transactions t JOIN tokens k ON k.transaction_id = t.id"
          + " WHERE k.created_at <> t.created_at"), "tokens at the payment's time");
      assertEquals(1000, count(c, "SELECT COUNT(*) FROM sms m JOIN transactions t ON t.id = m.trigger_id"
          + " WHERE m.trigger_type = 'transaction' AND m.created_at = t.created_at AND m.status = 1"),
          "a sent confirmation SMS at the payment's time");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state <> 'done'"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM transaction_conflicts"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM agents a JOIN agent_commissions c"
          + " ON c.id = a.agent_commission_id WHERE -a.balance > c.risk_balance"), "no agent over the risk balance");

      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
      try (ResultSet rs = s.executeQuery("SELECT MIN(created_at), MAX(created_at), MIN(amount), MAX(amount),"
          + " SUM(amount BETWEEN 1000 AND 20000) FROM transactions")) {
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
}
