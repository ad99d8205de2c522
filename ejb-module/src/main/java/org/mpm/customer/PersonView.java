package org.mpm.customer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.mpm.device.Device;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.geography.GeographicalInformation;
import org.mpm.transaction.PaymentHistory;

/**
 * A person with its addresses (each with its city), citizenship, devices and latest payment. {@code detail} is
 * the shape of {@code GET /api/people/{id}}: addresses and devices also carry their {@code geo}, and a city its
 * {@code location}.
 */
public record PersonView(Person person, List<AddressView> addresses, Country citizenship, List<DeviceView> devices,
    PaymentHistory latestPayment, boolean detail) {

  /** A customer who paid within this many days is active (MPM's Person::is_active). */
  public static final int ACTIVE_DAYS = 25;

  public boolean isActive() {
    return latestPayment != null && latestPayment.getCreatedAt() != null
        && !latestPayment.getCreatedAt().isBefore(LocalDateTime.now(ZoneOffset.UTC).minusDays(ACTIVE_DAYS));
  }

  /** An address with its city (null when it has none), the city's location and the address's own point. */
  public record AddressView(Address address, City city, GeographicalInformation cityLocation,
      GeographicalInformation geo) {

    public AddressView(Address address, City city) {
      this(address, city, null, null);
    }
  }

  /** A device of the person with its location. */
  public record DeviceView(Device device, GeographicalInformation geo) {}
}
