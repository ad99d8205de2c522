package org.mpm.company;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.mpm.plugin.MpmPlugin;

/** Central read models: usage types, the plugin catalogue, and a company looked up by a login e-mail. */
@Stateless
public class CompanyService {

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject LoginDirectory directory;

  public List<UsageType> usageTypes() {
    return central.createQuery("SELECT u FROM UsageType u ORDER BY u.id", UsageType.class).getResultList();
  }

  public List<MpmPlugin> plugins(Integer limit) {
    var q = central.createQuery("SELECT p FROM MpmPlugin p ORDER BY p.id", MpmPlugin.class);
    if (limit != null && limit > 0) {
      q.setMaxResults(limit);
    }
    return q.getResultList();
  }

  public Optional<Company> find(long id) {
    return Optional.ofNullable(central.find(Company.class, id));
  }

  /** The company a login e-mail belongs to, if it is the caller's own company. */
  public Optional<Company> byLoginEmail(String email, long callerCompanyId) {
    return directory.find(email)
        .filter(p -> p.getCompanyId() == callerCompanyId)
        .flatMap(p -> find(p.getCompanyId()));
  }
}
