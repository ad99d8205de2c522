package org.mpm.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** An entry of the plugin catalogue (central {@code mpm_plugins}); ids are MPM's constants. */
@Entity
@Table(name = "mpm_plugins")
public class MpmPlugin extends Timestamped {

  @Id
  private Long id;

  @Column(name = "usage_type", nullable = false)
  private String usageType;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String description;

  @Column(name = "installation_command")
  private String installationCommand;

  @Column(name = "root_class")
  private String rootClass;

  protected MpmPlugin() {}

  public Long getId() {
    return id;
  }

  public String getUsageType() {
    return usageType;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getInstallationCommand() {
    return installationCommand;
  }

  public String getRootClass() {
    return rootClass;
  }
}
