package org.mpm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A permission (spatie {@code permissions}, guard {@code api}). */
@Entity
@Table(name = "permissions")
public class Permission extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "guard_name", nullable = false)
  private String guardName;

  protected Permission() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getGuardName() {
    return guardName;
  }
}
