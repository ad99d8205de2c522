package org.mpm.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.mpm.auth.PasswordHasher;
import org.mpm.auth.Principal;
import org.mpm.common.ForbiddenException;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.company.LoginDirectory;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantMemo;

/**
 * Web-console users of the current company. Every user's e-mail is also in the central login directory; the
 * user row and its directory entry commit together (two-phase commit across the tenant and central pools).
 * Who may manage whom follows MPM's UserPolicy: managing an owner needs {@code users.manage-owner}, an admin
 * {@code users.manage-admin}; users may view and edit themselves; nobody deletes themselves. A user's address
 * ({@link UserAddresses}) is shown with it and goes with it.
 */
@Stateless
public class UserService {

  public static final String MODEL = "App\\Models\\User";

  @Inject TenantDatabase tenantDb;
  @Inject TenantMemo memo;
  @Inject UserRoles userRoles;
  @Inject LoginDirectory directory;
  @Inject UserAddresses addresses;

  public Page<UserView> page(int page, int perPage) {
    EntityManager em = tenantDb.em();
    long total = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    List<User> users = em.createQuery("SELECT u FROM User u ORDER BY u.id", User.class)
        .setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
    List<Long> ids = users.stream().map(User::getId).toList();
    Map<Long, List<String>> roles = userRoles.roleNames(ids);
    Map<Long, AddressView> addressViews = addresses.of(ids);
    List<UserView> views = new ArrayList<>();
    for (User u : users) {
      views.add(UserView.of(u, roles.get(u.getId()), addressViews.get(u.getId())));
    }
    return new Page<>(views, page, perPage, total);
  }

  public UserView create(Principal actor, String name, String email, String password, List<String> roles) {
    List<String> assigned = roles == null || roles.isEmpty() ? List.of(Role.USER) : roles;
    checkAssignable(actor, assigned);
    return createWithRoles(name, email, password, assigned);
  }

  /** Creates a user with roles, without a policy check (provisioning and seeding). */
  public UserView createWithRoles(String name, String email, String password, Collection<String> roles) {
    checkRolesExist(roles);
    EntityManager em = tenantDb.em();
    if (!em.createNamedQuery("User.findByEmail", User.class).setParameter("email", email).getResultList().isEmpty()
        || directory.exists(email)) {
      throw ValidationException.field("email", "The email has already been taken.");
    }
    User user = new User(name, email, PasswordHasher.hash(password), tenantDb.companyId());
    em.persist(user);
    em.flush();
    userRoles.sync(user.getId(), roles);
    directory.add(email, tenantDb.companyId());
    return view(user);
  }

  public UserView show(Principal actor, long id) {
    User user = find(id);
    if (actor.id() != id && !actor.can("users")) {
      throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
    }
    return view(user);
  }

  /** Updates name, password and roles; each may be null to keep it. */
  public UserView update(Principal actor, long id, String name, String password, List<String> roles) {
    User user = find(id);
    memo.changed(TenantMemo.USERS, tenantDb.databaseName());
    List<String> current = userRoles.roleNames(id);
    if (actor.id() != id) {
      checkManage(actor, current);
    }
    if (name != null) {
      user.setName(name);
    }
    if (password != null) {
      user.setPasswordHash(PasswordHasher.hash(password));
    }
    if (roles != null && !new HashSet<>(roles).equals(new HashSet<>(current))) {
      checkAssignable(actor, roles);
      checkRolesExist(roles);
      if (current.contains(Role.OWNER) && !roles.contains(Role.OWNER) && userRoles.countWithRole(Role.OWNER) <= 1) {
        throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
      }
      if (current.contains(Role.OWNER) && !actor.can("users.manage-owner")) {
        throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
      }
      userRoles.sync(id, roles);
    }
    tenantDb.em().flush();
    return view(user);
  }

  public void changePassword(Principal actor, long id, String password) {
    User user = find(id);
    if (actor.id() != id) {
      checkManage(actor, userRoles.roleNames(id));
    }
    user.setPasswordHash(PasswordHasher.hash(password));
  }

  public void delete(Principal actor, long id) {
    User user = find(id);
    memo.changed(TenantMemo.USERS, tenantDb.databaseName());
    if (actor.id() == id) {
      throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
    }
    checkManage(actor, userRoles.roleNames(id));
    userRoles.sync(id, List.of());
    addresses.removeOf(id);
    tenantDb.em().remove(user);
    directory.remove(user.getEmail());
  }

  private User find(long id) {
    User user = tenantDb.em().find(User.class, id);
    if (user == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return user;
  }

  private UserView view(User u) {
    return UserView.of(u, userRoles.roleNames(u.getId()), addresses.of(List.of(u.getId())).get(u.getId()));
  }

  /** MPM's UserPolicy for changing another user: {@code users}, and for an owner or admin the matching right. */
  static void checkManage(Principal actor, List<String> targetRoles) {
    if (targetRoles.contains(Role.OWNER) && !actor.can("users.manage-owner")
        || targetRoles.contains(Role.ADMIN) && !actor.can("users.manage-admin")
        || !actor.can("users")) {
      throw new ForbiddenException(ForbiddenException.UNAUTHORIZED_ACTION);
    }
  }

  private static void checkAssignable(Principal actor, Collection<String> roles) {
    for (String role : roles) {
      boolean allowed = switch (role) {
        case Role.OWNER -> actor.can("users.manage-owner");
        case Role.ADMIN -> actor.can("users.manage-admin");
        default -> actor.can("users");
      };
      if (!allowed) {
        throw new ForbiddenException("You don't have permission to assign the role: " + role);
      }
    }
  }

  private void checkRolesExist(Collection<String> roles) {
    List<String> known = userRoles.allRoleNames();
    for (String role : roles) {
      if (!known.contains(role)) {
        throw ValidationException.field("roles", "The selected role " + role + " is invalid.");
      }
    }
  }
}
