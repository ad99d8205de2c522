package org.mpm.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.mpm.common.Timestamped;

/** The company's single settings row (tenant {@code main_settings}, MPM's {@code App\Models\MainSettings}). */
@Entity
@Table(name = "main_settings")
public class MainSettings extends Timestamped {

  /** The values of the {@code usage_type} column (and of central {@code usage_types.value}). */
  public static final List<String> USAGE_TYPES = List.of("mini-grid", "shs", "e-bike", "mini-grid&shs",
      "mini-grid&e-bike", "shs&e-bike", "mini-grid&shs&e-bike");

  /** The languages MPM's web console offers (its settings page's list). */
  public static final List<String> LANGUAGES = List.of("ar", "bu", "en", "fr", "pt");

  /** The lengths of the {@code CHAR} columns. */
  public static final int TITLE_MAX = 100;
  public static final int CURRENCY_MAX = 10;
  public static final int LANGUAGE_MAX = 10;

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

  public void setSiteTitle(String siteTitle) {
    this.siteTitle = siteTitle;
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

  public void setCountry(String country) {
    this.country = country;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public Double getVatEnergy() {
    return vatEnergy;
  }

  public void setVatEnergy(Double vatEnergy) {
    this.vatEnergy = vatEnergy;
  }

  public Double getVatAppliance() {
    return vatAppliance;
  }

  public void setVatAppliance(Double vatAppliance) {
    this.vatAppliance = vatAppliance;
  }

  public Long getSmsGatewayId() {
    return smsGatewayId;
  }

  public void setSmsGatewayId(Long smsGatewayId) {
    this.smsGatewayId = smsGatewayId;
  }

  public boolean isTransactionSmsEnabled() {
    return transactionSmsEnabled;
  }

  public void setTransactionSmsEnabled(boolean transactionSmsEnabled) {
    this.transactionSmsEnabled = transactionSmsEnabled;
  }
}
