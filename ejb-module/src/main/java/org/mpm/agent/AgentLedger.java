package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/**
 * The agent's ledger entries a web user books (MPM's AgentReceiptObserver and AgentChargeObserver): a receipt, the
 * cash an agent hands in, and a charge, credit the company gives the agent. Each raises the agent's balance (a
 * negative balance is cash the agent holds, see {@link AgentPaymentProvider}) with its {@code agent_receipt} or
 * {@code agent_charge} balance-history row, in one transaction under the lock on the agent's row that the payment
 * pipeline's admission takes, so the balance always equals the sum of the agent's balance-history rows that are
 * not commission rows.
 */
@Stateless
public class AgentLedger {

  public static final String RECEIPT_MORPH = "agent_receipt";
  public static final String CHARGE_MORPH = "agent_charge";

  @Inject TenantDatabase tenantDb;

  /** A receipt or charge booked (the last controlled history row only for a receipt). */
  public record Booked(long id, long agentId, long userId, double amount, Long lastControlledBalanceHistoryId,
      LocalDateTime at) {}

  /**
   * Books a receipt of {@code amount} from the agent. 422 when the agent is unknown, has no recorded activity, or
   * the amount is more than the cash it holds.
   */
  public Booked receipt(long agentId, long userId, BigDecimal amount) {
    Object[] agent = lock(agentId);
    BigDecimal balance = decimal(agent[0]);
    BigDecimal revenue = decimal(agent[1]);
    Long lastHistory = lastHistoryId(agentId);
    if (lastHistory == null) {
      throw ValidationException.field("agent_id", "The agent has no recorded activity to create a receipt for.");
    }
    BigDecimal held = balance.negate().max(BigDecimal.ZERO);
    if (amount.compareTo(held) > 0) {
      throw ValidationException.field("amount", "The receipt amount cannot exceed the amount the agent owes ("
          + held.stripTrailingZeros().toPlainString() + ").");
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long receiptId = insert("INSERT INTO agent_receipts (agent_id, user_id, amount,"
        + " last_controlled_balance_history_id, created_at, updated_at)", "(?, ?, ?, ?, ?, ?)",
        new Object[] {agentId, userId, amount.doubleValue(), lastHistory, now, now});
    // MPM's figures: what the agent held (due), what was sold since the last receipt, the last receipt's summary
    // (earlier), what was collected, what was collected above the due (summary) and the commission it had earned.
    BigDecimal sinceLastVisit = sinceLastReceipt(agentId, receiptId);
    BigDecimal earlier = earlierSummary(agentId, receiptId);
    insert("INSERT INTO agent_receipt_details (agent_receipt_id, due, since_last_visit, earlier, collected, summary,"
        + " created_at, updated_at, commission_credited)", "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
        new Object[] {receiptId, held.doubleValue(), sinceLastVisit.doubleValue(), earlier.doubleValue(),
            amount.doubleValue(), amount.subtract(held).max(BigDecimal.ZERO).doubleValue(), now, now,
            revenue.doubleValue()});
    credit(agentId, RECEIPT_MORPH, receiptId, amount, balance, now);
    return new Booked(receiptId, agentId, userId, amount.doubleValue(), lastHistory, now.toLocalDateTime());
  }

  /** Books a charge of {@code amount} (may be negative) to the agent; 422 for an unknown agent. */
  public Booked charge(long agentId, long userId, BigDecimal amount) {
    Object[] agent = lock(agentId);
    BigDecimal balance = decimal(agent[0]);
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    long chargeId = insert("INSERT INTO agent_charges (agent_id, user_id, amount, created_at, updated_at)",
        "(?, ?, ?, ?, ?)", new Object[] {agentId, userId, amount.doubleValue(), now, now});
    credit(agentId, CHARGE_MORPH, chargeId, amount, balance, now);
    return new Booked(chargeId, agentId, userId, amount.doubleValue(), null, now.toLocalDateTime());
  }

  /** The history row (with the balance before it, as the pipeline writes) and the agent's new balance. */
  private long credit(long agentId, String morph, long triggerId, BigDecimal amount, BigDecimal balance,
      Timestamp now) {
    long id = insert("INSERT INTO agent_balance_histories (agent_id, trigger_type, trigger_id, amount,"
        + " available_balance, transaction_id, created_at, updated_at)", "(?, ?, ?, ?, ?, NULL, ?, ?)",
        new Object[] {agentId, morph, triggerId, amount.doubleValue(), balance.doubleValue(), now, now});
    NativeSql.execute(tenantDb.connection(), "UPDATE agents SET balance = ?, updated_at = ? WHERE id = ?",
        List.of(balance.add(amount), now, agentId));
    return id;
  }

  /** The agent's row, locked as the pipeline's admission locks it; 422 for an unknown agent. */
  private Object[] lock(long agentId) {
    List<?> rows = em().createNativeQuery("SELECT balance, commission_revenue FROM agents WHERE id = ? FOR UPDATE")
        .setParameter(1, agentId).getResultList();
    if (rows.isEmpty()) {
      throw ValidationException.field("agent_id", "The selected agent id is invalid.");
    }
    return (Object[]) rows.get(0);
  }

  private Long lastHistoryId(long agentId) {
    Object id = em().createNativeQuery("SELECT MAX(id) FROM agent_balance_histories WHERE agent_id = ?")
        .setParameter(1, agentId).getSingleResult();
    return id == null ? null : ((Number) id).longValue();
  }

  /** The cash taken (sales and appliances) since the history row the agent's previous receipt controlled. */
  private BigDecimal sinceLastReceipt(long agentId, long receiptId) {
    List<?> last = em().createNativeQuery("SELECT last_controlled_balance_history_id FROM agent_receipts"
        + " WHERE agent_id = ? AND id < ? ORDER BY id DESC LIMIT 1").setParameter(1, agentId)
        .setParameter(2, receiptId).getResultList();
    if (last.isEmpty()) {
      return BigDecimal.ZERO;
    }
    Object sum = em().createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM agent_balance_histories"
        + " WHERE agent_id = ? AND id > ? AND trigger_type IN ('agent_appliance', 'agent_transaction')")
        .setParameter(1, agentId).setParameter(2, ((Number) last.get(0)).longValue()).getSingleResult();
    return decimal(sum).negate().max(BigDecimal.ZERO);
  }

  private BigDecimal earlierSummary(long agentId, long receiptId) {
    List<?> rows = em().createNativeQuery("SELECT d.summary FROM agent_receipt_details d JOIN agent_receipts r"
        + " ON r.id = d.agent_receipt_id WHERE r.agent_id = ? AND r.id < ? ORDER BY d.id DESC LIMIT 1")
        .setParameter(1, agentId).setParameter(2, receiptId).getResultList();
    return rows.isEmpty() ? BigDecimal.ZERO : decimal(rows.get(0));
  }

  private long insert(String head, String row, Object[] values) {
    return NativeSql.insertAll(tenantDb.connection(), head, row, List.<Object[]>of(values)).get(0);
  }

  private static BigDecimal decimal(Object v) {
    return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
