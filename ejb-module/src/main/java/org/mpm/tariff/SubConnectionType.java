package org.mpm.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A sub-type of a connection type with its own tariff (tenant {@code sub_connection_types}). */
@Entity
@Table(name = "sub_connection_types")
public class SubConnectionType extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "connection_type_id", nullable = false)
  private long connectionTypeId;

  @Column(name = "tariff_id", nullable = false)
  private long tariffId;

  protected SubConnectionType() {}

  public SubConnectionType(String name, long connectionTypeId, long tariffId) {
    this.name = name;
    this.connectionTypeId = connectionTypeId;
    this.tariffId = tariffId;
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

  public long getConnectionTypeId() {
    return connectionTypeId;
  }

  public void setConnectionTypeId(long connectionTypeId) {
    this.connectionTypeId = connectionTypeId;
  }

  public long getTariffId() {
    return tariffId;
  }

  public void setTariffId(long tariffId) {
    this.tariffId = tariffId;
  }
}
