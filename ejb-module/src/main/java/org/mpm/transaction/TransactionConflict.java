package org.mpm.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A provider transaction that failed validation or processing (tenant {@code transaction_conflicts}). */
@Entity
@Table(name = "transaction_conflicts")
public class TransactionConflict extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "transaction_type", nullable = false)
  private String transactionType;

  @Column(name = "transaction_id", nullable = false)
  private long transactionId;

  @Column(nullable = false)
  private String state;

  protected TransactionConflict() {}

  public TransactionConflict(String transactionType, long transactionId, String state) {
    this.transactionType = transactionType;
    this.transactionId = transactionId;
    this.state = state;
  }

  public Long getId() {
    return id;
  }

  public String getTransactionType() {
    return transactionType;
  }

  public void setTransactionType(String transactionType) {
    this.transactionType = transactionType;
  }

  public long getTransactionId() {
    return transactionId;
  }

  public void setTransactionId(long transactionId) {
    this.transactionId = transactionId;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
