package org.mpm.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.customer.Address;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.tenancy.TenantDatabase;

/** Device manufacturers with their address (MPM's ManufacturerController). */
@Stateless
public class ManufacturerService {

  public static final String MODEL = "App\\Models\\Manufacturer";

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A manufacturer with its address, the address's village and that one's country (each may be null). */
  public record ManufacturerView(Manufacturer manufacturer, Address address, City city, Country country) {}

  /** The fields of {@code POST /api/manufacturers}; null means "not given". */
  public record ManufacturerForm(String name, String type, String contactPerson, String website, String apiName,
      String email, String phone, String street, Long cityId, Integer isPrimary) {}

  public List<Manufacturer> all(String type) {
    return query(type).getResultList();
  }

  public Page<Manufacturer> page(String type, int page, int perPage) {
    var count = em().createQuery("SELECT COUNT(m) FROM Manufacturer m" + (type == null ? "" : " WHERE m.type = :t"),
        Long.class);
    if (type != null) {
      count.setParameter("t", type);
    }
    List<Manufacturer> items = query(type).setFirstResult((page - 1) * perPage).setMaxResults(perPage)
        .getResultList();
    return new Page<>(items, page, perPage, count.getSingleResult());
  }

  private TypedQuery<Manufacturer> query(String type) {
    var q = em().createQuery("SELECT m FROM Manufacturer m" + (type == null ? "" : " WHERE m.type = :t")
        + " ORDER BY m.id", Manufacturer.class);
    if (type != null) {
      q.setParameter("t", type);
    }
    return q;
  }

  public ManufacturerView show(long id) {
    Manufacturer m = em().find(Manufacturer.class, id);
    if (m == null) {
      throw NotFoundException.model(MODEL, id);
    }
    Address a = em().createQuery("SELECT a FROM Address a WHERE a.ownerType = :t AND a.ownerId = :o ORDER BY a.id",
            Address.class).setParameter("t", Manufacturer.MORPH).setParameter("o", id).setMaxResults(1)
        .getResultList().stream().findFirst().orElse(null);
    City c = a == null || a.getCityId() == null ? null : em().find(City.class, a.getCityId());
    if (c != null && c.getDeletedAt() != null) {
      c = null;
    }
    Country country = c == null ? null : em().find(Country.class, c.getCountryId());
    return new ManufacturerView(m, a, c, country);
  }

  /** Creates the manufacturer and its address in one transaction. */
  public Manufacturer create(ManufacturerForm f) {
    if (f.cityId() != null) {
      City c = em().find(City.class, f.cityId());
      if (c == null || c.getDeletedAt() != null) {
        throw ValidationException.field("city_id", "The selected city id is invalid.");
      }
    }
    Manufacturer m = new Manufacturer(f.name());
    if (f.type() != null) {
      m.setType(f.type());
    }
    m.setContactPerson(f.contactPerson());
    m.setWebsite(f.website());
    m.setApiName(f.apiName());
    em().persist(m);
    em().flush();
    em().persist(new Address(Manufacturer.MORPH, m.getId(), f.email(), f.phone(), f.street(), f.cityId(),
        f.isPrimary()));
    em().flush();
    return m;
  }
}
