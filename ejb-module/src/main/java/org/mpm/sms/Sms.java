package org.mpm.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** One incoming or outgoing text message (tenant {@code sms}, MPM's {@code App\Models\Sms}). */
@Entity
@Table(name = "sms")
public class Sms extends Timestamped {

  public static final int DIRECTION_INCOMING = 0;
  public static final int DIRECTION_OUTGOING = 1;

  /** Written, not yet handed to a gateway. */
  public static final int STATUS_STORED = 0;
  /** Accepted by the gateway. */
  public static final int STATUS_SENT = 1;
  /** Delivery confirmed by the gateway's callback. */
  public static final int STATUS_DELIVERED = 2;
  public static final int STATUS_FAILED = -1;

  /** The morph alias MPM writes into {@code trigger_type} for a token-confirmation SMS. */
  public static final String TRIGGER_TRANSACTION = "transaction";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String receiver;

  @Column(name = "trigger_type")
  private String triggerType;

  @Column(name = "trigger_id")
  private Long triggerId;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private int status = STATUS_STORED;

  /** The gateway's message id. */
  private String uuid;

  @Column(name = "sender_id")
  private Long senderId;

  @Column(nullable = false)
  private int direction = DIRECTION_OUTGOING;

  /** {@code mpm_plugins.id} of the gateway plugin; NULL for the built-in gateway. */
  @Column(name = "gateway_id")
  private Integer gatewayId;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(nullable = false)
  private int attempts;

  protected Sms() {}

  public Sms(String receiver, String body) {
    this.receiver = receiver;
    this.body = body;
  }

  public Long getId() {
    return id;
  }

  public String getReceiver() {
    return receiver;
  }

  public String getBody() {
    return body;
  }

  public String getTriggerType() {
    return triggerType;
  }

  public Long getTriggerId() {
    return triggerId;
  }

  public void setTrigger(String type, Long id) {
    this.triggerType = type;
    this.triggerId = id;
  }

  public int getStatus() {
    return status;
  }

  public void setStatus(int status) {
    this.status = status;
  }

  public String getUuid() {
    return uuid;
  }

  public void setUuid(String uuid) {
    this.uuid = uuid;
  }

  public Long getSenderId() {
    return senderId;
  }

  public void setSenderId(Long senderId) {
    this.senderId = senderId;
  }

  public int getDirection() {
    return direction;
  }

  public void setDirection(int direction) {
    this.direction = direction;
  }

  public Integer getGatewayId() {
    return gatewayId;
  }

  public void setGatewayId(Integer gatewayId) {
    this.gatewayId = gatewayId;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }
}
