package org.mpm.geography;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.mpm.common.SoftDeletable;

/** A cluster of mini-grids with its area as GeoJSON (tenant {@code clusters}). */
@Entity
@Table(name = "clusters")
@AdditionalCriteria("this.deletedAt IS NULL")
public class Cluster extends SoftDeletable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "manager_id", nullable = false)
  private long managerId;

  /** GeoJSON text, as stored. */
  @Column(name = "geo_json", nullable = false)
  private String geoJson;

  protected Cluster() {}

  public Cluster(String name, long managerId, String geoJson) {
    this.name = name;
    this.managerId = managerId;
    this.geoJson = geoJson;
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

  public long getManagerId() {
    return managerId;
  }

  public void setManagerId(long managerId) {
    this.managerId = managerId;
  }

  public String getGeoJson() {
    return geoJson;
  }

  public void setGeoJson(String geoJson) {
    this.geoJson = geoJson;
  }
}
