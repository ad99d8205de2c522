package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.mpm.geography.Country;
import org.mpm.tenancy.TenantDatabase;

/**
 * People of the company (phone and e-mail live on the address, as in MPM): registration with a primary address,
 * changes, soft deletion, onboarding answers and maintenance persons. The list and search are
 * {@link PersonQueries}, the views {@link PersonViews}, the addresses {@link PersonAddresses}.
 */
@Stateless
public class PersonService {

  public static final String MODEL = "App\\Models\\Person\\Person";

  @Inject TenantDatabase tenantDb;
  @Inject PeopleListCache listCache;
  @Inject PersonViews views;

  private EntityManager em() {
    return tenantDb.em();
  }

  public PersonView create(PersonForm f) {
    listCache.changed(tenantDb.databaseName());
    Person p = new Person(f.name(), f.surname());
    apply(p, f);
    p.setIsCustomer(f.isCustomer() == null ? 0 : f.isCustomer());
    if ("maintenance".equals(f.customerType())) {
      p.setType("maintenance");
      p.setMiniGridId(f.miniGridId());
    }
    em().persist(p);
    em().flush();
    em().persist(new Address(Person.MORPH, p.getId(), f.email(), f.phone(), f.street(), f.cityId(),
        f.isPrimary()));
    em().flush();
    return views.show(p.getId());
  }

  /** Creates many people in one transaction (imports and the demo seed); returns them with their addresses. */
  public List<PersonView> createAll(List<PersonForm> forms) {
    List<PersonView> out = new ArrayList<>();
    for (PersonForm f : forms) {
      out.add(create(f));
    }
    return out;
  }

  public PersonView update(long id, PersonForm f) {
    listCache.changed(tenantDb.databaseName());
    Person p = views.person(id);
    apply(p, f);
    if (f.isCustomer() != null) {
      p.setIsCustomer(f.isCustomer());
    }
    em().flush();
    return views.show(id);
  }

  /** Stores the onboarding answers as given: MPM's JSON object of answers keyed by question, or null. */
  public PersonView updateOnboarding(long id, String answersJson) {
    views.person(id).setOnboardingJson(answersJson);
    em().flush();
    return views.show(id);
  }

  /** The maintenance persons (MPM's list is not paginated). */
  public List<PersonView> maintenanceUsers() {
    return views.views(em().createQuery("SELECT p FROM Person p WHERE p.type = 'maintenance' ORDER BY p.id",
        Person.class).getResultList());
  }

  /**
   * The person with this phone number made a maintenance person (keeping its mini-grid if it has one), or a new
   * maintenance person with a primary address when nobody has the number.
   */
  public PersonView maintenanceUser(PersonForm f) {
    List<Number> ids = em().createNativeQuery("SELECT a.owner_id FROM addresses a JOIN people p ON p.id = a.owner_id"
            + " AND p.deleted_at IS NULL WHERE a.owner_type = 'person' AND a.phone = ?1 ORDER BY a.owner_id LIMIT 1")
        .setParameter(1, f.phone()).getResultList();
    if (ids.isEmpty()) {
      return create(new PersonForm(f.title(), f.education(), f.name(), f.surname(), f.birthDate(), f.gender(),
          0, 1, "maintenance", f.miniGridId(), f.cityId(), f.street(), f.email(), f.phone(), f.countryCode()));
    }
    Person p = views.person(ids.get(0).longValue());
    if (!"maintenance".equals(p.getType())) {
      p.setType("maintenance");
      if (p.getMiniGridId() == null && f.miniGridId() != null) {
        p.setMiniGridId(f.miniGridId());
      }
      em().flush();
    }
    return views.show(p.getId());
  }

  /** Soft-deletes a person; returns it as it was. */
  public PersonView delete(long id) {
    listCache.changed(tenantDb.databaseName());
    PersonView before = views.show(id);
    before.person().softDelete();
    em().flush();
    return before;
  }

  private void apply(Person p, PersonForm f) {
    if (f.title() != null) {
      p.setTitle(f.title());
    }
    if (f.education() != null) {
      p.setEducation(f.education());
    }
    if (f.name() != null) {
      p.setName(f.name());
    }
    if (f.surname() != null) {
      p.setSurname(f.surname());
    }
    if (f.birthDate() != null) {
      p.setBirthDate(f.birthDate());
    }
    if (f.gender() != null) {
      p.setGender(f.gender());
    }
    if (f.countryCode() != null) {
      List<Country> c = em().createQuery("SELECT c FROM Country c WHERE c.countryCode = :c", Country.class)
          .setParameter("c", f.countryCode()).setMaxResults(1).getResultList();
      if (!c.isEmpty()) {
        p.setNationality(c.get(0).getId());
      }
    }
    PersonAddresses.requireCity(em(), f.cityId());
  }
}
