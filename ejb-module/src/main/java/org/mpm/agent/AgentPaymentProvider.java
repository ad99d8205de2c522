package org.mpm.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Payments an agent takes in cash through the agent app (MPM's {@code AgentTransactionProvider}): rows in
 * {@code agent_transactions}, sender {@code Agent-<id>}. Attributes: {@code agent_id} and
 * {@code mobile_device_id}.
 *
 * <p>The agent's balance is the agent's prepaid credit with the company: a sale takes the full amount from it
 * (a negative balance is cash the agent holds for the company) and the commission on the full amount is credited
 * to {@code commission_revenue}, both when the payment is accepted and under a lock on the agent's row, with the
 * two {@code agent_balance_histories} rows MPM writes. A sale that would leave the agent holding more than the
 * commission plan's {@code risk_balance} is refused (403 "Risk balance exceeded").
 */
@ApplicationScoped
public class AgentPaymentProvider implements PaymentProvider {

  public static final String AGENT_ID = "agent_id";
  public static final String MOBILE_DEVICE_ID = "mobile_device_id";

  /** How long a commission plan is remembered (plans change rarely; the plan routes forget them at once). */
  static final long PLAN_NANOS = 10_000_000_000L;

  @Inject TenantDatabase tenantDb;
  @Inject TenantMemo memo;

  @Override
  public String morph() {
    return AgentTransaction.MORPH;
  }

  @Override
  public String table() {
    return "agent_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    return "Agent-" + r.longAttribute(AGENT_ID);
  }

  @Override
  public long record(PaymentRequest r, int status) {
    return recordAll(List.of(r), status).get(0);
  }

  @Override
  public List<Long> recordAll(List<PaymentRequest> requests, int status) {
    List<Object[]> rows = new ArrayList<>();
    for (PaymentRequest r : requests) {
      Timestamp at = Timestamp.valueOf(r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt());
      String device = r.stringAttribute(MOBILE_DEVICE_ID);
      rows.add(new Object[] {r.longAttribute(AGENT_ID), device == null ? "" : device, status, at, at});
    }
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO agent_transactions (agent_id, mobile_device_id,"
        + " status, created_at, updated_at)", "(?, ?, ?, ?, ?)", rows);
  }

  @Override
  public Admission admit(List<PaymentRequest> requests) {
    return new Sales(lockedAgents(requests.stream().map(r -> r.longAttribute(AGENT_ID)).distinct().sorted()
        .toList()));
  }

  /** An agent as a sale sees it, under lock: what it holds and earns, and its plan. */
  private static final class AgentAccount {
    final long id;
    final long planId;
    final String mobileDeviceId;
    final BigDecimal riskBalance;
    final BigDecimal energyCommission;
    BigDecimal balance;
    BigDecimal revenue;
    boolean changed;

    AgentAccount(long id, long planId, String mobileDeviceId, BigDecimal balance, BigDecimal revenue,
        BigDecimal riskBalance, BigDecimal energyCommission) {
      this.id = id;
      this.planId = planId;
      this.mobileDeviceId = mobileDeviceId;
      this.balance = balance;
      this.revenue = revenue;
      this.riskBalance = riskBalance;
      this.energyCommission = energyCommission;
    }
  }

  /** A sale admitted: the agent's balance and commission revenue before it, and its commission. */
  private record Sale(AgentAccount agent, BigDecimal balanceBefore, BigDecimal revenueBefore,
      BigDecimal commission) {}

  /** The sales of one set of payments: each checked against the agents' balances after the sales before it. */
  private final class Sales implements Admission {
    private final Map<Long, AgentAccount> agents;
    private final Map<PaymentRequest, Sale> sales = new IdentityHashMap<>();

    Sales(Map<Long, AgentAccount> agents) {
      this.agents = agents;
    }

    @Override
    public void check(PaymentRequest r) {
      AgentAccount agent = agents.get(r.longAttribute(AGENT_ID));
      if (agent == null) {
        throw new PaymentRejectedException(401, null, "Agent authorization failed.");
      }
      String device = r.stringAttribute(MOBILE_DEVICE_ID);
      if (device != null && !device.isBlank() && !device.equals(agent.mobileDeviceId)) {
        // MPM's transaction.request: the phone is not the one the agent logged in with.
        throw new PaymentRejectedException(401, null, "The device-id does not belong to this agent.");
      }
      if (agent.riskBalance == null) {
        throw new PaymentRejectedException(403, null, "The agent has no commission plan.");
      }
      // Cash the agent would hold for the company after this sale.
      if (r.amount().subtract(agent.balance).compareTo(agent.riskBalance) > 0) {
        throw new PaymentRejectedException(403, null, "Risk balance exceeded");
      }
      BigDecimal commission = r.amount().multiply(agent.energyCommission).setScale(2, RoundingMode.HALF_UP);
      sales.put(r, new Sale(agent, agent.balance, agent.revenue, commission));
      agent.balance = agent.balance.subtract(r.amount());
      agent.revenue = agent.revenue.add(commission);
      agent.changed = true;
    }

    @Override
    public void book(List<Booked> booked) {
      // MPM's two rows per sale: the sale taken from the balance, and the commission credited.
      List<Object[]> rows = new ArrayList<>();
      for (Booked b : booked) {
        Sale sale = sales.get(b.request());
        Timestamp at = Timestamp.valueOf(b.request().receivedAt() == null ? Timestamped.nowUtc()
            : b.request().receivedAt());
        rows.add(new Object[] {sale.agent().id, AgentTransaction.MORPH, b.providerRowId(),
            b.request().amount().negate().doubleValue(), sale.balanceBefore().doubleValue(), b.transactionId(),
            at, at});
        rows.add(new Object[] {sale.agent().id, AgentCommission.MORPH, sale.agent().planId,
            sale.commission().doubleValue(), sale.revenueBefore().doubleValue(), b.transactionId(), at, at});
      }
      NativeSql.insertRows(tenantDb.connection(), "INSERT INTO agent_balance_histories (agent_id, trigger_type,"
          + " trigger_id, amount, available_balance, transaction_id, created_at, updated_at)",
          "(?, ?, ?, ?, ?, ?, ?, ?)", rows);
      // The agents' new balances and revenues, one statement for all of them.
      List<AgentAccount> changed = agents.values().stream().filter(a -> a.changed).toList();
      if (changed.isEmpty()) {
        return;
      }
      StringBuilder balance = new StringBuilder();
      StringBuilder revenue = new StringBuilder();
      List<Object> params = new ArrayList<>();
      for (AgentAccount a : changed) {
        balance.append(" WHEN ? THEN ?");
        params.addAll(List.of(a.id, a.balance));
      }
      for (AgentAccount a : changed) {
        revenue.append(" WHEN ? THEN ?");
        params.addAll(List.of(a.id, a.revenue));
      }
      params.add(Timestamp.valueOf(Timestamped.nowUtc()));
      params.addAll(NativeSql.inValues(changed.stream().map(a -> a.id).toList()));
      NativeSql.execute(tenantDb.connection(), "UPDATE agents SET balance = CASE id" + balance + " END,"
          + " commission_revenue = CASE id" + revenue + " END, updated_at = ? WHERE id IN ("
          + NativeSql.in(changed.size()) + ")", params);
    }
  }

  /**
   * The agents, locked in id order, with their plans. Only the agents' rows are locked: agents share commission
   * plans, and a lock on a plan would make every agent of the company wait for every other. A plan is
   * remembered for 10 s ({@link TenantMemo#AGENT_COMMISSIONS}); the routes that change or delete a plan forget it
   * at once, a change made directly in the database counts within 10 s. A sale of an agent without a plan is
   * refused (403).
   */
  private Map<Long, AgentAccount> lockedAgents(List<Long> ids) {
    Query q = em().createNativeQuery("SELECT id, balance, commission_revenue, agent_commission_id, mobile_device_id"
        + " FROM agents WHERE id IN (" + NativeSql.in(ids.size()) + ") ORDER BY id FOR UPDATE");
    NativeSql.bindIn(q, 1, ids);
    Map<Long, AgentAccount> agents = new HashMap<>();
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      long planId = ((Number) row[3]).longValue();
      Object[] plan = memo.get(TenantMemo.AGENT_COMMISSIONS, tenantDb.databaseName(), Long.toString(planId),
          PLAN_NANOS, () -> {
            List<?> plans = em().createNativeQuery("SELECT risk_balance, energy_commission FROM agent_commissions"
                + " WHERE id = ?").setParameter(1, planId).getResultList();
            return plans.isEmpty() ? null : (Object[]) plans.get(0);
          });
      long id = ((Number) row[0]).longValue();
      agents.put(id, new AgentAccount(id, planId, (String) row[4], decimal(row[1]), decimal(row[2]),
          plan == null ? null : decimal(plan[0]), plan == null ? null : decimal(plan[1])));
    }
    return agents;
  }

  private static BigDecimal decimal(Object v) {
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
