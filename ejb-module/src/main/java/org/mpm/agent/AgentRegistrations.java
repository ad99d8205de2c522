package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.customer.PersonForm;
import org.mpm.customer.PersonService;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.device.Device;
import org.mpm.device.Meter;
import org.mpm.device.MeterService;
import org.mpm.device.MeterService.MeterForm;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;
import org.mpm.tenancy.TenantDatabase;

/**
 * Customers and meters an agent registers (MPM's AgentCustomerService register and assignMeter): a customer in a
 * village of the agent's mini-grid, with a primary address and, optionally, its location; a meter (a free one, or
 * a new one) bound to one of the agent's customers through a new device; a location given is the customer's
 * primary address's.
 */
@Stateless
public class AgentRegistrations {

  public static final String TAKEN = "This meter is already assigned to another customer.";

  @Inject TenantDatabase tenantDb;
  @Inject PersonService people;
  @Inject PersonViews views;
  @Inject MeterService meters;
  @Inject GeographyService geography;

  /** Registers a customer; 422 for a village outside the agent's mini-grid or a phone already in use. */
  public PersonView register(long miniGridId, String name, String surname, String phone, long cityId,
      String locationGeoJson) {
    List<?> city = em().createNativeQuery("SELECT mini_grid_id FROM cities WHERE id = ?").setParameter(1, cityId)
        .getResultList();
    if (city.isEmpty()) {
      throw ValidationException.field("city_id", "The selected city id is invalid.");
    }
    if (((Number) city.get(0)).longValue() != miniGridId) {
      throw ValidationException.field("city_id", "Selected city does not belong to the agent's mini-grid.");
    }
    if (!em().createNativeQuery("SELECT a.id FROM addresses a JOIN people p ON p.id = a.owner_id"
        + " AND p.deleted_at IS NULL WHERE a.owner_type = 'person' AND a.phone = ?").setParameter(1, phone)
        .setMaxResults(1).getResultList().isEmpty()) {
      throw ValidationException.field("phone", "A customer with this phone number already exists.");
    }
    PersonView created = people.create(new PersonForm(null, null, name, surname, null, null, 1, 1, null, null,
        cityId, null, null, phone, null));
    if (locationGeoJson != null) {
      long addressId = created.addresses().stream().filter(a -> a.address().getIsPrimary() == 1)
          .findFirst().orElseThrow().address().getId();
      geography.setLocations(GeographicalInformation.ADDRESS, Map.of(addressId, locationGeoJson));
    }
    return views.show(created.person().getId());
  }

  /**
   * Binds a meter to one of the agent's customers: the free meter with the serial (its fields changed to those
   * given) or a new one, in use, with a new device of the customer. 404 for an unknown customer, 422 for a
   * customer outside the agent's mini-grid or a serial that is in use.
   */
  public Meter assignMeter(long miniGridId, long customerId, MeterForm f, String locationGeoJson) {
    List<?> customer = em().createNativeQuery("SELECT c.mini_grid_id FROM people p LEFT JOIN addresses a"
            + " ON a.owner_type = 'person' AND a.owner_id = p.id AND a.is_primary = 1 LEFT JOIN cities c"
            + " ON c.id = a.city_id WHERE p.id = ? AND p.is_customer = 1 AND p.deleted_at IS NULL FOR UPDATE")
        .setParameter(1, customerId).getResultList();
    if (customer.isEmpty()) {
      throw NotFoundException.model(PersonService.MODEL, customerId);
    }
    if (customer.stream().noneMatch(g -> g != null && ((Number) g).longValue() == miniGridId)) {
      throw ValidationException.field("customer", "Customer does not belong to the agent's mini-grid.");
    }
    List<Meter> existing = em().createQuery("SELECT m FROM Meter m WHERE m.serialNumber = :s", Meter.class)
        .setParameter("s", f.serialNumber()).setMaxResults(1).getResultList();
    boolean deviceTaken = !em().createNativeQuery("SELECT id FROM devices WHERE device_serial = ?")
        .setParameter(1, f.serialNumber()).setMaxResults(1).getResultList().isEmpty();
    if (deviceTaken || !existing.isEmpty() && existing.get(0).isInUse()) {
      throw ValidationException.field("serial_number", TAKEN);
    }
    Meter meter = existing.isEmpty() ? meters.create(f) : meters.update(existing.get(0).getId(), f);
    meter.setInUse(true);
    Device device = new Device(Meter.MORPH, meter.getId(), meter.getSerialNumber());
    device.setPersonId(customerId);
    em().persist(device);
    em().flush();
    if (locationGeoJson != null) {
      List<?> address = em().createNativeQuery("SELECT id FROM addresses WHERE owner_type = 'person' AND owner_id = ?"
          + " AND is_primary = 1 ORDER BY id LIMIT 1").setParameter(1, customerId).getResultList();
      if (!address.isEmpty()) {
        geography.setLocations(GeographicalInformation.ADDRESS, Map.of(((Number) address.get(0)).longValue(),
            locationGeoJson));
      }
    }
    return meter;
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
