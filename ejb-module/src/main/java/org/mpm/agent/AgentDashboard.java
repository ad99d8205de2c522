package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * What the agent app's dashboard and graphs read (MPM's AgentBalanceHistoryService, AgentReceiptService and
 * AgentCustomersPaymentHistoryService): the boxes, the balance since the last receipt, the weekly commission revenue
 * and the payment flows of the agent's customers.
 */
@Stateless
public class AgentDashboard {

  @Inject TenantDatabase tenantDb;

  /** The dashboard's boxes: balance, commission revenue, the average energy sale since the last receipt and when. */
  public record Boxes(double balance, double profit, double average, LocalDateTime since) {}

  /** The closing balance of a day. */
  public record DayBalance(String day, double balance) {}

  public Boxes boxes(long agentId) {
    Agent a = agent(agentId);
    LocalDateTime lastReceipt = lastReceiptAt(agentId);
    StringBuilder sql = new StringBuilder("SELECT AVG(-amount) FROM agent_balance_histories WHERE agent_id = ?1"
        + " AND trigger_type = ?2");
    if (lastReceipt != null) {
      sql.append(" AND created_at > ?3");
    }
    var q = em().createNativeQuery(sql.toString()).setParameter(1, agentId).setParameter(2, AgentTransaction.MORPH);
    if (lastReceipt != null) {
      q.setParameter(3, Timestamp.valueOf(lastReceipt));
    }
    Object avg = q.getSingleResult();
    return new Boxes(a.getBalance(), a.getCommissionRevenue(), avg == null ? 0.0 : ((Number) avg).doubleValue(),
        lastReceipt == null ? a.getCreatedAt() : lastReceipt);
  }

  /**
   * Each day's closing balance since the agent's last receipt (or its creation), oldest first: a balance row keeps
   * the balance before it, so the balance after it is that plus its amount.
   */
  public List<DayBalance> balanceSinceLastReceipt(long agentId) {
    Agent a = agent(agentId);
    LocalDateTime lastReceipt = lastReceiptAt(agentId);
    LocalDateTime since = lastReceipt == null ? a.getCreatedAt() : lastReceipt;
    Map<String, Double> days = new LinkedHashMap<>();
    for (Object o : em().createNativeQuery("SELECT created_at, available_balance + amount"
            + " FROM agent_balance_histories WHERE agent_id = ? AND created_at >= ? AND trigger_type IN"
            + " ('agent_transaction', 'agent_appliance', 'agent_charge', 'agent_receipt') ORDER BY id")
        .setParameter(1, agentId).setParameter(2, Timestamp.valueOf(since)).getResultList()) {
      Object[] r = (Object[]) o;
      days.put(localDateTime(r[0]).toLocalDate().toString(), ((Number) r[1]).doubleValue());
    }
    if (days.isEmpty()) {
      days.put(Timestamped.nowUtc().toLocalDate().toString(), 0.0);
    }
    return days.entrySet().stream().map(e -> new DayBalance(e.getKey(), e.getValue())).toList();
  }

  /** The commission earned each ISO week ({@code YYYY-WW}) of the last three months, every week listed. */
  public Map<String, Double> weeklyRevenue(long agentId) {
    agent(agentId);
    LocalDate today = Timestamped.nowUtc().toLocalDate();
    LocalDate start = today.minusMonths(3);
    Map<String, Double> weeks = new LinkedHashMap<>();
    for (LocalDate d = start; !d.isAfter(today); d = d.plusWeeks(1)) {
      weeks.put(week(d), 0.0);
    }
    for (Object o : em().createNativeQuery("SELECT DATE_FORMAT(created_at, '%x-%v') AS w, SUM(amount)"
            + " FROM agent_balance_histories WHERE agent_id = ? AND trigger_type = ? AND amount > 0"
            + " AND created_at >= ? GROUP BY w").setParameter(1, agentId).setParameter(2, AgentCommission.MORPH)
        .setParameter(3, Timestamp.valueOf(start.atStartOfDay())).getResultList()) {
      Object[] r = (Object[]) o;
      weeks.put((String) r[0], ((Number) r[1]).doubleValue());
    }
    return weeks;
  }

  /**
   * Payments of customers summed by period ({@code D}, {@code W}, {@code M} or else yearly) and payment type:
   * {period: {type: amount}}, or {PERIOD: {"": 0}} when there are none. One customer's payments, or those the
   * agent's mini-grid's customers made through agents.
   */
  public Map<String, Map<String, Double>> paymentFlows(String period, Long customerId, long miniGridId, Integer limit,
      boolean descending) {
    String p = period.toUpperCase(Locale.ROOT);
    String group = switch (p) {
      case "D" -> "DAY(ph.created_at), MONTH(ph.created_at), YEAR(ph.created_at)";
      case "W" -> "WEEK(ph.created_at), YEAR(ph.created_at)";
      case "M" -> "MONTH(ph.created_at), YEAR(ph.created_at)";
      default -> "YEAR(ph.created_at)";
    };
    String from = customerId != null
        ? " FROM payment_histories ph WHERE ph.payer_type = 'person' AND ph.payer_id = ?1"
        : " FROM payment_histories ph JOIN addresses a ON a.owner_id = ph.payer_id AND a.owner_type = 'person'"
            + " AND a.is_primary = 1 JOIN cities c ON c.id = a.city_id WHERE ph.payer_type = 'person'"
            + " AND ph.payment_service LIKE '%agent%' AND c.mini_grid_id = ?1";
    String sql = "SELECT SUM(ph.amount), ph.payment_type, CONCAT_WS('/', " + group + ") AS period" + from
        + " GROUP BY period, ph.payment_type ORDER BY MIN(ph.created_at) " + (descending ? "DESC" : "ASC")
        + (limit == null ? "" : " LIMIT " + limit);
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Object o : em().createNativeQuery(sql).setParameter(1, customerId != null ? customerId : miniGridId)
        .getResultList()) {
      Object[] r = (Object[]) o;
      out.computeIfAbsent((String) r[2], k -> new LinkedHashMap<>()).put((String) r[1],
          ((Number) r[0]).doubleValue());
    }
    if (out.isEmpty()) {
      Map<String, Double> none = new LinkedHashMap<>();
      none.put("", 0.0);
      out.put(p, none);
    }
    return out;
  }

  static String week(LocalDate d) {
    return String.format(Locale.ROOT, "%d-%02d", d.get(IsoFields.WEEK_BASED_YEAR),
        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private LocalDateTime lastReceiptAt(long agentId) {
    List<?> r = em().createNativeQuery("SELECT created_at FROM agent_receipts WHERE agent_id = ?"
        + " ORDER BY created_at DESC, id DESC LIMIT 1").setParameter(1, agentId).getResultList();
    return r.isEmpty() ? null : localDateTime(r.get(0));
  }

  private Agent agent(long agentId) {
    Agent a = em().find(Agent.class, agentId);
    if (a == null) {
      throw NotFoundException.model(Agent.MODEL, agentId);
    }
    return a;
  }

  private static LocalDateTime localDateTime(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) v;
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
