package org.mpm.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.NativeSql;
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

  @Inject TenantDatabase tenantDb;

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
    LocalDateTime at = r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
    String device = r.stringAttribute(MOBILE_DEVICE_ID);
    return NativeSql.insert(em(), "INSERT INTO agent_transactions (agent_id, mobile_device_id, status, created_at,"
        + " updated_at) VALUES (?, ?, ?, ?, ?)", r.longAttribute(AGENT_ID), device == null ? "" : device, status,
        Timestamp.valueOf(at), Timestamp.valueOf(at));
  }

  @Override
  public void accept(PaymentRequest r, long providerRowId, long transactionId) {
    long agentId = r.longAttribute(AGENT_ID);
    LocalDateTime at = r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
    EntityManager em = em();
    Object[] agent = lockedAgent(em, agentId);
    String device = r.stringAttribute(MOBILE_DEVICE_ID);
    if (device != null && !device.isBlank() && !device.equals(agent[5])) {
      // MPM's transaction.request: the phone is not the one the agent logged in with.
      throw new PaymentRejectedException(401, null, "The device-id does not belong to this agent.");
    }
    BigDecimal balance = decimal(agent[0]);
    BigDecimal revenue = decimal(agent[1]);
    // Cash the agent would hold for the company after this sale.
    if (r.amount().subtract(balance).compareTo(decimal(agent[2])) > 0) {
      throw new PaymentRejectedException(403, null, "Risk balance exceeded");
    }
    BigDecimal commission = r.amount().multiply(decimal(agent[3])).setScale(2, RoundingMode.HALF_UP);
    // MPM's two rows: the sale taken from the balance, and the commission credited.
    Timestamp ts = Timestamp.valueOf(at);
    em.createNativeQuery("INSERT INTO agent_balance_histories (agent_id, trigger_type, trigger_id, amount,"
            + " available_balance, transaction_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?),"
            + " (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, agentId).setParameter(2, AgentTransaction.MORPH).setParameter(3, providerRowId)
        .setParameter(4, r.amount().negate().doubleValue()).setParameter(5, balance.doubleValue())
        .setParameter(6, transactionId).setParameter(7, ts).setParameter(8, ts)
        .setParameter(9, agentId).setParameter(10, AgentCommission.MORPH)
        .setParameter(11, ((Number) agent[4]).longValue()).setParameter(12, commission.doubleValue())
        .setParameter(13, revenue.doubleValue()).setParameter(14, transactionId).setParameter(15, ts)
        .setParameter(16, ts).executeUpdate();
    em.createNativeQuery("UPDATE agents SET balance = ?, commission_revenue = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, balance.subtract(r.amount()).doubleValue())
        .setParameter(2, revenue.add(commission).doubleValue()).setParameter(3, Timestamp.valueOf(at))
        .setParameter(4, agentId).executeUpdate();
  }

  /**
   * {balance, commission_revenue, risk_balance, energy_commission, commission id, mobile_device_id} of the agent.
   * Only the agent's row is locked: agents share commission plans, and a lock on the plan would make every agent
   * of the company wait for every other.
   */
  private Object[] lockedAgent(EntityManager em, long agentId) {
    List<?> rows = em.createNativeQuery("SELECT balance, commission_revenue, agent_commission_id, mobile_device_id"
            + " FROM agents WHERE id = ? FOR UPDATE")
        .setParameter(1, agentId).getResultList();
    if (rows.isEmpty()) {
      throw new PaymentRejectedException(401, null, "Agent authorization failed.");
    }
    Object[] agent = (Object[]) rows.get(0);
    List<?> plans = em.createNativeQuery("SELECT risk_balance, energy_commission FROM agent_commissions WHERE id = ?")
        .setParameter(1, agent[2]).getResultList();
    if (plans.isEmpty()) {
      throw new PaymentRejectedException(403, null, "The agent has no commission plan.");
    }
    Object[] plan = (Object[]) plans.get(0);
    return new Object[] {agent[0], agent[1], plan[0], plan[1], agent[2], agent[3]};
  }


  private static BigDecimal decimal(Object v) {
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
