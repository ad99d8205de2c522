package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/** A consumption reading of a meter (tenant {@code meter_consumptions}). */
@Entity
@Table(name = "meter_consumptions")
public class MeterConsumption extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "meter_id", nullable = false)
  private long meterId;

  @Column(name = "total_consumption", nullable = false)
  private double totalConsumption;

  @Column(nullable = false)
  private double consumption;

  @Column(name = "credit_on_meter", nullable = false)
  private double creditOnMeter;

  @Column(name = "reading_date", nullable = false)
  private LocalDateTime readingDate;

  protected MeterConsumption() {}

  public MeterConsumption(long meterId, double totalConsumption, double creditOnMeter, LocalDateTime readingDate) {
    this.meterId = meterId;
    this.totalConsumption = totalConsumption;
    this.creditOnMeter = creditOnMeter;
    this.readingDate = readingDate;
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

  public double getTotalConsumption() {
    return totalConsumption;
  }

  public void setTotalConsumption(double totalConsumption) {
    this.totalConsumption = totalConsumption;
  }

  public double getConsumption() {
    return consumption;
  }

  public void setConsumption(double consumption) {
    this.consumption = consumption;
  }

  public double getCreditOnMeter() {
    return creditOnMeter;
  }

  public void setCreditOnMeter(double creditOnMeter) {
    this.creditOnMeter = creditOnMeter;
  }

  public LocalDateTime getReadingDate() {
    return readingDate;
  }

  public void setReadingDate(LocalDateTime readingDate) {
    this.readingDate = readingDate;
  }
}
