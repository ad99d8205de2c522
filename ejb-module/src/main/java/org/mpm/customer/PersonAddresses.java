package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.mpm.common.ByIds;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.geography.City;
import org.mpm.tenancy.TenantDatabase;

/**
 * Addresses (MPM's AddressController and the person address routes): the company's addresses, a person's
 * addresses, and adding, changing and removing them. A person has one primary address; making another one primary
 * demotes it, and the primary one cannot be deleted.
 */
@Stateless
public class PersonAddresses {

  static final String ADDRESS_MODEL = "App\\Models\\Address\\Address";

  @Inject TenantDatabase tenantDb;
  @Inject PeopleListCache listCache;
  @Inject PersonViews views;

  private EntityManager em() {
    return tenantDb.em();
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
    Map<Long, City> cities = ByIds.map(em(), City.class, addresses.stream().map(Address::getCityId).toList(),
        City::getId);
    return addresses.stream().map(a -> new AddressView(a, a.getCityId() == null ? null : cities.get(a.getCityId())))
        .toList();
  }

  public List<AddressView> addresses(long personId) {
    return views.views(List.of(views.person(personId))).get(0).addresses();
  }

  /** Adds an address to a person (not primary unless asked; a new primary one demotes the others). */
  public AddressView addAddress(long personId, AddressForm f) {
    listCache.changed(tenantDb.databaseName());
    views.person(personId);
    Address a = new Address(Person.MORPH, personId);
    a.setIsPrimary(0);
    apply(personId, a, f);
    em().persist(a);
    em().flush();
    return new AddressView(a, a.getCityId() == null ? null : em().find(City.class, a.getCityId()));
  }

  /** Changes the given fields of a person's address. */
  public AddressView updateAddress(long personId, long addressId, AddressForm f) {
    listCache.changed(tenantDb.databaseName());
    Address a = ownAddress(personId, addressId);
    apply(personId, a, f);
    em().flush();
    return new AddressView(a, a.getCityId() == null ? null : em().find(City.class, a.getCityId()));
  }

  private void apply(long personId, Address a, AddressForm f) {
    if (f.email() != null) {
      a.setEmail(f.email());
    }
    if (f.phone() != null) {
      a.setPhone(f.phone());
    }
    if (f.street() != null) {
      a.setStreet(f.street());
    }
    if (f.cityId() != null) {
      requireCity(em(), f.cityId());
      a.setCityId(f.cityId());
    }
    if (f.primary() != null) {
      if (f.primary()) {
        demoteOtherPrimaries(personId, a.getId());
      }
      a.setIsPrimary(f.primary() ? 1 : 0);
    }
  }

  public void deleteAddress(long personId, long addressId) {
    listCache.changed(tenantDb.databaseName());
    Address a = ownAddress(personId, addressId);
    if (a.getIsPrimary() == 1) {
      throw ValidationException.message("The primary address cannot be deleted.");
    }
    em().remove(a);
  }

  private Address ownAddress(long personId, long addressId) {
    views.person(personId);
    Address a = em().find(Address.class, addressId);
    if (a == null || !Person.MORPH.equals(a.getOwnerType()) || a.getOwnerId() != personId) {
      throw NotFoundException.model(ADDRESS_MODEL, addressId);
    }
    return a;
  }

  private void demoteOtherPrimaries(long personId, Long keep) {
    for (Address other : views.addressesOf(List.of(personId)).getOrDefault(personId, List.of())) {
      if (!other.getId().equals(keep)) {
        other.setIsPrimary(0);
      }
    }
  }

  /** A given city must exist, else 422 on {@code city_id}. */
  static void requireCity(EntityManager em, Long cityId) {
    if (cityId != null && em.find(City.class, cityId) == null) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
  }
}
