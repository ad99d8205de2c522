package org.mpm.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A meter model: online or not, phases and maximum current (tenant {@code meter_types}). */
@Entity
@Table(name = "meter_types")
public class MeterType extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private boolean online;

  @Column(nullable = false)
  private int phase;

  @Column(name = "max_current", nullable = false)
  private int maxCurrent;

  protected MeterType() {}

  public MeterType(boolean online, int phase, int maxCurrent) {
    this.online = online;
    this.phase = phase;
    this.maxCurrent = maxCurrent;
  }

  public Long getId() {
    return id;
  }

  public boolean isOnline() {
    return online;
  }

  public void setOnline(boolean online) {
    this.online = online;
  }

  public int getPhase() {
    return phase;
  }

  public void setPhase(int phase) {
    this.phase = phase;
  }

  public int getMaxCurrent() {
    return maxCurrent;
  }

  public void setMaxCurrent(int maxCurrent) {
    this.maxCurrent = maxCurrent;
  }
}
