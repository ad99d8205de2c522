package org.mpm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A postal and contact address of a person, agent or user (tenant {@code addresses}, polymorphic owner). */
@Entity
@Table(name = "addresses")
public class Address extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "owner_type", nullable = false)
  private String ownerType;

  @Column(name = "owner_id", nullable = false)
  private long ownerId;

  private String email;
  private String phone;
  private String street;

  @Column(name = "city_id")
  private Long cityId;

  @Column(name = "is_primary", nullable = false)
  private int isPrimary;

  protected Address() {}

  public Address(String ownerType, long ownerId) {
    this.ownerType = ownerType;
    this.ownerId = ownerId;
  }

  /** The address a new person or manufacturer is registered with: missing texts empty, primary unless said. */
  public Address(String ownerType, long ownerId, String email, String phone, String street, Long cityId,
      Integer isPrimary) {
    this(ownerType, ownerId);
    this.email = email == null ? "" : email;
    this.phone = phone == null ? "" : phone;
    this.street = street == null ? "" : street;
    this.cityId = cityId;
    this.isPrimary = isPrimary == null ? 1 : isPrimary;
  }

  public Long getId() {
    return id;
  }

  public String getOwnerType() {
    return ownerType;
  }

  public long getOwnerId() {
    return ownerId;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public Long getCityId() {
    return cityId;
  }

  public void setCityId(Long cityId) {
    this.cityId = cityId;
  }

  public int getIsPrimary() {
    return isPrimary;
  }

  public void setIsPrimary(int isPrimary) {
    this.isPrimary = isPrimary;
  }
}
