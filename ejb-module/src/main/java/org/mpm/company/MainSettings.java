package org.mpm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** The company's single settings row (tenant {@code main_settings}). */
@Entity
@Table(name = "main_settings")
public class MainSettings extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "usage_type", nullable = false)
  private String usageType;

  @Column(name = "site_title", nullable = false)
  private String siteTitle;

  @Column(name = "company_name", nullable = false)
  private String companyName;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private String country;

  @Column(nullable = false)
  private String language;

  @Column(name = "vat_energy")
  private Double vatEnergy;

  @Column(name = "vat_appliance")
  private Double vatAppliance;

  @Column(name = "sms_gateway_id")
  private Long smsGatewayId;

  @Column(name = "transaction_sms_enabled", nullable = false)
  private boolean transactionSmsEnabled = true;

  protected MainSettings() {}

  public Long getId() {
    return id;
  }

  public String getUsageType() {
    return usageType;
  }

  public void setUsageType(String usageType) {
    this.usageType = usageType;
  }

  public String getSiteTitle() {
    return siteTitle;
  }

  public String getCompanyName() {
    return companyName;
  }

  public void setCompanyName(String companyName) {
    this.companyName = companyName;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getCountry() {
    return country;
  }

  public String getLanguage() {
    return language;
  }

  public Double getVatEnergy() {
    return vatEnergy;
  }

  public Double getVatAppliance() {
    return vatAppliance;
  }

  public Long getSmsGatewayId() {
    return smsGatewayId;
  }

  public boolean isTransactionSmsEnabled() {
    return transactionSmsEnabled;
  }
}
