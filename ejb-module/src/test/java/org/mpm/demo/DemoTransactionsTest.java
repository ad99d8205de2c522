package org.mpm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpm.agent.AgentPaymentProvider;
import org.mpm.agent.AgentTransaction;
import org.mpm.transaction.CashPaymentProvider;
import org.mpm.transaction.CashTransaction;
import org.mpm.transaction.PaymentRequest;

class DemoTransactionsTest {

  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 9, 30);
  static final List<Long> AGENTS = List.of(1L, 2L, 3L, 4L, 5L);
  static final List<Long> CASHIERS = List.of(1L, 2L);

  static List<PaymentRequest> plan() {
    return DemoTransactions.plan(DemoTransactions.payables(250, AGENTS.size()), AGENTS, CASHIERS, NOW);
  }

  @Test
  void payablesAreEveryMeterAndTheSolarHomeSystems() {
    List<DemoTransactions.Payable> p = DemoTransactions.payables(250, 5);
    assertEquals(250 + 84, p.size());
    assertEquals(new DemoTransactions.Payable("4700000001", 0), p.get(0));
    assertEquals(new DemoTransactions.Payable("4800000001", 0), p.get(1));
    assertEquals(new DemoTransactions.Payable("4700000004", 0), p.get(4));
    assertEquals(new DemoTransactions.Payable("4800000002", 0), p.get(5));
    assertEquals(new DemoTransactions.Payable("4700000250", 4), p.get(p.size() - 2));
    assertEquals(new DemoTransactions.Payable("4800000084", 4), p.get(p.size() - 1));
  }

  @Test
  void aThousandPaymentsOfTheLastYearInTimeOrder() {
    List<PaymentRequest> plan = plan();
    assertEquals(DemoTransactions.COUNT, plan.size());
    LocalDateTime previous = NOW.minusDays(DemoTransactions.DAYS);
    int usual = 0;
    for (PaymentRequest r : plan) {
      assertTrue(!r.receivedAt().isBefore(previous), "in time order");
      assertTrue(r.receivedAt().isBefore(NOW));
      previous = r.receivedAt();
      int hour = r.receivedAt().getHour();
      assertTrue(hour >= 7 && hour < 20, "opening hours");
      BigDecimal a = r.amount();
      assertTrue(a.compareTo(BigDecimal.valueOf(1000)) >= 0 && a.compareTo(BigDecimal.valueOf(50_000)) <= 0);
      usual += a.compareTo(BigDecimal.valueOf(20_000)) <= 0 ? 1 : 0;
      assertEquals(null, r.idempotencyKey());
    }
    assertTrue(usual > 850, "mostly 1,000–20,000: " + usual);
  }

  @Test
  void agentsStayWithinTheRiskBalanceAndCashiersTakeTheRest() {
    Map<Long, BigDecimal> held = new HashMap<>();
    int agent = 0;
    int cash = 0;
    for (PaymentRequest r : plan()) {
      if (r.provider().equals(AgentTransaction.MORPH)) {
        held.merge(r.longAttribute(AgentPaymentProvider.AGENT_ID), r.amount(), BigDecimal::add);
        agent++;
      } else {
        assertEquals(CashTransaction.MORPH, r.provider());
        assertTrue(CASHIERS.contains(r.longAttribute(CashPaymentProvider.USER_ID)));
        cash++;
      }
    }
    assertEquals(AGENTS.size(), held.size(), "every agent took payments");
    held.values().forEach(h -> assertTrue(h.doubleValue() <= DemoAgents.RISK_BALANCE, "held " + h));
    assertTrue(agent > 250 && cash > 500, agent + " by agents, " + cash + " at the desk");
  }

  @Test
  void theSameSeedGivesTheSamePayments() {
    assertEquals(plan(), plan());
  }
}
