package org.mpm.company;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpm.auth.PasswordHasher;
import org.mpm.plugin.Plugin;
import org.mpm.plugin.RegistrationTail;
import org.mpm.settings.MainSettings;
import org.mpm.tenancy.DatabaseServer;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantServers;
import org.mpm.user.Role;
import org.mpm.user.User;
import org.mpm.user.UserRoles;

/**
 * The transactional steps of provisioning a company, each committing on one database only, so no step can be
 * left in doubt by a crash. The commit point is {@link #finish}: until then a {@code tenant_provisionings}
 * row marks the company as incomplete, and {@link #discard} (after a failure, or at the next start after a
 * crash) removes every trace of it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CompanyProvisioning {

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject TenantDatabase tenantDb;
  @Inject TenantServers servers;
  @Inject UserRoles userRoles;

  /** What {@link #reserve} made: the company and the server its database goes on. */
  public record Reserved(Company company, DatabaseServer server) {}

  /**
   * Step 1 (central): the company, its database name and the server it goes on, marked as being provisioned.
   */
  public Reserved reserve(CompanyRegistration r, String databaseName, Set<String> awayServers) {
    Long taken = central.createQuery(
            "SELECT COUNT(d) FROM CompanyDatabase d WHERE d.databaseName = :n", Long.class)
        .setParameter("n", databaseName).getSingleResult();
    if (taken > 0) {
      throw new IllegalStateException("Database name " + databaseName + " is taken");
    }
    DatabaseServer server = servers.place(databaseName, awayServers);
    Company company = new Company(r.name(), r.address(), r.phone(), r.email(), r.countryId());
    central.persist(company);
    central.flush();
    central.persist(new CompanyDatabase(company.getId(), databaseName));
    central.createNativeQuery(
            "INSERT INTO tenant_provisionings (database_name, company_id, created_at) VALUES (?1, ?2, UTC_TIMESTAMP())")
        .setParameter(1, databaseName)
        .setParameter(2, company.getId())
        .executeUpdate();
    return new Reserved(company, server);
  }

  /** Step 3 (tenant, bound by the caller): owner, roles, settings, plugins and onboarding steps. */
  public void seedTenant(long companyId, CompanyRegistration r, String currency, Map<Long, String> plugins) {
    EntityManager em = tenantDb.em();
    User owner = new User(r.ownerName(), r.ownerEmail(), PasswordHasher.hash(r.ownerPassword()), companyId);
    em.persist(owner);
    em.flush();
    userRoles.sync(owner.getId(), List.of(Role.OWNER));

    MainSettings settings = em.createQuery("SELECT s FROM MainSettings s ORDER BY s.id", MainSettings.class)
        .setMaxResults(1).getSingleResult();
    settings.setCompanyName(r.name().length() > 100 ? r.name().substring(0, 100) : r.name());
    if (r.usageType() != null) {
      settings.setUsageType(r.usageType());
    }
    if (currency != null) {
      settings.setCurrency(currency);
    }

    // Onboarding steps keep their order (ids): "Settings" first, then the plugins as selected.
    em.persist(new RegistrationTail("Settings"));
    em.flush();
    for (Map.Entry<Long, String> plugin : plugins.entrySet()) {
      em.persist(new Plugin(plugin.getKey(), true));
      em.persist(new RegistrationTail(plugin.getValue()));
      em.flush();
    }
  }

  /** Step 4, the commit point (central): the owner's login entry; the company stops being incomplete. */
  public void finish(Company company, String databaseName, String ownerEmail) {
    List<CompanyDatabase> dbs = central.createQuery(
            "SELECT d FROM CompanyDatabase d WHERE d.companyId = :c", CompanyDatabase.class)
        .setParameter("c", company.getId()).getResultList();
    central.persist(new DatabaseProxy(ownerEmail, company.getId(), dbs.get(0).getId()));
    int removed = central.createNativeQuery("DELETE FROM tenant_provisionings WHERE database_name = ?1")
        .setParameter(1, databaseName).executeUpdate();
    if (removed != 1) {
      throw new IllegalStateException("Provisioning of " + databaseName + " was already discarded");
    }
    central.flush();
  }

  /** Removes the central rows of a company whose provisioning failed or was interrupted. */
  public void discard(long companyId, String databaseName) {
    central.createNativeQuery("DELETE FROM database_proxies WHERE fk_company_id = ?1")
        .setParameter(1, companyId).executeUpdate();
    central.createNativeQuery("DELETE FROM api_keys WHERE company_id = ?1")
        .setParameter(1, companyId).executeUpdate();
    central.createNativeQuery("DELETE FROM tenant_database_servers WHERE database_name IN"
            + " (SELECT database_name FROM company_databases WHERE company_id = ?1)")
        .setParameter(1, companyId).executeUpdate();
    central.createNativeQuery("DELETE FROM company_databases WHERE company_id = ?1")
        .setParameter(1, companyId).executeUpdate();
    central.createNativeQuery("DELETE FROM companies WHERE id = ?1")
        .setParameter(1, companyId).executeUpdate();
    central.createNativeQuery("DELETE FROM tenant_provisionings WHERE company_id = ?1")
        .setParameter(1, companyId).executeUpdate();
  }

  /** Incomplete provisionings: {database_name, company_id} rows. */
  @SuppressWarnings("unchecked")
  public List<Object[]> incomplete() {
    return central.createNativeQuery("SELECT database_name, company_id FROM tenant_provisionings").getResultList();
  }
}
