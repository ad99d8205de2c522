package org.mpm.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A provider-independent payment (tenant {@code transactions}); its origin is the provider transaction morph. */
@Entity
@Table(name = "transactions")
public class Transaction extends Timestamped {

  /** The morph alias of transactions in {@code sms.trigger_type}. */
  public static final String MORPH = "transaction";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "original_transaction_id", nullable = false)
  private long originalTransactionId;

  /** The morph alias of the provider transaction, e.g. {@code cash_transaction}. */
  @Column(name = "original_transaction_type", nullable = false)
  private String originalTransactionType;

  @Column(nullable = false)
  private double amount;

  /**
   * {@code energy}, {@code deferred_payment}, {@code eaas_rate}, {@code down_payment}, {@code ad_hoc},
   * {@code unknown}, {@code imported} or {@code 3rd party api sync}; nullable.
   */
  private String type = "unknown";

  /** The payer's phone number. */
  @Column(nullable = false)
  private String sender;

  /** The device serial (energy, PAYG appliances) or the {@code appliance_people} id (other appliances). */
  @Column(nullable = false)
  private String message;

  protected Transaction() {}

  public Transaction(
      long originalTransactionId, String originalTransactionType, double amount, String sender, String message) {
    this.originalTransactionId = originalTransactionId;
    this.originalTransactionType = originalTransactionType;
    this.amount = amount;
    this.sender = sender;
    this.message = message;
  }

  public Long getId() {
    return id;
  }

  public long getOriginalTransactionId() {
    return originalTransactionId;
  }

  public void setOriginalTransactionId(long originalTransactionId) {
    this.originalTransactionId = originalTransactionId;
  }

  public String getOriginalTransactionType() {
    return originalTransactionType;
  }

  public void setOriginalTransactionType(String originalTransactionType) {
    this.originalTransactionType = originalTransactionType;
  }

  public double getAmount() {
    return amount;
  }

  public void setAmount(double amount) {
    this.amount = amount;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getSender() {
    return sender;
  }

  public void setSender(String sender) {
    this.sender = sender;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
