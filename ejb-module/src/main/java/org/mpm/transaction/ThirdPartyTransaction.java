package org.mpm.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A payment reported by a third-party API (tenant {@code third_party_transactions}). */
@Entity
@Table(name = "third_party_transactions")
public class ThirdPartyTransaction extends Timestamped {

  /** The morph alias in {@code transactions.original_transaction_type}. */
  public static final String MORPH = "third_party_transaction";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The third party's own transaction id. */
  @Column(name = "transaction_id", nullable = false)
  private String transactionId;

  /** 0 requested, 1 success, -1 failed. */
  @Column(nullable = false)
  private int status;

  private String description;

  @Column(name = "manufacturer_transaction_type")
  private String manufacturerTransactionType;

  @Column(name = "manufacturer_transaction_id")
  private Long manufacturerTransactionId;

  protected ThirdPartyTransaction() {}

  public ThirdPartyTransaction(String transactionId, int status) {
    this.transactionId = transactionId;
    this.status = status;
  }

  public Long getId() {
    return id;
  }

  public String getTransactionId() {
    return transactionId;
  }

  public void setTransactionId(String transactionId) {
    this.transactionId = transactionId;
  }

  public int getStatus() {
    return status;
  }

  public void setStatus(int status) {
    this.status = status;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
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
