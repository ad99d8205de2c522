package org.mpm.customer.rest;

import java.util.List;
import java.util.Map;
import org.mpm.customer.Address;
import org.mpm.customer.Person;
import org.mpm.customer.PersonDocument;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.rest.Json;

/**
 * A person as MPM's Eloquent JSON: the columns, {@code is_active} and {@code latest_payment} (no payments are
 * recorded yet, so false and null), addresses with their city, devices and the sold-appliance link (none yet).
 */
final class PersonJson {

  private PersonJson() {}

  static Map<String, Object> person(PersonView v) {
    Person p = v.person();
    Map<String, Object> m = Json.obj("id", p.getId(), "title", p.getTitle(), "education", p.getEducation(),
        "name", p.getName(), "surname", p.getSurname(),
        "birth_date", p.getBirthDate() == null ? null : p.getBirthDate().toString(),
        "gender", p.getGender(), "nationality", p.getNationality(), "is_customer", p.getIsCustomer(),
        "type", p.getType(), "mini_grid_id", p.getMiniGridId(), "onboarding_json", Json.parsed(p.getOnboardingJson()),
        "deleted_at", Json.ts(p.getDeletedAt()), "created_at", Json.ts(p.getCreatedAt()),
        "updated_at", Json.ts(p.getUpdatedAt()), "is_active", false);
    m.put("addresses", v.addresses().stream().map(PersonJson::address).toList());
    m.put("devices", List.of());
    m.put("agent_sold_appliance", null);
    m.put("latest_payment", null);
    if (v.citizenship() != null) {
      m.put("citizenship", country(v.citizenship()));
    }
    return m;
  }

  static Map<String, Object> address(AddressView v) {
    Address a = v.address();
    Map<String, Object> m = Json.obj("id", a.getId(), "email", a.getEmail(), "phone", a.getPhone(),
        "street", a.getStreet(), "city_id", a.getCityId(), "is_primary", a.getIsPrimary(),
        "created_at", Json.ts(a.getCreatedAt()), "updated_at", Json.ts(a.getUpdatedAt()));
    City c = v.city();
    m.put("city", c == null ? null : Json.obj("id", c.getId(), "name", c.getName(), "country_id", c.getCountryId(),
        "mini_grid_id", c.getMiniGridId(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()), "deleted_at", Json.ts(c.getDeletedAt())));
    return m;
  }

  static Map<String, Object> document(PersonDocument d) {
    return Json.obj("id", d.getId(), "person_id", d.getPersonId(), "category", d.getCategory(), "type", d.getType(),
        "name", d.getName(), "original_name", d.getOriginalName(), "mime_type", d.getMimeType(),
        "file_size", d.getFileSize(), "location", d.getLocation(), "created_at", Json.ts(d.getCreatedAt()),
        "updated_at", Json.ts(d.getUpdatedAt()));
  }

  private static Map<String, Object> country(Country c) {
    return Json.obj("id", c.getId(), "country_code", c.getCountryCode(), "country_name", c.getCountryName(),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }
}
