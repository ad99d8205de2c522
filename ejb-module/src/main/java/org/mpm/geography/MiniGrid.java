package org.mpm.geography;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.mpm.common.SoftDeletable;

/** A mini-grid of a cluster (tenant {@code mini_grids}). */
@Entity
@Table(name = "mini_grids")
@AdditionalCriteria("this.deletedAt IS NULL")
public class MiniGrid extends SoftDeletable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "cluster_id", nullable = false)
  private long clusterId;

  @Column(nullable = false)
  private String name;

  protected MiniGrid() {}

  public MiniGrid(long clusterId, String name) {
    this.clusterId = clusterId;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public long getClusterId() {
    return clusterId;
  }

  public void setClusterId(long clusterId) {
    this.clusterId = clusterId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
