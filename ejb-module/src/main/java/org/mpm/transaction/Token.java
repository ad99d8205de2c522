package org.mpm.transaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** The token vended for a transaction to a device (tenant {@code tokens}; one per transaction). */
@Entity
@Table(name = "tokens")
public class Token extends Timestamped {

  /**
   * The morph alias of tokens (MPM writes the class name {@code App\Models\Token} into
   * {@code payment_histories.paid_for_type}).
   */
  public static final String MORPH = "token";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "transaction_id", nullable = false)
  private long transactionId;

  @Column(nullable = false)
  private String token;

  @Column(name = "token_amount")
  private Double tokenAmount;

  @Column(name = "device_id")
  private Long deviceId;

  /** {@code energy}, {@code time} or {@code unlock}. */
  @Column(name = "token_type", nullable = false)
  private String tokenType = "energy";

  /** {@code kWh}, {@code days}, {@code weeks} or {@code months}. */
  @Column(name = "token_unit")
  private String tokenUnit;

  protected Token() {}

  public Token(long transactionId, String token) {
    this.transactionId = transactionId;
    this.token = token;
  }

  public Long getId() {
    return id;
  }

  public long getTransactionId() {
    return transactionId;
  }

  public void setTransactionId(long transactionId) {
    this.transactionId = transactionId;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public Double getTokenAmount() {
    return tokenAmount;
  }

  public void setTokenAmount(Double tokenAmount) {
    this.tokenAmount = tokenAmount;
  }

  public Long getDeviceId() {
    return deviceId;
  }

  public void setDeviceId(Long deviceId) {
    this.deviceId = deviceId;
  }

  public String getTokenType() {
    return tokenType;
  }

  public void setTokenType(String tokenType) {
    this.tokenType = tokenType;
  }

  public String getTokenUnit() {
    return tokenUnit;
  }

  public void setTokenUnit(String tokenUnit) {
    this.tokenUnit = tokenUnit;
  }
}
