package org.mpm.customer.rest;

import java.util.Map;
import org.mpm.customer.Address;
import org.mpm.customer.Person;
import org.mpm.customer.PersonDocument;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.customer.PersonView.DeviceView;
import org.mpm.customer.PersonViews.PaymentView;
import org.mpm.device.rest.DeviceJson;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.geography.rest.GeographyJson;
import org.mpm.rest.Json;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;

/**
 * A person as MPM's Eloquent JSON: the columns, {@code is_active} and {@code latest_payment}, addresses with their
 * city, devices and the sold-appliance link (no appliance sales are recorded yet, so null).
 */
public final class PersonJson {

  private PersonJson() {}

  public static Map<String, Object> person(PersonView v) {
    Person p = v.person();
    Map<String, Object> m = Json.obj("id", p.getId(), "title", p.getTitle(), "education", p.getEducation(),
        "name", p.getName(), "surname", p.getSurname(),
        "birth_date", p.getBirthDate() == null ? null : p.getBirthDate().toString(),
        "gender", p.getGender(), "nationality", p.getNationality(), "is_customer", p.getIsCustomer(),
        "type", p.getType(), "mini_grid_id", p.getMiniGridId(), "onboarding_json", Json.parsed(p.getOnboardingJson()),
        "deleted_at", Json.ts(p.getDeletedAt()), "created_at", Json.ts(p.getCreatedAt()),
        "updated_at", Json.ts(p.getUpdatedAt()), "is_active", v.isActive());
    m.put("addresses", v.addresses().stream().map(a -> address(a, v.detail())).toList());
    m.put("devices", v.devices().stream().map(d -> device(d, v.detail())).toList());
    m.put("agent_sold_appliance", null);
    m.put("latest_payment", payment(v.latestPayment()));
    if (v.citizenship() != null) {
      m.put("citizenship", country(v.citizenship()));
    }
    return m;
  }

  /** An address with its city (as a person's, a user's or the company's address list shows it). */
  public static Map<String, Object> address(AddressView v) {
    return address(v, false);
  }

  /** An address with its city; in a person's detail also the address's geo and the city's location. */
  static Map<String, Object> address(AddressView v, boolean detail) {
    Address a = v.address();
    Map<String, Object> m = Json.obj("id", a.getId(), "email", a.getEmail(), "phone", a.getPhone(),
        "street", a.getStreet(), "city_id", a.getCityId(), "is_primary", a.getIsPrimary(),
        "created_at", Json.ts(a.getCreatedAt()), "updated_at", Json.ts(a.getUpdatedAt()));
    City c = v.city();
    m.put("city", c == null ? null : Json.obj("id", c.getId(), "name", c.getName(), "country_id", c.getCountryId(),
        "mini_grid_id", c.getMiniGridId(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()), "deleted_at", Json.ts(c.getDeletedAt())));
    if (detail) {
      if (c != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> city = (Map<String, Object>) m.get("city");
        city.put("location", GeographyJson.location(v.cityLocation()));
      }
      m.put("geo", GeographyJson.location(v.geo()));
    }
    return m;
  }

  /** A device row (MPM's Device model); in a person's detail with its geo. */
  public static Map<String, Object> device(DeviceView v, boolean detail) {
    Map<String, Object> m = DeviceJson.device(v.device());
    if (detail) {
      m.put("geo", GeographyJson.location(v.geo()));
    }
    return m;
  }

  /** A payment_histories row. */
  static Map<String, Object> payment(PaymentHistory ph) {
    if (ph == null) {
      return null;
    }
    return Json.obj("id", ph.getId(), "amount", ph.getAmount(), "transaction_id", ph.getTransactionId(),
        "payment_service", ph.getPaymentService(), "sender", ph.getSender(), "payment_type", ph.getPaymentType(),
        "paid_for_type", ph.getPaidForType(), "paid_for_id", ph.getPaidForId(), "payer_type", ph.getPayerType(),
        "payer_id", ph.getPayerId(), "created_at", Json.ts(ph.getCreatedAt()),
        "updated_at", Json.ts(ph.getUpdatedAt()));
  }

  /** A payment with its transaction and that one's token (MPM's TokenResource fields). */
  static Map<String, Object> paymentWithTransaction(PaymentView v) {
    Map<String, Object> m = payment(v.payment());
    Transaction t = v.transaction();
    Map<String, Object> tx = null;
    if (t != null) {
      tx = Json.obj("id", t.getId(), "original_transaction_id", t.getOriginalTransactionId(),
          "original_transaction_type", t.getOriginalTransactionType(), "amount", t.getAmount(), "type", t.getType(),
          "sender", t.getSender(), "message", t.getMessage(), "created_at", Json.ts(t.getCreatedAt()),
          "updated_at", Json.ts(t.getUpdatedAt()));
      Token k = v.token();
      tx.put("token", k == null ? null : Json.obj("id", k.getId(), "token", k.getToken(),
          "token_type", k.getTokenType(), "token_unit", k.getTokenUnit(), "token_amount", k.getTokenAmount(),
          "transaction_id", k.getTransactionId(), "created_at", Json.ts(k.getCreatedAt())));
    }
    m.put("transaction", tx);
    return m;
  }

  public static Map<String, Object> document(PersonDocument d) {
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
