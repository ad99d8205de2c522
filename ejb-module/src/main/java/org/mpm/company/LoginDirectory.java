package org.mpm.company;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The central login directory ({@code database_proxies}): which company an e-mail logs in to. Writes join the
 * caller's transaction, so a user row and its directory entry commit together.
 */
@ApplicationScoped
public class LoginDirectory {

  @PersistenceContext(unitName = "central")
  EntityManager central;

  public Optional<DatabaseProxy> find(String email) {
    if (email == null) {
      return Optional.empty();
    }
    List<DatabaseProxy> rows = central.createNamedQuery("DatabaseProxy.findByEmail", DatabaseProxy.class)
        .setParameter("email", email)
        .getResultList();
    return rows.stream().findFirst();
  }

  public boolean exists(String email) {
    return find(email).isPresent();
  }

  public void add(String email, long companyId) {
    List<CompanyDatabase> dbs = central.createQuery(
            "SELECT d FROM CompanyDatabase d WHERE d.companyId = :c ORDER BY d.id", CompanyDatabase.class)
        .setParameter("c", companyId)
        .setMaxResults(1)
        .getResultList();
    if (dbs.isEmpty()) {
      throw new IllegalStateException("Company " + companyId + " has no database");
    }
    central.persist(new DatabaseProxy(email, companyId, dbs.get(0).getId()));
    central.flush();
  }

  public void remove(String email) {
    central.createQuery("DELETE FROM DatabaseProxy p WHERE p.email = :e").setParameter("e", email).executeUpdate();
  }
}
