package org.mpm.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A login principal of the agent app, tied to a person and a mini-grid (tenant {@code agents}). */
@Entity
@Table(name = "agents")
@NamedQuery(name = "Agent.findByEmail", query = "SELECT a FROM Agent a WHERE a.email = :email")
public class Agent extends Timestamped {

  public static final String MODEL = "App\\Models\\Agent";
  /** The morph alias of agents. */
  public static final String MORPH = "agent";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false)
  private long personId;

  @Column(name = "mini_grid_id", nullable = false)
  private long miniGridId;

  @Column(name = "agent_commission_id", nullable = false)
  private long agentCommissionId;

  @Column(name = "mobile_device_id", nullable = false)
  private String mobileDeviceId = "";

  @Column(nullable = false)
  private String email;

  @Column(name = "password", nullable = false)
  private String passwordHash;

  @Column(name = "fire_base_token", nullable = false)
  private String fireBaseToken = "";

  @Column(nullable = false)
  private double balance;

  @Column(name = "commission_revenue", nullable = false)
  private double commissionRevenue;

  @Column(name = "remember_token")
  private String rememberToken;

  @Column(name = "connection", nullable = false)
  private String connection = "tenant";

  protected Agent() {}

  public Agent(long personId, long miniGridId, long agentCommissionId, String email, String passwordHash) {
    this.personId = personId;
    this.miniGridId = miniGridId;
    this.agentCommissionId = agentCommissionId;
    this.email = email;
    this.passwordHash = passwordHash;
  }

  public Long getId() {
    return id;
  }

  public long getPersonId() {
    return personId;
  }

  public long getMiniGridId() {
    return miniGridId;
  }

  public void setMiniGridId(long miniGridId) {
    this.miniGridId = miniGridId;
  }

  public long getAgentCommissionId() {
    return agentCommissionId;
  }

  public void setAgentCommissionId(long agentCommissionId) {
    this.agentCommissionId = agentCommissionId;
  }

  public String getMobileDeviceId() {
    return mobileDeviceId;
  }

  public void setMobileDeviceId(String mobileDeviceId) {
    this.mobileDeviceId = mobileDeviceId;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public String getFireBaseToken() {
    return fireBaseToken;
  }

  public void setFireBaseToken(String fireBaseToken) {
    this.fireBaseToken = fireBaseToken;
  }

  public double getBalance() {
    return balance;
  }

  public void setBalance(double balance) {
    this.balance = balance;
  }

  public double getCommissionRevenue() {
    return commissionRevenue;
  }

  public void setCommissionRevenue(double commissionRevenue) {
    this.commissionRevenue = commissionRevenue;
  }

  public String getConnection() {
    return connection;
  }
}
