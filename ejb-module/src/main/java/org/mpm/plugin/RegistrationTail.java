package org.mpm.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** One onboarding step of the web console's wizard (tenant {@code registration_tail}). */
@Entity
@Table(name = "registration_tail")
public class RegistrationTail extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String component;

  @Column(nullable = false)
  private boolean adjusted;

  @Column(name = "updated_by")
  private Long updatedBy;

  protected RegistrationTail() {}

  public RegistrationTail(String component) {
    this.component = component;
  }

  public Long getId() {
    return id;
  }

  public String getComponent() {
    return component;
  }

  public boolean isAdjusted() {
    return adjusted;
  }

  public void adjust(boolean adjusted, Long byUser) {
    this.adjusted = adjusted;
    this.updatedBy = byUser;
  }

  public Long getUpdatedBy() {
    return updatedBy;
  }
}
