package org.mpm.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A ledger entry: what part of a transaction paid for what, and who paid (tenant {@code payment_histories}). */
@Entity
@Table(name = "payment_histories")
public class PaymentHistory extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private double amount;

  @Column(name = "transaction_id", nullable = false)
  private long transactionId;

  @Column(name = "payment_service", nullable = false)
  private String paymentService;

  @Column(nullable = false)
  private String sender;

  /** E.g. {@code energy}, {@code access rate}, {@code installment}, {@code down_payment}, {@code eaas_rate}. */
  @Column(name = "payment_type", nullable = false)
  private String paymentType;

  /**
   * A morph alias ({@code access_rate}, {@code appliance_rate}) or a class name ({@code App\Models\Token},
   * {@code App\Models\Appliance}).
   */
  @Column(name = "paid_for_type", nullable = false)
  private String paidForType;

  @Column(name = "paid_for_id", nullable = false)
  private long paidForId;

  @Column(name = "payer_type", nullable = false)
  private String payerType;

  @Column(name = "payer_id", nullable = false)
  private long payerId;

  protected PaymentHistory() {}

  public PaymentHistory(
      double amount, long transactionId, String paymentService, String sender, String paymentType,
      String paidForType, long paidForId, String payerType, long payerId) {
    this.amount = amount;
    this.transactionId = transactionId;
    this.paymentService = paymentService;
    this.sender = sender;
    this.paymentType = paymentType;
    this.paidForType = paidForType;
    this.paidForId = paidForId;
    this.payerType = payerType;
    this.payerId = payerId;
  }

  public Long getId() {
    return id;
  }

  public double getAmount() {
    return amount;
  }

  public void setAmount(double amount) {
    this.amount = amount;
  }

  public long getTransactionId() {
    return transactionId;
  }

  public void setTransactionId(long transactionId) {
    this.transactionId = transactionId;
  }

  public String getPaymentService() {
    return paymentService;
  }

  public void setPaymentService(String paymentService) {
    this.paymentService = paymentService;
  }

  public String getSender() {
    return sender;
  }

  public void setSender(String sender) {
    this.sender = sender;
  }

  public String getPaymentType() {
    return paymentType;
  }

  public void setPaymentType(String paymentType) {
    this.paymentType = paymentType;
  }

  public String getPaidForType() {
    return paidForType;
  }

  public void setPaidForType(String paidForType) {
    this.paidForType = paidForType;
  }

  public long getPaidForId() {
    return paidForId;
  }

  public void setPaidForId(long paidForId) {
    this.paidForId = paidForId;
  }

  public String getPayerType() {
    return payerType;
  }

  public void setPayerType(String payerType) {
    this.payerType = payerType;
  }

  public long getPayerId() {
    return payerId;
  }

  public void setPayerId(long payerId) {
    this.payerId = payerId;
  }
}
