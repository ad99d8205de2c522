package org.mpm.st;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.mpm.company.CompanyDatabase;
import org.mpm.company.DatabaseProxy;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.User;

/** Test bean deployed with the application: writes to the central and a tenant database in one transaction. */
@Stateless
public class XaProbe {

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject TenantDatabase tenantDb;

  /** Writes a tenant user and its central login entry, flushes both, then fails if asked to. */
  public void writeBoth(String email, boolean failAfterWrites) {
    long companyId = tenantDb.companyId();
    EntityManager tenant = tenantDb.em();
    tenant.persist(new User("XA probe", email, "$2y$10$x", companyId));
    tenant.flush();
    CompanyDatabase db = central.createQuery("SELECT d FROM CompanyDatabase d WHERE d.companyId = :c",
        CompanyDatabase.class).setParameter("c", companyId).getSingleResult();
    central.persist(new DatabaseProxy(email, companyId, db.getId()));
    central.flush();
    if (failAfterWrites) {
      throw new IllegalStateException("failure after both writes");
    }
  }

  /** {tenant users with the e-mail, central login entries with the e-mail}. */
  public long[] count(String email) {
    long users = tenantDb.em().createQuery("SELECT COUNT(u) FROM User u WHERE u.email = :e", Long.class)
        .setParameter("e", email).getSingleResult();
    long proxies = central.createQuery("SELECT COUNT(p) FROM DatabaseProxy p WHERE p.email = :e", Long.class)
        .setParameter("e", email).getSingleResult();
    return new long[] {users, proxies};
  }
}
