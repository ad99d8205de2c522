package org.mpm.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * One change of an agent's balance with the balance after it (tenant {@code agent_balance_histories}); the
 * trigger is a morph: {@code agent_transaction}, {@code agent_appliance}, {@code agent_charge},
 * {@code agent_receipt} or {@code agent_commission}.
 */
@Entity
@Table(name = "agent_balance_histories")
public class AgentBalanceHistory extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agent_id", nullable = false)
  private long agentId;

  @Column(name = "trigger_type", nullable = false)
  private String triggerType;

  @Column(name = "trigger_id", nullable = false)
  private long triggerId;

  @Column(nullable = false)
  private double amount;

  @Column(name = "available_balance", nullable = false)
  private double availableBalance;

  @Column(name = "transaction_id")
  private Long transactionId;

  protected AgentBalanceHistory() {}

  public AgentBalanceHistory(long agentId, String triggerType, long triggerId, double amount,
      double availableBalance, Long transactionId) {
    this.agentId = agentId;
    this.triggerType = triggerType;
    this.triggerId = triggerId;
    this.amount = amount;
    this.availableBalance = availableBalance;
    this.transactionId = transactionId;
  }

  public Long getId() {
    return id;
  }

  public long getAgentId() {
    return agentId;
  }

  public String getTriggerType() {
    return triggerType;
  }

  public long getTriggerId() {
    return triggerId;
  }

  public double getAmount() {
    return amount;
  }

  public double getAvailableBalance() {
    return availableBalance;
  }

  public Long getTransactionId() {
    return transactionId;
  }
}
