package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A device manufacturer and the API its tokens are generated with (tenant {@code manufacturers}). */
@Entity
@Table(name = "manufacturers")
public class Manufacturer extends Timestamped {

  /** The morph alias of manufacturers in {@code addresses.owner_type}. */
  public static final String MORPH = "manufacturer";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** {@code meter}, {@code shs} or {@code e-bike}. */
  @Column(nullable = false)
  private String type = "meter";

  @Column(nullable = false)
  private String name;

  private String website;

  @Column(name = "contact_person")
  private String contactPerson;

  /** The name the manufacturer integration's API is bound under. */
  @Column(name = "api_name")
  private String apiName;

  protected Manufacturer() {}

  public Manufacturer(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public String getContactPerson() {
    return contactPerson;
  }

  public void setContactPerson(String contactPerson) {
    this.contactPerson = contactPerson;
  }

  public String getApiName() {
    return apiName;
  }

  public void setApiName(String apiName) {
    this.apiName = apiName;
  }
}
