package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.tenancy.TenantDatabase;

/**
 * People of the company with their addresses (phone and e-mail live on the address, as in MPM). Listing,
 * search and detail load addresses, cities and citizenship in batches.
 */
@Stateless
public class PersonService {

  public static final String MODEL = "App\\Models\\Person\\Person";
  static final String ADDRESS_MODEL = "App\\Models\\Address\\Address";

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** The filters and order of {@code GET /api/people} that this backend applies. */
  public record ListQuery(int isCustomer, Long cityId, LocalDate registrationFrom, LocalDate registrationTo,
      String sortField, boolean descending, int page, int perPage) {}

  public Page<PersonView> list(ListQuery q) {
    // Two steps: the ids of the page from an index (no row reads, also deep in the list), then those rows.
    StringBuilder where = new StringBuilder(" WHERE p.is_customer = ? AND p.deleted_at IS NULL");
    List<Object> params = new ArrayList<>();
    params.add(q.isCustomer());
    if (q.cityId() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM addresses a WHERE a.owner_type = 'person' AND a.owner_id = p.id"
          + " AND a.is_primary = 1 AND a.city_id = ?)");
      params.add(q.cityId());
    }
    if (q.registrationFrom() != null) {
      where.append(" AND p.created_at >= ?");
      params.add(q.registrationFrom().atStartOfDay());
    }
    if (q.registrationTo() != null) {
      where.append(" AND p.created_at < ?");
      params.add(q.registrationTo().plusDays(1).atStartOfDay());
    }
    String dir = q.descending() ? " DESC" : " ASC";
    String order = ("name".equals(q.sortField()) ? "p.name" : "id".equals(q.sortField()) ? "p.id" : "p.created_at")
        + dir + ", p.id" + dir;
    long total = ((Number) bind(em().createNativeQuery("SELECT COUNT(*) FROM people p" + where), params)
        .getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Number> ids = bind(em().createNativeQuery("SELECT p.id FROM people p" + where + " ORDER BY " + order
        + " LIMIT " + q.perPage() + " OFFSET " + (long) (q.page() - 1) * q.perPage()), params).getResultList();
    return new Page<>(views(byIds(ids)), q.page(), q.perPage(), total);
  }

  private static jakarta.persistence.Query bind(jakarta.persistence.Query query, List<Object> params) {
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    return query;
  }

