package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.mpm.common.Timestamped;

/** A registered device, a meter, solar home system or e-bike, and its owner (tenant {@code devices}). */
@Entity
@Table(name = "devices")
public class Device extends Timestamped {

  /** The morph alias of devices in {@code geographical_informations.owner_type} and other polymorphic columns. */
  public static final String MORPH = "device";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id")
  private Long personId;

  /** The morph alias of the concrete device: {@code meter}, {@code solar_home_system} or {@code e_bike}. */
  @Column(name = "device_type", nullable = false)
  private String deviceType;

  @Column(name = "device_id", nullable = false)
  private long deviceId;

  @Column(name = "device_serial", nullable = false)
  private String deviceSerial;

  /** {@code unknown}, {@code mapped}, {@code not_mapped} or {@code unsupported}. */
  @Column(name = "manufacturer_mapping_status", nullable = false)
  private String manufacturerMappingStatus = "unknown";

  @Column(name = "manufacturer_mapping_checked_at")
  private LocalDateTime manufacturerMappingCheckedAt;

  protected Device() {}

  public Device(String deviceType, long deviceId, String deviceSerial) {
    this.deviceType = deviceType;
    this.deviceId = deviceId;
    this.deviceSerial = deviceSerial;
  }

  public Long getId() {
    return id;
  }

  public Long getPersonId() {
    return personId;
  }

  public void setPersonId(Long personId) {
    this.personId = personId;
  }

  public String getDeviceType() {
    return deviceType;
  }

  public void setDeviceType(String deviceType) {
    this.deviceType = deviceType;
  }

  public long getDeviceId() {
    return deviceId;
  }

  public void setDeviceId(long deviceId) {
    this.deviceId = deviceId;
  }

  public String getDeviceSerial() {
    return deviceSerial;
  }

  public void setDeviceSerial(String deviceSerial) {
    this.deviceSerial = deviceSerial;
  }

  public String getManufacturerMappingStatus() {
    return manufacturerMappingStatus;
  }

  public void setManufacturerMappingStatus(String manufacturerMappingStatus) {
    this.manufacturerMappingStatus = manufacturerMappingStatus;
  }

  public LocalDateTime getManufacturerMappingCheckedAt() {
    return manufacturerMappingCheckedAt;
  }

  public void setManufacturerMappingCheckedAt(LocalDateTime manufacturerMappingCheckedAt) {
    this.manufacturerMappingCheckedAt = manufacturerMappingCheckedAt;
  }
}
