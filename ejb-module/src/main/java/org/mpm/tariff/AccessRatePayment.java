package org.mpm.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/** A meter's access-rate debt and next due date (tenant {@code access_rate_payments}). */
@Entity
@Table(name = "access_rate_payments")
public class AccessRatePayment extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "meter_id", nullable = false)
  private long meterId;

  @Column(name = "access_rate_id", nullable = false)
  private long accessRateId;

  @Column(name = "due_date", nullable = false)
  private LocalDateTime dueDate;

  @Column(nullable = false)
  private double debt;

  @Column(name = "unpaid_in_row", nullable = false)
  private double unpaidInRow;

  protected AccessRatePayment() {}

  public AccessRatePayment(long meterId, long accessRateId, LocalDateTime dueDate) {
    this.meterId = meterId;
    this.accessRateId = accessRateId;
    this.dueDate = dueDate;
  }

  public Long getId() {
    return id;
  }

  public long getMeterId() {
    return meterId;
  }

  public void setMeterId(long meterId) {
    this.meterId = meterId;
  }

  public long getAccessRateId() {
    return accessRateId;
  }

  public void setAccessRateId(long accessRateId) {
    this.accessRateId = accessRateId;
  }

  public LocalDateTime getDueDate() {
    return dueDate;
  }

  public void setDueDate(LocalDateTime dueDate) {
    this.dueDate = dueDate;
  }

  public double getDebt() {
    return debt;
  }

  public void setDebt(double debt) {
    this.debt = debt;
  }

  public double getUnpaidInRow() {
    return unpaidInRow;
  }

  public void setUnpaidInRow(double unpaidInRow) {
    this.unpaidInRow = unpaidInRow;
  }
}