  /** People by id, in the order of the ids. */
  private List<Person> byIds(List<Number> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> longs = ids.stream().map(Number::longValue).toList();
    Map<Long, Person> found = new HashMap<>();
    em().createQuery("SELECT p FROM Person p WHERE p.id IN :ids", Person.class).setParameter("ids", longs)
        .getResultList().forEach(p -> found.put(p.getId(), p));
    return longs.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Prefix search on name, surname and phone (with or without a leading '+'): a union of three index range
   * scans, so it stays fast on large companies.
   */
  public Page<PersonView> search(String term, int page, int perPage) {
    String t = term == null ? "" : term.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    if (t.isEmpty()) {
      return new Page<>(List.of(), page, perPage, 0);
    }
    String digits = t.startsWith("+") ? t.substring(1) : t;
    String matches = "SELECT p.id FROM people p WHERE p.name LIKE ?1 AND p.deleted_at IS NULL"
        + " UNION SELECT p.id FROM people p WHERE p.surname LIKE ?1 AND p.deleted_at IS NULL"
        + " UNION SELECT a.owner_id FROM addresses a JOIN people p ON p.id = a.owner_id AND p.deleted_at IS NULL"
        + " WHERE a.owner_type = 'person' AND (a.phone LIKE ?2 OR a.phone LIKE ?3)";
    long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM (" + matches + ") m")
        .setParameter(1, t + "%").setParameter(2, digits + "%").setParameter(3, "+" + digits + "%")
        .getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Number> ids = em().createNativeQuery("SELECT m.id FROM (" + matches + ") m ORDER BY m.id LIMIT " + perPage
            + " OFFSET " + (long) (page - 1) * perPage)
        .setParameter(1, t + "%").setParameter(2, digits + "%").setParameter(3, "+" + digits + "%")
        .getResultList();
    return new Page<>(views(byIds(ids)), page, perPage, total);
  }

  public PersonView show(long id) {
    return views(List.of(find(id))).get(0);
  }

  public PersonView create(PersonForm f) {
    Person p = new Person(f.name(), f.surname());
    apply(p, f);
    p.setIsCustomer(f.isCustomer() == null ? 0 : f.isCustomer());
    if ("maintenance".equals(f.customerType())) {
      p.setType("maintenance");
      p.setMiniGridId(f.miniGridId());
    }
    em().persist(p);
    em().flush();
    Address a = new Address(Person.MORPH, p.getId());
    a.setEmail(f.email() == null ? "" : f.email());
    a.setPhone(f.phone() == null ? "" : f.phone());
    a.setStreet(f.street() == null ? "" : f.street());
    a.setCityId(f.cityId());
    a.setIsPrimary(f.isPrimary() == null ? 1 : f.isPrimary());
    em().persist(a);
    em().flush();
    return show(p.getId());
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
    Person p = find(id);
    apply(p, f);
    if (f.isCustomer() != null) {
      p.setIsCustomer(f.isCustomer());
    }
    em().flush();
    return show(id);
  }

  /** Stores the onboarding answers (a JSON array of {question, answer}) as given. */
  public PersonView updateOnboarding(long id, String answersJson) {
    find(id).setOnboardingJson(answersJson);
    em().flush();
    return show(id);
  }

  /** The maintenance persons (MPM's list is not paginated). */
  public List<PersonView> maintenanceUsers() {
    return views(em().createQuery("SELECT p FROM Person p WHERE p.type = 'maintenance' ORDER BY p.id", Person.class)
        .getResultList());
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
    Person p = find(ids.get(0).longValue());
    if (!"maintenance".equals(p.getType())) {
      p.setType("maintenance");
      if (p.getMiniGridId() == null && f.miniGridId() != null) {
        p.setMiniGridId(f.miniGridId());
      }
      em().flush();
    }
    return show(p.getId());
  }

  /** Every address of the company, or a page of them (ordered by id). */
  public Page<AddressView> allAddresses(Integer page, Integer perPage) {
    var q = em().createQuery("SELECT a FROM Address a ORDER BY a.id", Address.class);
    long total;
    if (page != null) {
      total = em().createQuery("SELECT COUNT(a) FROM Address a", Long.class).getSingleResult();
      q.setFirstResult((page - 1) * perPage).setMaxResults(perPage);
    } else {
      total = -1;
    }
    List<AddressView> items = addressViews(q.getResultList());
    return new Page<>(items, page == null ? 1 : page, page == null ? Math.max(items.size(), 1) : perPage,
        total < 0 ? items.size() : total);
  }

  public AddressView address(long id) {
    Address a = em().find(Address.class, id);
    if (a == null) {
      throw NotFoundException.model(ADDRESS_MODEL, id);
    }
    return addressViews(List.of(a)).get(0);
  }

  /** The person an address belongs to (404 when it is not a person's address). */
  public long personOf(long addressId) {
    Address a = em().find(Address.class, addressId);
    if (a == null || !Person.MORPH.equals(a.getOwnerType())) {
      throw NotFoundException.model(ADDRESS_MODEL, addressId);
    }
    return a.getOwnerId();
  }

  private List<AddressView> addressViews(List<Address> addresses) {
    Map<Long, City> cities = new HashMap<>();
    List<Long> cityIds = addresses.stream().map(Address::getCityId).filter(java.util.Objects::nonNull).distinct()
        .toList();
    if (!cityIds.isEmpty()) {
      em().createQuery("SELECT c FROM City c WHERE c.id IN :ids", City.class).setParameter("ids", cityIds)
          .getResultList().forEach(c -> cities.put(c.getId(), c));
    }
    return addresses.stream().map(a -> new AddressView(a, a.getCityId() == null ? null : cities.get(a.getCityId())))
        .toList();
  }

  /** Soft-deletes a person; returns it as it was. */
  public PersonView delete(long id) {
    PersonView before = show(id);
    before.person().softDelete();
    em().flush();
    return before;
  }

  public List<AddressView> addresses(long personId) {
    find(personId);
    return views(List.of(em().find(Person.class, personId))).get(0).addresses();
  }

  public AddressView addAddress(long personId, String email, String phone, String street, Long cityId,
      boolean primary) {
    find(personId);
    requireCity(cityId);
    if (primary) {
      demoteOtherPrimaries(personId, null);
    }
    Address a = new Address(Person.MORPH, personId);
    a.setEmail(email);
    a.setPhone(phone);
    a.setStreet(street);
    a.setCityId(cityId);
    a.setIsPrimary(primary ? 1 : 0);
    em().persist(a);
    em().flush();
    return new AddressView(a, cityId == null ? null : em().find(City.class, cityId));
  }

  public AddressView updateAddress(long personId, long addressId, String email, String phone, String street,
      Long cityId, Boolean primary) {
    Address a = ownAddress(personId, addressId);
    if (email != null) {
      a.setEmail(email);
    }
    if (phone != null) {
      a.setPhone(phone);
    }
    if (street != null) {
      a.setStreet(street);
    }
    if (cityId != null) {
      requireCity(cityId);
      a.setCityId(cityId);
    }
    if (primary != null) {
      if (primary) {
        demoteOtherPrimaries(personId, addressId);
      }
      a.setIsPrimary(primary ? 1 : 0);
    }
    em().flush();
    return new AddressView(a, a.getCityId() == null ? null : em().find(City.class, a.getCityId()));
  }

  public void deleteAddress(long personId, long addressId) {
    Address a = ownAddress(personId, addressId);
    if (a.getIsPrimary() == 1) {
      throw ValidationException.message("The primary address cannot be deleted.");
    }
    em().remove(a);
  }

  private Address ownAddress(long personId, long addressId) {
    find(personId);
    Address a = em().find(Address.class, addressId);
    if (a == null || !Person.MORPH.equals(a.getOwnerType()) || a.getOwnerId() != personId) {
      throw NotFoundException.model(ADDRESS_MODEL, addressId);
    }
    return a;
  }

  private void demoteOtherPrimaries(long personId, Long keep) {
    for (Address other : addressesOf(List.of(personId)).getOrDefault(personId, List.of())) {
      if (!other.getId().equals(keep)) {
        other.setIsPrimary(0);
      }
    }
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
    requireCity(f.cityId());
  }

  private void requireCity(Long cityId) {
    if (cityId != null && em().find(City.class, cityId) == null) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
  }

  private Person find(long id) {
    Person p = em().find(Person.class, id);
    if (p == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return p;
  }

  private Map<Long, List<Address>> addressesOf(List<Long> personIds) {
    Map<Long, List<Address>> out = new HashMap<>();
    if (personIds.isEmpty()) {
      return out;
    }
    for (Address a : em().createQuery("SELECT a FROM Address a WHERE a.ownerType = 'person' AND a.ownerId IN :ids"
        + " ORDER BY a.isPrimary, a.id", Address.class).setParameter("ids", personIds).getResultList()) {
      out.computeIfAbsent(a.getOwnerId(), k -> new ArrayList<>()).add(a);
    }
    return out;
  }

  private List<PersonView> views(List<Person> people) {
    Map<Long, List<Address>> addresses = addressesOf(people.stream().map(Person::getId).toList());
    List<Long> cityIds = addresses.values().stream().flatMap(List::stream).map(Address::getCityId)
        .filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, City> cities = new HashMap<>();
    if (!cityIds.isEmpty()) {
      em().createQuery("SELECT c FROM City c WHERE c.id IN :ids", City.class).setParameter("ids", cityIds)
          .getResultList().forEach(c -> cities.put(c.getId(), c));
    }
    List<PersonView> out = new ArrayList<>();
    for (Person p : people) {
      List<AddressView> av = addresses.getOrDefault(p.getId(), List.of()).stream()
          .map(a -> new AddressView(a, a.getCityId() == null ? null : cities.get(a.getCityId()))).toList();
      Country citizenship = p.getNationality() == null ? null : em().find(Country.class, p.getNationality());
      out.add(new PersonView(p, av, citizenship));
    }
    return out;
  }
}
