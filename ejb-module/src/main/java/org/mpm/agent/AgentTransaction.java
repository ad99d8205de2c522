package org.mpm.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A payment initiated from the agent app (tenant {@code agent_transactions}). */
@Entity
@Table(name = "agent_transactions")
public class AgentTransaction extends Timestamped {

  /** The morph alias in {@code transactions.original_transaction_type}. */
  public static final String MORPH = "agent_transaction";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agent_id", nullable = false)
  private long agentId;

  @Column(name = "mobile_device_id", nullable = false)
  private String mobileDeviceId;

  /** 0 requested, 1 success, -1 failed. */
  @Column(nullable = false)
  private int status;

  @Column(name = "manufacturer_transaction_type")
  private String manufacturerTransactionType;

  @Column(name = "manufacturer_transaction_id")
  private Long manufacturerTransactionId;

  protected AgentTransaction() {}

  public AgentTransaction(long agentId, String mobileDeviceId) {
    this.agentId = agentId;
    this.mobileDeviceId = mobileDeviceId;
  }

  public Long getId() {
    return id;
  }

  public long getAgentId() {
    return agentId;
  }

  public String getMobileDeviceId() {
    return mobileDeviceId;
  }

  public int getStatus() {
    return status;
  }

  public void setStatus(int status) {
    this.status = status;
  }

  public String getManufacturerTransactionType() {
    return manufacturerTransactionType;
  }

  public void setManufacturerTransactionType(String t) {
    this.manufacturerTransactionType = t;
  }

  public Long getManufacturerTransactionId() {
    return manufacturerTransactionId;
  }

  public void setManufacturerTransactionId(Long id) {
    this.manufacturerTransactionId = id;
  }
}
