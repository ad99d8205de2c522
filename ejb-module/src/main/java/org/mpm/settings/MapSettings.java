package org.mpm.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.mpm.common.Timestamped;

/**
 * The web console's map defaults (tenant {@code map_settings}, MPM's {@code App\Models\MapSettings}): one row with
 * the zoom and centre the maps open on and the tile provider. Its id is given by the caller, as MPM's
 * {@code updateOrCreate} gives it.
 */
@Entity
@Table(name = "map_settings")
public class MapSettings extends Timestamped {

  /** The providers MPM's web console offers; anything but "Bing Maps" shows OpenStreetMap tiles. */
  public static final List<String> PROVIDERS = List.of("Bing Maps", "Open Street Map");

  /** The zoom levels the console's maps show (Leaflet, up to its {@code maxZoom} of 20). */
  public static final int ZOOM_MAX = 20;

  @Id
  private Long id;

  @Column(nullable = false)
  private int zoom;

  @Column(nullable = false)
  private double latitude;

  @Column(nullable = false)
  private double longitude;

  private String provider;

  protected MapSettings() {}

  public MapSettings(long id) {
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public int getZoom() {
    return zoom;
  }

  public double getLatitude() {
    return latitude;
  }

  public double getLongitude() {
    return longitude;
  }

  public String getProvider() {
    return provider;
  }

  /** Sets the four values together, as MPM's update writes them. */
  public void set(int zoom, double latitude, double longitude, String provider) {
    this.zoom = zoom;
    this.latitude = latitude;
    this.longitude = longitude;
    this.provider = provider;
  }
}
