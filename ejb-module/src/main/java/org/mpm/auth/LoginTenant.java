package org.mpm.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mpm.common.UnauthorizedException;
import org.mpm.company.LoginDirectory;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * The first step of every login (web users and agents): the company of an e-mail, from the central login
 * directory, bound as the request's tenant. Missing credentials and unknown e-mails fail like a wrong password.
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
}
