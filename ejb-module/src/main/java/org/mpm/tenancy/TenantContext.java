package org.mpm.tenancy;

import jakarta.enterprise.context.RequestScoped;

/**
 * The company the current request (or background unit of work) acts for. Filled once: by the authentication
 * filter from a token or API key, by login from the e-mail's directory entry, or explicitly by provisioning and
 * background jobs. Empty means "no tenant": tenant data cannot be reached.
 */
@RequestScoped
public class TenantContext {

  private Long companyId;
  private String databaseName;

  public void set(long companyId, String databaseName) {
    DatabaseNames.requireSafe(databaseName);
    if (this.companyId != null && this.companyId != companyId) {
      throw new IllegalStateException("The tenant of this request is already set");
    }
    this.companyId = companyId;
    this.databaseName = databaseName;
  }

  public boolean isSet() {
    return companyId != null;
  }

  public long companyId() {
    if (companyId == null) {
      throw new NoTenantException();
    }
    return companyId;
  }

  public String databaseName() {
    if (databaseName == null) {
      throw new NoTenantException();
    }
    return databaseName;
  }

  /** Raised when tenant data is asked for where no tenant is bound: a programming error, never a fallback. */
  public static class NoTenantException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NoTenantException() {
      super("No tenant is bound to this unit of work");
    }
  }
}
