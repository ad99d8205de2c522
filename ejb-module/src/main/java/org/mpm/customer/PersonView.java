package org.mpm.customer;

import java.util.List;
import org.mpm.geography.City;
import org.mpm.geography.Country;

/** A person with its addresses (each with its city) and citizenship. */
public record PersonView(Person person, List<AddressView> addresses, Country citizenship) {

  /** An address with its city (null when it has none). */
  public record AddressView(Address address, City city) {}
}
