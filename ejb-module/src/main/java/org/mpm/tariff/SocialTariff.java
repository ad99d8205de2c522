package org.mpm.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** The social tariff of a tariff: a daily energy allowance at a reduced price (tenant {@code social_tariffs}). */
@Entity
@Table(name = "social_tariffs")
public class SocialTariff extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tariff_id", nullable = false)
  private long tariffId;

  @Column(name = "daily_allowance", nullable = false)
  private int dailyAllowance;

  @Column(nullable = false)
  private double price;

  @Column(name = "initial_energy_budget", nullable = false)
  private double initialEnergyBudget;

  @Column(name = "maximum_stacked_energy", nullable = false)
  private int maximumStackedEnergy;

  protected SocialTariff() {}

  public SocialTariff(
      long tariffId, int dailyAllowance, double price, double initialEnergyBudget, int maximumStackedEnergy) {
    this.tariffId = tariffId;
    this.dailyAllowance = dailyAllowance;
    this.price = price;
    this.initialEnergyBudget = initialEnergyBudget;
    this.maximumStackedEnergy = maximumStackedEnergy;
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

  public int getDailyAllowance() {
    return dailyAllowance;
  }

  public void setDailyAllowance(int dailyAllowance) {
    this.dailyAllowance = dailyAllowance;
  }

  public double getPrice() {
    return price;
  }

  public void setPrice(double price) {
    this.price = price;
  }

  public double getInitialEnergyBudget() {
    return initialEnergyBudget;
  }

  public void setInitialEnergyBudget(double initialEnergyBudget) {
    this.initialEnergyBudget = initialEnergyBudget;
  }

  public int getMaximumStackedEnergy() {
    return maximumStackedEnergy;
  }

  public void setMaximumStackedEnergy(int maximumStackedEnergy) {
    this.maximumStackedEnergy = maximumStackedEnergy;
  }
}
