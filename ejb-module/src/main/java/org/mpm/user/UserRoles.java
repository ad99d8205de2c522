package org.mpm.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.mpm.tenancy.TenantDatabase;

/**
 * Role and permission assignments of users (spatie {@code model_has_roles}, {@code model_has_permissions},
 * morph alias {@code users}), read and written in the caller's tenant transaction.
 */
@ApplicationScoped
public class UserRoles {

  @Inject TenantDatabase tenantDb;

  @SuppressWarnings("unchecked")
  public List<String> roleNames(long userId) {
    return tenantDb.em().createNativeQuery(
            "SELECT r.name FROM roles r JOIN model_has_roles m ON m.role_id = r.id"
                + " WHERE m.model_type = ?1 AND m.model_id = ?2 ORDER BY r.id")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .getResultList();
  }

  @SuppressWarnings("unchecked")
  public List<String> permissionNames(long userId) {
    return tenantDb.em().createNativeQuery(
            "SELECT p.name FROM permissions p WHERE p.id IN ("
                + " SELECT rp.permission_id FROM role_has_permissions rp"
                + " JOIN model_has_roles m ON m.role_id = rp.role_id WHERE m.model_type = ?1 AND m.model_id = ?2)"
                + " OR p.id IN (SELECT mp.permission_id FROM model_has_permissions mp"
                + " WHERE mp.model_type = ?1 AND mp.model_id = ?2) ORDER BY p.id")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .getResultList();
  }

  /** Replaces the roles of a user (spatie's syncRoles); unknown names are ignored by the caller's validation. */
  public void sync(long userId, Collection<String> roleNames) {
    tenantDb.em().createNativeQuery("DELETE FROM model_has_roles WHERE model_type = ?1 AND model_id = ?2")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .executeUpdate();
    for (String role : roleNames) {
      tenantDb.em().createNativeQuery(
              "INSERT INTO model_has_roles (role_id, model_type, model_id)"
                  + " SELECT id, ?1, ?2 FROM roles WHERE name = ?3 AND guard_name = 'api'")
          .setParameter(1, User.MORPH)
          .setParameter(2, userId)
          .setParameter(3, role)
          .executeUpdate();
    }
  }

  /** How many users hold a role. */
  public long countWithRole(String role) {
    Number n = (Number) tenantDb.em().createNativeQuery(
            "SELECT COUNT(*) FROM model_has_roles m JOIN roles r ON r.id = m.role_id"
                + " WHERE m.model_type = ?1 AND r.name = ?2")
        .setParameter(1, User.MORPH)
        .setParameter(2, role)
        .getSingleResult();
    return n.longValue();
  }

  @SuppressWarnings("unchecked")
  public List<String> allRoleNames() {
    return tenantDb.em().createNativeQuery("SELECT name FROM roles WHERE guard_name = 'api' ORDER BY id")
        .getResultList();
  }
}
