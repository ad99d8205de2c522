package org.mpm.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * Role and permission assignments of users (spatie {@code model_has_roles}, {@code model_has_permissions},
 * morph alias {@code users}), read and written in the caller's tenant transaction.
 */
@ApplicationScoped
public class UserRoles {

  @Inject TenantDatabase tenantDb;
  @Inject TenantMemo memo;

  @SuppressWarnings("unchecked")
  public List<String> roleNames(long userId) {
    return tenantDb.em().createNativeQuery(
            "SELECT r.name FROM roles r JOIN model_has_roles m ON m.role_id = r.id"
                + " WHERE m.model_type = ?1 AND m.model_id = ?2 ORDER BY r.id")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .getResultList();
  }

  /** Role names of many users in one query (for lists), keyed by user id; users without roles map to []. */
  @SuppressWarnings("unchecked")
  public Map<Long, List<String>> roleNames(Collection<Long> userIds) {
    Map<Long, List<String>> out = new HashMap<>();
    userIds.forEach(id -> out.put(id, new ArrayList<>()));
    if (userIds.isEmpty()) {
      return out;
    }
    List<Object[]> rows = tenantDb.em().createNativeQuery(
            "SELECT m.model_id, r.name FROM roles r JOIN model_has_roles m ON m.role_id = r.id"
                + " WHERE m.model_type = ?1 AND m.model_id IN ("
                + String.join(",", userIds.stream().map(id -> Long.toString(id)).toList())
                + ") ORDER BY m.model_id, r.id")
        .setParameter(1, User.MORPH)
        .getResultList();
    for (Object[] row : rows) {
      out.get(((Number) row[0]).longValue()).add((String) row[1]);
    }
    return out;
  }

  /**
   * The user's permission names, ordered by id: those of its roles (entity graph, the role's permissions loaded
   * lazily in this transaction) and those given to it directly.
   */
  @SuppressWarnings("unchecked")
  public List<String> permissionNames(long userId) {
    EntityManager em = tenantDb.em();
    List<Number> roleIds = em.createNativeQuery(
            "SELECT role_id FROM model_has_roles WHERE model_type = ?1 AND model_id = ?2")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .getResultList();
    Map<Long, String> byId = new TreeMap<>();
    for (Number roleId : roleIds) {
      Role role = em.find(Role.class, roleId.longValue());
      if (role != null) {
        role.getPermissions().forEach(p -> byId.put(p.getId(), p.getName()));
      }
    }
    List<Object[]> direct = em.createNativeQuery(
            "SELECT p.id, p.name FROM permissions p JOIN model_has_permissions mp ON mp.permission_id = p.id"
                + " WHERE mp.model_type = ?1 AND mp.model_id = ?2")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .getResultList();
    direct.forEach(row -> byId.put(((Number) row[0]).longValue(), (String) row[1]));
    return new ArrayList<>(byId.values());
  }

  /**
   * Replaces the roles of a user (spatie's syncRoles: a name given twice is one role); unknown names are ignored by
   * the caller's validation.
   */
  public void sync(long userId, Collection<String> roleNames) {
    memo.changed(TenantMemo.USERS, tenantDb.databaseName());
    tenantDb.em().createNativeQuery("DELETE FROM model_has_roles WHERE model_type = ?1 AND model_id = ?2")
        .setParameter(1, User.MORPH)
        .setParameter(2, userId)
        .executeUpdate();
    for (String role : new LinkedHashSet<>(roleNames)) {
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
