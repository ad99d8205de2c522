package org.mpm.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A commission plan of agents (tenant {@code agent_commissions}). */
@Entity
@Table(name = "agent_commissions")
public class AgentCommission extends Timestamped {

  /** The morph alias of commission plans in {@code agent_balance_histories.trigger_type}. */
  public static final String MORPH = "agent_commission";

  public static final String MODEL = "App\\Models\\AgentCommission";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "energy_commission", nullable = false)
  private double energyCommission;

  @Column(name = "appliance_commission", nullable = false)
  private double applianceCommission;

  @Column(name = "risk_balance", nullable = false)
  private double riskBalance;

  protected AgentCommission() {}

  public AgentCommission(String name, double energyCommission, double applianceCommission, double riskBalance) {
    this.name = name;
    this.energyCommission = energyCommission;
    this.applianceCommission = applianceCommission;
    this.riskBalance = riskBalance;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public double getEnergyCommission() {
    return energyCommission;
  }

  public void setEnergyCommission(double v) {
    this.energyCommission = v;
  }

  public double getApplianceCommission() {
    return applianceCommission;
  }

  public void setApplianceCommission(double v) {
    this.applianceCommission = v;
  }

  public double getRiskBalance() {
    return riskBalance;
  }

  public void setRiskBalance(double v) {
    this.riskBalance = v;
  }
}
