package org.mpm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.mpm.common.SoftDeletable;

/** A person: customer, agent or maintenance person (tenant {@code people}; soft-deleted). */
@Entity
@Table(name = "people")
@AdditionalCriteria("this.deletedAt IS NULL")
public class Person extends SoftDeletable {

  /** The morph alias of people in {@code addresses.owner_type} and other polymorphic columns. */
  public static final String MORPH = "person";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String title;
  private String education;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String surname;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  private String gender;
  private Long nationality;

  @Column(name = "is_customer", nullable = false)
  private int isCustomer;

  @Column(nullable = false)
  private String type = "customer";

  @Column(name = "mini_grid_id")
  private Long miniGridId;

  @Column(name = "onboarding_json")
  private String onboardingJson;

  protected Person() {}

  public Person(String name, String surname) {
    this.name = name;
    this.surname = surname;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getEducation() {
    return education;
  }

  public void setEducation(String education) {
    this.education = education;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSurname() {
    return surname;
  }

  public void setSurname(String surname) {
    this.surname = surname;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public String getGender() {
    return gender;
  }

  public void setGender(String gender) {
    this.gender = gender;
  }

  public Long getNationality() {
    return nationality;
  }

  public void setNationality(Long nationality) {
    this.nationality = nationality;
  }

  public int getIsCustomer() {
    return isCustomer;
  }

  public void setIsCustomer(int isCustomer) {
    this.isCustomer = isCustomer;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Long getMiniGridId() {
    return miniGridId;
  }

  public void setMiniGridId(Long miniGridId) {
    this.miniGridId = miniGridId;
  }

  public String getOnboardingJson() {
    return onboardingJson;
  }

  public void setOnboardingJson(String onboardingJson) {
    this.onboardingJson = onboardingJson;
  }
}
