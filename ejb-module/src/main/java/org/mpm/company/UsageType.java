package org.mpm.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/** A business type offered at registration (central {@code usage_types}). */
@Entity
@Table(name = "usage_types")
public class UsageType extends Timestamped {

  @Id
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String value;

  protected UsageType() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getValue() {
    return value;
  }
}
