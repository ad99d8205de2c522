package org.mpm.plugins.safaricom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/**
 * An STK push and what became of it (tenant {@code safaricom_transactions}, morph {@code safaricom_transaction}):
 * written when the push is started (status 0), credited through the payment pipeline when Daraja reports the
 * payment, -1 when it failed, 3 when the customer cancelled it.
 */
@Entity
@Table(name = "safaricom_transactions")
public class SafaricomTransaction extends Timestamped {

  public static final String MORPH = "safaricom_transaction";
  public static final int STATUS_REQUESTED = 0;
  public static final int STATUS_ABANDONED = 3;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(nullable = false)
  private String currency = "KES";

  @Column(name = "order_id", nullable = false)
  private String orderId;

  @Column(name = "reference_id", nullable = false)
  private String referenceId;

  @Column(nullable = false)
  private int status;

  @Column(name = "external_transaction_id")
  private String externalTransactionId;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(name = "serial_id")
  private String serialId;

  @Column(name = "device_type")
  private String deviceType;

  @Column(name = "phone_number", nullable = false)
  private String phoneNumber;

  @Column(name = "checkout_request_id")
  private String checkoutRequestId;

  @Column(name = "merchant_request_id")
  private String merchantRequestId;

  @Column(name = "mpesa_receipt_number")
  private String mpesaReceiptNumber;

  @Column(name = "transaction_date")
  private LocalDateTime transactionDate;

  @Column(name = "account_reference")
  private String accountReference;

  @Column(name = "transaction_desc")
  private String transactionDesc;

  @Column(name = "response_data")
  private String responseData;

  private String metadata;

  @Column(nullable = false)
  private int attempts;

  protected SafaricomTransaction() {}

  SafaricomTransaction(BigDecimal amount, String orderId, String referenceId, long customerId, String serialId,
      String deviceType, String phoneNumber, String accountReference, String transactionDesc, String metadata) {
    this.amount = amount;
    this.orderId = orderId;
    this.referenceId = referenceId;
    this.customerId = customerId;
    this.serialId = serialId;
    this.deviceType = deviceType;
    this.phoneNumber = phoneNumber;
    this.accountReference = accountReference;
    this.transactionDesc = transactionDesc;
    this.metadata = metadata;
    this.status = STATUS_REQUESTED;
  }

  public Long getId() {
    return id;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public String getOrderId() {
    return orderId;
  }

  public String getReferenceId() {
    return referenceId;
  }

  public int getStatus() {
    return status;
  }

  public String getExternalTransactionId() {
    return externalTransactionId;
  }

  public long getCustomerId() {
    return customerId;
  }

  public String getSerialId() {
    return serialId;
  }

  public String getDeviceType() {
    return deviceType;
  }

  public String getPhoneNumber() {
    return phoneNumber;
  }

  public String getCheckoutRequestId() {
    return checkoutRequestId;
  }

  public String getMerchantRequestId() {
    return merchantRequestId;
  }

  public String getMpesaReceiptNumber() {
    return mpesaReceiptNumber;
  }

  public LocalDateTime getTransactionDate() {
    return transactionDate;
  }

  public String getAccountReference() {
    return accountReference;
  }

  public String getTransactionDesc() {
    return transactionDesc;
  }

  public String getResponseData() {
    return responseData;
  }

  public int getAttempts() {
    return attempts;
  }
}
