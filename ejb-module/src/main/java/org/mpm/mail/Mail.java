package org.mpm.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/**
 * One outgoing mail of the company (tenant {@code mails}, not in MPM): the mail as kept ({@code body}), the mail
 * as sent while it waits for delivery ({@code payload}), the mailer and the outcome.
 */
@Entity
@Table(name = "mails")
public class Mail extends Timestamped {

  /** Waiting for delivery. */
  public static final int STATUS_WAITING = 0;
  public static final int STATUS_SENT = 1;
  /** Given up. */
  public static final int STATUS_FAILED = -1;

  static final int ERROR_MESSAGE_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String receiver;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  private String payload;

  @Column(nullable = false)
  private String mailer;

  @Column(nullable = false)
  private int status = STATUS_WAITING;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private LocalDateTime nextAttemptAt;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "sent_at")
  private LocalDateTime sentAt;

  protected Mail() {}

  Mail(String receiver, String subject, String body, String mailer) {
    this.receiver = receiver;
    this.subject = subject;
    this.body = body;
    this.mailer = mailer;
  }

  public Long getId() {
    return id;
  }

  public String getReceiver() {
    return receiver;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public int getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  /** Waits for delivery of {@code payload} from {@code due} on. */
  void await(String payload, LocalDateTime due) {
    this.payload = payload;
    this.status = STATUS_WAITING;
    this.nextAttemptAt = due;
  }

  /** Records a mailer's answer for one more attempt: sent, or given up when {@code giveUp}, else waiting. */
  void record(Mailer.Result result, boolean giveUp, LocalDateTime now, LocalDateTime retryAt) {
    attempts++;
    if (result.delivered()) {
      status = STATUS_SENT;
      sentAt = now;
      errorMessage = null;
    } else {
      String error = result.error() == null ? "" : result.error();
      errorMessage = error.length() <= ERROR_MESSAGE_MAX ? error : error.substring(0, ERROR_MESSAGE_MAX - 3) + "...";
      status = giveUp ? STATUS_FAILED : STATUS_WAITING;
    }
    nextAttemptAt = status == STATUS_WAITING ? retryAt : null;
    if (status != STATUS_WAITING) {
      payload = null;
    }
  }
}
