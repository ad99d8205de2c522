package org.mpm.geography;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.mpm.common.SoftDeletable;

/** A city or village, served by a mini-grid (tenant {@code cities}). */
@Entity
@Table(name = "cities")
@AdditionalCriteria("this.deletedAt IS NULL")
public class City extends SoftDeletable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "country_id", nullable = false)
  private long countryId;

  @Column(name = "mini_grid_id", nullable = false)
  private long miniGridId;

  protected City() {}

  public City(String name, long countryId, long miniGridId) {
    this.name = name;
    this.countryId = countryId;
    this.miniGridId = miniGridId;
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

  public long getCountryId() {
    return countryId;
  }

  public void setCountryId(long countryId) {
    this.countryId = countryId;
  }

  public long getMiniGridId() {
    return miniGridId;
  }

  public void setMiniGridId(long miniGridId) {
    this.miniGridId = miniGridId;
  }
}
