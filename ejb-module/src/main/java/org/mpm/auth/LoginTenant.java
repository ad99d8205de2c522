package org.mpm.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.mpm.common.UnauthorizedException;
import org.mpm.company.DatabaseProxy;
import org.mpm.company.LoginDirectory;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * The first step of every login (web users and agents) and of a password reset: the company of an e-mail, from
 * the central login directory, bound as the request's tenant. At login, missing credentials and unknown e-mails
 * fail like a wrong password.
 */
@ApplicationScoped
public class LoginTenant {

  @Inject LoginDirectory directory;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;

  /** Binds the company of {@code email} and returns its id; 401 when there is none. */
  public long bind(String email, String password) {
    if (email == null || password == null) {
      throw new UnauthorizedException();
    }
    long companyId = directory.find(email).orElseThrow(UnauthorizedException::new).getCompanyId();
    tenant.set(companyId, registry.databaseOf(companyId).orElseThrow(UnauthorizedException::new));
    return companyId;
  }

  /**
   * Binds the company of {@code email} when the login directory knows the e-mail and the company is ready; false
   * otherwise, with nothing bound (the password reset, which answers alike either way).
   */
  public boolean bindIfKnown(String email) {
    Optional<Long> companyId = directory.find(email).map(DatabaseProxy::getCompanyId);
    Optional<String> database = companyId.flatMap(registry::databaseOf);
    if (database.isEmpty()) {
      return false;
    }
    tenant.set(companyId.get(), database.get());
    return true;
  }
}
