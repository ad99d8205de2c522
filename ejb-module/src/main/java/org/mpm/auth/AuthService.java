package org.mpm.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.mpm.common.UnauthorizedException;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.User;
import org.mpm.user.UserRoles;

/** Web-user login, token refresh and the authenticated principal. */
@Stateless
public class AuthService {

  @Inject LoginTenant loginTenant;
  @Inject TenantDatabase tenantDb;
  @Inject TokenService tokens;
  @Inject UserRoles userRoles;

  /** The result of a login or refresh: the token and who it belongs to. */
  public record Session(IssuedToken token, Principal principal) {}

  /**
   * Logs a user in by e-mail and password. Unknown e-mail and wrong password fail the same way, so e-mails
   * cannot be enumerated.
   */
  public Session login(String email, String password, String issuer) {
    loginTenant.bind(email, password);
    EntityManager em = tenantDb.em();
    List<User> users = em.createNamedQuery("User.findByEmail", User.class).setParameter("email", email)
        .getResultList();
    if (users.isEmpty() || !PasswordHasher.verify(password, users.get(0).getPasswordHash())) {
      throw new UnauthorizedException();
    }
    User user = users.get(0);
    return new Session(tokens.issue(Guard.USER, user.getId(), user.getCompanyId(), issuer), toPrincipal(user));
  }

  /** The principal of an already verified token, from the tenant bound by the caller; null if the user is gone. */
  public Principal principal(long userId) {
    User user = tenantDb.em().find(User.class, userId);
    return user == null ? null : toPrincipal(user);
  }

  Principal toPrincipal(User user) {
    return new Principal(user.getId(), user.getName(), user.getEmail(), user.getCompanyId(), user.getCreatedAt(),
        user.getUpdatedAt(), userRoles.roleNames(user.getId()), userRoles.permissionNames(user.getId()));
  }
}
