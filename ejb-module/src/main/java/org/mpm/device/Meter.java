package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** An electricity meter with its type, manufacturer, tariff, connection type and group (tenant {@code meters}). */
@Entity
@Table(name = "meters")
public class Meter extends Timestamped {

  /** The morph alias of meters in {@code devices.device_type}. */
  public static final String MORPH = "meter";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "serial_number", nullable = false)
  private String serialNumber;

  @Column(name = "meter_type_id", nullable = false)
  private long meterTypeId;

  @Column(name = "in_use", nullable = false)
  private boolean inUse;

  @Column(name = "manufacturer_id", nullable = false)
  private long manufacturerId;

  @Column(name = "connection_type_id", nullable = false)
  private long connectionTypeId;

  @Column(name = "connection_group_id", nullable = false)
  private long connectionGroupId;

  @Column(name = "tariff_id", nullable = false)
  private long tariffId;

  protected Meter() {}

  public Meter(
      String serialNumber, long meterTypeId, long manufacturerId, long connectionTypeId, long connectionGroupId,
      long tariffId) {
    this.serialNumber = serialNumber;
    this.meterTypeId = meterTypeId;
    this.manufacturerId = manufacturerId;
    this.connectionTypeId = connectionTypeId;
    this.connectionGroupId = connectionGroupId;
    this.tariffId = tariffId;
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

  public long getMeterTypeId() {
    return meterTypeId;
  }

  public void setMeterTypeId(long meterTypeId) {
    this.meterTypeId = meterTypeId;
  }

  public boolean isInUse() {
    return inUse;
  }

  public void setInUse(boolean inUse) {
    this.inUse = inUse;
  }

  public long getManufacturerId() {
    return manufacturerId;
  }

  public void setManufacturerId(long manufacturerId) {
    this.manufacturerId = manufacturerId;
  }

  public long getConnectionTypeId() {
    return connectionTypeId;
  }

  public void setConnectionTypeId(long connectionTypeId) {
    this.connectionTypeId = connectionTypeId;
  }

  public long getConnectionGroupId() {
    return connectionGroupId;
  }

  public void setConnectionGroupId(long connectionGroupId) {
    this.connectionGroupId = connectionGroupId;
  }

  public long getTariffId() {
    return tariffId;
  }

  public void setTariffId(long tariffId) {
    this.tariffId = tariffId;
  }
}
