package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A solar home system, an item of the appliance catalogue by a manufacturer (tenant {@code solar_home_systems}). */
@Entity
@Table(name = "solar_home_systems")
public class SolarHomeSystem extends Timestamped {

  /** The morph alias of solar home systems in {@code devices.device_type}. */
  public static final String MORPH = "solar_home_system";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "appliance_id", nullable = false)
  private long applianceId;

  @Column(name = "serial_number", nullable = false)
  private String serialNumber;

  @Column(name = "manufacturer_id", nullable = false)
  private long manufacturerId;

  protected SolarHomeSystem() {}

  public SolarHomeSystem(long applianceId, String serialNumber, long manufacturerId) {
    this.applianceId = applianceId;
    this.serialNumber = serialNumber;
    this.manufacturerId = manufacturerId;
  }

  public Long getId() {
    return id;
  }

  public long getApplianceId() {
    return applianceId;
  }

  public void setApplianceId(long applianceId) {
    this.applianceId = applianceId;
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public void setSerialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
  }

  public long getManufacturerId() {
    return manufacturerId;
  }

  public void setManufacturerId(long manufacturerId) {
    this.manufacturerId = manufacturerId;
  }
}
