package org.mpm.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A cash payment recorded by a user (tenant {@code cash_transactions}). */
@Entity
@Table(name = "cash_transactions")
public class CashTransaction extends Timestamped {

  /** The morph alias in {@code transactions.original_transaction_type}. */
  public static final String MORPH = "cash_transaction";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  /** 0 requested, 1 success, -1 failed. */
  @Column(nullable = false)
  private int status;

  @Column(name = "manufacturer_transaction_type")
  private String manufacturerTransactionType;

  @Column(name = "manufacturer_transaction_id")
  private Long manufacturerTransactionId;

  protected CashTransaction() {}

  public CashTransaction(long userId) {
    this.userId = userId;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public void setUserId(long userId) {
    this.userId = userId;
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

  public void setManufacturerTransactionType(String manufacturerTransactionType) {
    this.manufacturerTransactionType = manufacturerTransactionType;
  }

  public Long getManufacturerTransactionId() {
    return manufacturerTransactionId;
  }

  public void setManufacturerTransactionId(Long manufacturerTransactionId) {
    this.manufacturerTransactionId = manufacturerTransactionId;
  }
}
