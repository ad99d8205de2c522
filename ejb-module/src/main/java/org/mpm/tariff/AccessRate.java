package org.mpm.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** The access rate of a tariff: a recurring fee of an amount every period of days (tenant {@code access_rates}). */
@Entity
@Table(name = "access_rates")
public class AccessRate extends Timestamped {

  /** The morph alias of access rates in {@code payment_histories.paid_for_type}. */
  public static final String MORPH = "access_rate";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tariff_id", nullable = false)
  private long tariffId;

  @Column(nullable = false)
  private double amount;

  @Column(nullable = false)
  private int period;

  protected AccessRate() {}

  public AccessRate(long tariffId, double amount, int period) {
    this.tariffId = tariffId;
    this.amount = amount;
    this.period = period;
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

  public double getAmount() {
    return amount;
  }

  public void setAmount(double amount) {
    this.amount = amount;
  }

  public int getPeriod() {
    return period;
  }

  public void setPeriod(int period) {
    this.period = period;
  }
}
