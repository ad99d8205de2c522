package org.mpm.customer.rest;

import org.mpm.customer.AddressForm;
import org.mpm.rest.JsonBody;

/**
 * The address fields of the address routes: email, phone (in international form, valid for its country, stored
 * in E.164 as MPM's address model stores it), street, city_id, is_primary.
 */
final class AddressFields {

  private AddressFields() {}

  /** Reads the fields, recording their errors in the body (the caller validates). */
  static AddressForm read(JsonBody b) {
    return new AddressForm(b.email("email", false), b.phone("phone", false, 0),
        b.string("street", false, 0, 191), b.integer("city_id", false), b.bool("is_primary", false));
  }
}
