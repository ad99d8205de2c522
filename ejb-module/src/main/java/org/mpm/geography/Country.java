package org.mpm.geography;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A country (tenant {@code countries}). */
@Entity
@Table(name = "countries")
public class Country extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "country_code", nullable = false)
  private String countryCode;

  @Column(name = "country_name", nullable = false)
  private String countryName;

  protected Country() {}

  public Country(String countryCode, String countryName) {
    this.countryCode = countryCode;
    this.countryName = countryName;
  }

  public Long getId() {
    return id;
  }

  public String getCountryCode() {
    return countryCode;
  }

  public String getCountryName() {
    return countryName;
  }
}
