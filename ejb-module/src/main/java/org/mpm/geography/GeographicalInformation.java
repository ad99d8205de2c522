package org.mpm.geography;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * The location of a mini-grid, city or device (tenant {@code geographical_informations}, polymorphic owner with
 * MPM's morph aliases {@code mini-grid}, {@code city}, {@code device}); GeoJSON coordinates are [longitude, latitude].
 */
@Entity
@Table(name = "geographical_informations")
public class GeographicalInformation extends Timestamped {

  public static final String MINI_GRID = "mini-grid";
  public static final String CITY = "city";
  public static final String ADDRESS = "address";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "owner_id", nullable = false)
  private long ownerId;

  @Column(name = "owner_type", nullable = false)
  private String ownerType;

  @Column(name = "geo_json")
  private String geoJson;

  protected GeographicalInformation() {}

  public GeographicalInformation(String ownerType, long ownerId, String geoJson) {
    this.ownerType = ownerType;
    this.ownerId = ownerId;
    this.geoJson = geoJson;
  }

  public Long getId() {
    return id;
  }

  public long getOwnerId() {
    return ownerId;
  }

  public String getOwnerType() {
    return ownerType;
  }

  public String getGeoJson() {
    return geoJson;
  }

  public void setGeoJson(String geoJson) {
    this.geoJson = geoJson;
  }
}
