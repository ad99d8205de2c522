package org.mpm.geography.rest;

import java.util.Map;
import org.mpm.customer.Address;
import org.mpm.customer.Person;
import org.mpm.device.Device;
import org.mpm.device.EBike;
import org.mpm.device.Meter;
import org.mpm.device.SolarHomeSystem;
import org.mpm.geography.GridRevenueService.LocatedDevice;
import org.mpm.geography.GridRevenueService.Owner;
import org.mpm.geography.GridRevenueService.OwnerAddress;
import org.mpm.rest.Json;
import org.mpm.transaction.PaymentHistory;

/**
 * The Eloquent JSON of a mini-grid's devices as MPM loads them ({@code with(['device', 'geo',
 * 'person.addresses.city'])}): the device row, its meter / solar home system / e-bike, its location and its owner
 * with {@code is_active}, addresses (with village) and {@code latest_payment}.
 */
final class MiniGridDeviceJson {

  private MiniGridDeviceJson() {}

  static Map<String, Object> device(LocatedDevice v) {
    Device d = v.device();
    Map<String, Object> m = Json.obj("id", d.getId(), "person_id", d.getPersonId(), "device_type", d.getDeviceType(),
        "device_id", d.getDeviceId(), "device_serial", d.getDeviceSerial(), "created_at", Json.ts(d.getCreatedAt()),
        "updated_at", Json.ts(d.getUpdatedAt()), "manufacturer_mapping_status", d.getManufacturerMappingStatus(),
        "manufacturer_mapping_checked_at", Json.ts(d.getManufacturerMappingCheckedAt()));
    m.put("device", hardware(v.hardware()));
    m.put("geo", GeographyJson.location(v.geo()));
    m.put("person", owner(v.owner()));
    return m;
  }

  static Map<String, Object> hardware(Object h) {
    if (h instanceof Meter x) {
      return Json.obj("id", x.getId(), "serial_number", x.getSerialNumber(), "meter_type_id", x.getMeterTypeId(),
          "in_use", x.isInUse() ? 1 : 0, "manufacturer_id", x.getManufacturerId(),
          "created_at", Json.ts(x.getCreatedAt()), "updated_at", Json.ts(x.getUpdatedAt()),
          "connection_type_id", x.getConnectionTypeId(), "connection_group_id", x.getConnectionGroupId(),
          "tariff_id", x.getTariffId());
    }
    if (h instanceof SolarHomeSystem x) {
      return Json.obj("id", x.getId(), "appliance_id", x.getApplianceId(), "serial_number", x.getSerialNumber(),
          "manufacturer_id", x.getManufacturerId(), "created_at", Json.ts(x.getCreatedAt()),
          "updated_at", Json.ts(x.getUpdatedAt()));
    }
    if (h instanceof EBike x) {
      return Json.obj("id", x.getId(), "serial_number", x.getSerialNumber(), "appliance_id", x.getApplianceId(),
          "manufacturer_id", x.getManufacturerId(), "receive_time", x.getReceiveTime(), "lat", x.getLat(),
          "lng", x.getLng(), "speed", x.getSpeed(), "mileage", x.getMileage(), "status", x.getStatus(),
          "soh", x.getSoh(), "battery_level", x.getBatteryLevel(), "battery_voltage", x.getBatteryVoltage(),
          "created_at", Json.ts(x.getCreatedAt()), "updated_at", Json.ts(x.getUpdatedAt()));
    }
    return null;
  }

  static Map<String, Object> owner(Owner o) {
    if (o == null) {
      return null;
    }
    Person p = o.person();
    Map<String, Object> m = Json.obj("id", p.getId(), "title", p.getTitle(), "education", p.getEducation(),
        "name", p.getName(), "surname", p.getSurname(),
        "birth_date", p.getBirthDate() == null ? null : p.getBirthDate().toString(), "gender", p.getGender(),
        "nationality", p.getNationality(), "is_customer", p.getIsCustomer(), "type", p.getType(),
        "mini_grid_id", p.getMiniGridId(), "deleted_at", Json.ts(p.getDeletedAt()),
        "created_at", Json.ts(p.getCreatedAt()), "updated_at", Json.ts(p.getUpdatedAt()),
        "onboarding_json", Json.parsed(p.getOnboardingJson()), "is_active", o.active());
    m.put("addresses", o.addresses().stream().map(MiniGridDeviceJson::address).toList());
    m.put("latest_payment", payment(o.latestPayment()));
    return m;
  }

  static Map<String, Object> address(OwnerAddress v) {
    Address a = v.address();
    Map<String, Object> m = Json.obj("id", a.getId(), "email", a.getEmail(), "phone", a.getPhone(),
        "street", a.getStreet(), "city_id", a.getCityId(), "is_primary", a.getIsPrimary(),
        "created_at", Json.ts(a.getCreatedAt()), "updated_at", Json.ts(a.getUpdatedAt()));
    m.put("city", v.city() == null ? null : GeographyJson.city(v.city()));
    return m;
  }

  static Map<String, Object> payment(PaymentHistory h) {
    return h == null ? null : Json.obj("id", h.getId(), "amount", GeographyJson.num(h.getAmount()),
        "transaction_id", h.getTransactionId(), "payment_service", h.getPaymentService(), "sender", h.getSender(),
        "payment_type", h.getPaymentType(), "paid_for_type", h.getPaidForType(), "paid_for_id", h.getPaidForId(),
        "payer_type", h.getPayerType(), "payer_id", h.getPayerId(), "created_at", Json.ts(h.getCreatedAt()),
        "updated_at", Json.ts(h.getUpdatedAt()));
  }
}
