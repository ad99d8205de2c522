package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.mpm.common.ValidationException;
import org.mpm.device.Device;
import org.mpm.device.Meter;
import org.mpm.device.MeterService;
import org.mpm.device.MeterService.MeterForm;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;
import org.mpm.tenancy.TenantDatabase;

/**
 * The customer-registration app's registration (MPM's CustomerRegistrationAppService): the customer with this phone,
 * or a new one, gets a new meter in use through a device, and an address in the village with the location taken.
 */
@Stateless
public class CustomerRegistrations {

  /** The village of an address when none is given (MPM's {@code city_id ?? 1}). */
  static final long DEFAULT_CITY = 1;

  @Inject TenantDatabase tenantDb;
  @Inject PersonService people;
  @Inject PersonViews views;
  @Inject MeterService meters;
  @Inject GeographyService geography;

  /** What the app sends. */
  public record Registration(String name, String surname, String phone, Long cityId, String locationGeoJson,
      MeterForm meter) {}

  /** Registers the customer and its meter; 422 for a serial already registered or an unknown village. */
  public PersonView register(Registration r) {
    long city = r.cityId() == null ? DEFAULT_CITY : r.cityId();
    if (em().createNativeQuery("SELECT id FROM cities WHERE id = ? AND deleted_at IS NULL").setParameter(1, city)
        .getResultList().isEmpty()) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
    Meter meter = meters.create(r.meter());
    List<?> known = em().createNativeQuery("SELECT a.owner_id FROM addresses a JOIN people p ON p.id = a.owner_id"
        + " AND p.deleted_at IS NULL WHERE a.owner_type = 'person' AND a.phone = ? ORDER BY a.owner_id LIMIT 1")
        .setParameter(1, r.phone()).getResultList();
    long personId = known.isEmpty()
        ? people.create(new PersonForm(null, null, r.name(), r.surname(), null, null, 1, 1, null, null, city, null,
            null, r.phone(), null)).person().getId()
        : ((Number) known.get(0)).longValue();
    Device device = new Device(Meter.MORPH, meter.getId(), meter.getSerialNumber());
    device.setPersonId(personId);
    em().persist(device);
    Address address = new Address(Person.MORPH, personId, null, null, null, city, 0);
    em().persist(address);
    em().flush();
    if (r.locationGeoJson() != null) {
      geography.setLocations(GeographicalInformation.ADDRESS, Map.of(address.getId(), r.locationGeoJson()));
    }
    return views.show(personId);
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
