package org.mpm.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A time-of-use window of a tariff, start and end time with a value (tenant {@code time_of_usages}). */
@Entity
@Table(name = "time_of_usages")
public class TimeOfUsage extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tariff_id", nullable = false)
  private long tariffId;

  @Column(nullable = false)
  private String start;

  @Column(nullable = false)
  private String end;

  @Column(nullable = false)
  private double value;

  protected TimeOfUsage() {}

  public TimeOfUsage(long tariffId, String start, String end, double value) {
    this.tariffId = tariffId;
    this.start = start;
    this.end = end;
    this.value = value;
  }

  public Long getId() {
    return id;
  }

  public long getTariffId() {
    return tariffId;
  }

  public void setTariffId(long tariffId) {
    this.tariffId = tariffId;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public double getValue() {
    return value;
  }

  public void setValue(double value) {
    this.value = value;
  }
}
