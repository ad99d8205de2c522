package org.mpm.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** Whether a catalogue plugin is enabled for this company (tenant {@code plugins}). */
@Entity
@Table(name = "plugins")
public class Plugin extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "mpm_plugin_id", nullable = false)
  private long mpmPluginId;

  @Column(nullable = false)
  private boolean status;

  protected Plugin() {}

  public Plugin(long mpmPluginId, boolean status) {
    this.mpmPluginId = mpmPluginId;
    this.status = status;
  }

  public Long getId() {
    return id;
  }

  public long getMpmPluginId() {
    return mpmPluginId;
  }

  public boolean isStatus() {
    return status;
  }

  public void setStatus(boolean status) {
    this.status = status;
  }
}
