package org.mpm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.mpm.common.Timestamped;

/** A role with its permissions (spatie {@code roles} and {@code role_has_permissions}). */
@Entity
@Table(name = "roles")
public class Role extends Timestamped {

  public static final String OWNER = "owner";
  public static final String ADMIN = "admin";
  public static final String FINANCIAL_MANAGER = "financial-manager";
  public static final String USER = "user";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "guard_name", nullable = false)
  private String guardName;

  @ManyToMany
  @JoinTable(name = "role_has_permissions",
      joinColumns = @JoinColumn(name = "role_id"),
      inverseJoinColumns = @JoinColumn(name = "permission_id"))
  @OrderBy("id")
  private List<Permission> permissions = new ArrayList<>();

  protected Role() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getGuardName() {
    return guardName;
  }

  public List<Permission> getPermissions() {
    return permissions;
  }
}
