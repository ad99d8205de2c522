package org.mpm.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.tenancy.TenantDatabase;

/** Read-only role and permission listings of the current company (roles are managed through users). */
@Stateless
public class RoleService {

  @Inject TenantDatabase tenantDb;
  @Inject UserRoles userRoles;

  public List<Role> roles() {
    List<Role> roles = tenantDb.em().createQuery(
            "SELECT DISTINCT r FROM Role r LEFT JOIN FETCH r.permissions ORDER BY r.id", Role.class)
        .getResultList();
    return roles;
  }

  public List<Permission> permissions() {
    return tenantDb.em().createQuery("SELECT p FROM Permission p ORDER BY p.id", Permission.class).getResultList();
  }

  public List<String> rolesOfUser(long userId) {
    if (tenantDb.em().find(User.class, userId) == null) {
      throw NotFoundException.model(UserService.MODEL, userId);
    }
    return userRoles.roleNames(userId);
  }
}
