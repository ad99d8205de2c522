package org.mpm.device.rest;

import java.util.Map;
import org.mpm.device.Device;
import org.mpm.device.EBike;
import org.mpm.device.Manufacturer;
import org.mpm.device.Meter;
import org.mpm.device.SolarHomeSystem;
import org.mpm.rest.Json;
import org.mpm.transaction.Token;

/** The device rows behind a {@code devices} entry as MPM's Eloquent JSON (all columns, snake_case). */
public final class DeviceJson {

  private DeviceJson() {}

  /** A meter, solar home system or e-bike row; null for anything else. */
  public static Map<String, Object> concrete(Object row) {
    if (row instanceof Meter m) {
      return meter(m);
    }
    if (row instanceof SolarHomeSystem s) {
      return Json.obj("id", s.getId(), "serial_number", s.getSerialNumber(), "manufacturer_id", s.getManufacturerId(),
          "appliance_id", s.getApplianceId(), "created_at", Json.ts(s.getCreatedAt()),
          "updated_at", Json.ts(s.getUpdatedAt()));
    }
    if (row instanceof EBike e) {
      return Json.obj("id", e.getId(), "serial_number", e.getSerialNumber(), "appliance_id", e.getApplianceId(),
          "manufacturer_id", e.getManufacturerId(), "receive_time", e.getReceiveTime(), "lat", e.getLat(),
          "lng", e.getLng(), "speed", e.getSpeed(), "mileage", e.getMileage(), "status", e.getStatus(),
          "soh", e.getSoh(), "battery_level", e.getBatteryLevel(), "battery_voltage", e.getBatteryVoltage(),
          "created_at", Json.ts(e.getCreatedAt()), "updated_at", Json.ts(e.getUpdatedAt()));
    }
    return null;
  }

  public static Map<String, Object> meter(Meter m) {
    return Json.obj("id", m.getId(), "serial_number", m.getSerialNumber(), "meter_type_id", m.getMeterTypeId(),
        "in_use", m.isInUse() ? 1 : 0, "manufacturer_id", m.getManufacturerId(),
        "created_at", Json.ts(m.getCreatedAt()), "updated_at", Json.ts(m.getUpdatedAt()),
        "connection_type_id", m.getConnectionTypeId(), "connection_group_id", m.getConnectionGroupId(),
        "tariff_id", m.getTariffId());
  }

  /** A devices row (MPM's Device model without relations). */
  public static Map<String, Object> device(Device d) {
    return d == null ? null : Json.obj("id", d.getId(), "person_id", d.getPersonId(), "device_type", d.getDeviceType(),
        "device_id", d.getDeviceId(), "device_serial", d.getDeviceSerial(), "created_at", Json.ts(d.getCreatedAt()),
        "updated_at", Json.ts(d.getUpdatedAt()), "manufacturer_mapping_status", d.getManufacturerMappingStatus(),
        "manufacturer_mapping_checked_at", Json.ts(d.getManufacturerMappingCheckedAt()));
  }

  /** A manufacturers row; {@code api_name} is hidden as in MPM. */
  public static Map<String, Object> manufacturer(Manufacturer m) {
    return m == null ? null : Json.obj("id", m.getId(), "type", m.getType(), "name", m.getName(),
        "website", m.getWebsite(), "contact_person", m.getContactPerson(), "created_at", Json.ts(m.getCreatedAt()),
        "updated_at", Json.ts(m.getUpdatedAt()));
  }

  /** MPM's TokenResource. */
  public static Map<String, Object> tokenResource(Token t) {
    return Json.obj("id", t.getId(), "token", t.getToken(), "token_type", t.getTokenType(),
        "token_unit", t.getTokenUnit(), "token_amount", t.getTokenAmount(), "transaction_id", t.getTransactionId(),
        "created_at", Json.ts(t.getCreatedAt()));
  }

  /** A tokens row (all columns). */
  public static Map<String, Object> token(Token t) {
    return Json.obj("id", t.getId(), "transaction_id", t.getTransactionId(), "token", t.getToken(),
        "token_amount", t.getTokenAmount(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()), "device_id", t.getDeviceId(), "token_type", t.getTokenType(),
        "token_unit", t.getTokenUnit());
  }
}
