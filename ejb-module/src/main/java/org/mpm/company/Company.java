package org.mpm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A tenant: one operating company with its own database (central table {@code companies}). */
@Entity
@Table(name = "companies")
public class Company extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String address;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String email;

  @Column(name = "country_id", nullable = false)
  private int countryId = -1;

  protected Company() {}

  public Company(String name, String address, String phone, String email, Integer countryId) {
    this.name = name;
    this.address = address;
    this.phone = phone;
    this.email = email;
    this.countryId = countryId == null ? -1 : countryId;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getAddress() {
    return address;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public int getCountryId() {
    return countryId;
  }
}
