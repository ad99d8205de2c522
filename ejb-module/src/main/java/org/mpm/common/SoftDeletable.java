package org.mpm.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

/** Laravel's SoftDeletes: a {@code deleted_at} timestamp; deleted rows are left out of every query. */
@MappedSuperclass
public abstract class SoftDeletable extends Timestamped {

  @Column(name = "deleted_at")
  protected LocalDateTime deletedAt;

  public LocalDateTime getDeletedAt() {
    return deletedAt;
  }

  public void softDelete() {
    deletedAt = nowUtc();
  }
}
