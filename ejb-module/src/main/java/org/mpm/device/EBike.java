package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** An e-bike with its last reported position and battery state (tenant {@code e_bikes}). */
@Entity
@Table(name = "e_bikes")
public class EBike extends Timestamped {

  /** The morph alias of e-bikes in {@code devices.device_type}. */
  public static final String MORPH = "e_bike";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "serial_number", nullable = false)
  private String serialNumber;

  @Column(name = "appliance_id", nullable = false)
  private long applianceId;

  @Column(name = "manufacturer_id", nullable = false)
  private long manufacturerId;

  @Column(name = "receive_time")
  private String receiveTime;

  private String lat;
  private String lng;
  private Double speed;
  private Double mileage;
  private String status;
  private String soh;

  @Column(name = "battery_level")
  private Double batteryLevel;

  @Column(name = "battery_voltage")
  private Double batteryVoltage;

  protected EBike() {}

  public EBike(String serialNumber, long applianceId, long manufacturerId) {
    this.serialNumber = serialNumber;
    this.applianceId = applianceId;
    this.manufacturerId = manufacturerId;
  }

  public Long getId() {
    return id;
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public void setSerialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
  }

  public long getApplianceId() {
    return applianceId;
  }

  public void setApplianceId(long applianceId) {
    this.applianceId = applianceId;
  }

  public long getManufacturerId() {
    return manufacturerId;
  }

  public void setManufacturerId(long manufacturerId) {
    this.manufacturerId = manufacturerId;
  }

  public String getReceiveTime() {
    return receiveTime;
  }

  public void setReceiveTime(String receiveTime) {
    this.receiveTime = receiveTime;
  }

  public String getLat() {
    return lat;
  }

  public void setLat(String lat) {
    this.lat = lat;
  }

  public String getLng() {
    return lng;
  }

  public void setLng(String lng) {
    this.lng = lng;
  }

  public Double getSpeed() {
    return speed;
  }

  public void setSpeed(Double speed) {
    this.speed = speed;
  }

  public Double getMileage() {
    return mileage;
  }

  public void setMileage(Double mileage) {
    this.mileage = mileage;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSoh() {
    return soh;
  }

  public void setSoh(String soh) {
    this.soh = soh;
  }

  public Double getBatteryLevel() {
    return batteryLevel;
  }

  public void setBatteryLevel(Double batteryLevel) {
    this.batteryLevel = batteryLevel;
  }

  public Double getBatteryVoltage() {
    return batteryVoltage;
  }

  public void setBatteryVoltage(Double batteryVoltage) {
    this.batteryVoltage = batteryVoltage;
  }
}
