package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The company of a vendor's webhook, taken from the company id in its path as MPM's third-party resolvers take it
 * ({@code …/callback/{slug}/…}): bound to the request when the company exists and is provisioned.
 */
@ApplicationScoped
public class WebhookTenant {

  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;

  /** Binds the company named by {@code slug} to the request; false when it names no company. */
  public boolean enter(String slug) {
    long companyId;
    try {
      companyId = Long.parseLong(slug);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
    if (companyId <= 0) {
      return false;
    }
    Optional<String> database = registry.databaseOf(companyId);
    if (database.isEmpty()) {
      return false;
    }
    tenant.set(companyId, database.get());
    return true;
  }
}
