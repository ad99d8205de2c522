package org.mpm.device.rest;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.mpm.customer.Address;
import org.mpm.customer.rest.PersonJson;
import org.mpm.device.Device;
import org.mpm.device.Manufacturer;
import org.mpm.device.ManufacturerService.ManufacturerView;
import org.mpm.device.Meter;
import org.mpm.device.MeterConsumption;
import org.mpm.device.MeterQueries.LocatedMeter;
import org.mpm.device.MeterQueries.MeterDetail;
import org.mpm.device.MeterQueries.MeterRow;
import org.mpm.device.MeterQueries.PaymentView;
import org.mpm.device.MeterQueries.TokenView;
import org.mpm.device.MeterType;
import org.mpm.geography.City;
import org.mpm.geography.Country;
import org.mpm.geography.rest.GeographyJson;
import org.mpm.rest.Json;
import org.mpm.tariff.AccessRate;
import org.mpm.tariff.AccessRatePayment;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tariff.ConnectionType;
import org.mpm.tariff.rest.TariffJson;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;

/** Meters, meter types and manufacturers as MPM's Eloquent JSON, with the relations each route loads. */
public final class MeterJson {

  /** MySQL's text of an uncast datetime column (e.g. {@code reading_date}, {@code due_date}). */
  private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private MeterJson() {}

  /** A newly registered meter in the key order of MPM's answer to {@code POST /api/meters}. */
  public static Map<String, Object> created(Meter m) {
    return Json.obj("serial_number", m.getSerialNumber(), "meter_type_id", m.getMeterTypeId(),
        "in_use", m.isInUse() ? 1 : 0, "manufacturer_id", m.getManufacturerId(),
        "connection_group_id", m.getConnectionGroupId(), "connection_type_id", m.getConnectionTypeId(),
        "tariff_id", m.getTariffId(), "updated_at", Json.ts(m.getUpdatedAt()), "created_at", Json.ts(m.getCreatedAt()),
        "id", m.getId());
  }

  /** A meter with {@code meter_type} and {@code tariff} (list and search). */
  public static Map<String, Object> row(MeterRow r) {
    Map<String, Object> m = DeviceJson.meter(r.meter());
    m.put("meter_type", meterType(r.meterType()));
    m.put("tariff", r.tariff() == null ? null : TariffJson.tariff(r.tariff()));
    return m;
  }

  /**
   * A meter with tariff, device (and its person), meter_type, connection_type, connection_group, manufacturer and
   * tokens.
   */
  public static Map<String, Object> detail(MeterDetail d, boolean all) {
    Map<String, Object> m = DeviceJson.meter(d.meter());
    m.put("tariff", d.tariff() == null ? null : TariffJson.tariff(d.tariff()));
    Map<String, Object> device = device(d.device());
    if (device != null) {
      device.put("person", d.person() == null ? null : PersonJson.person(d.person()));
      if (all) {
        device.put("geo", GeographyJson.location(d.geo()));
      }
    }
    m.put("device", device);
    m.put("meter_type", meterType(d.meterType()));
    m.put("connection_type", connectionType(d.connectionType()));
    m.put("connection_group", connectionGroup(d.connectionGroup()));
    m.put("manufacturer", manufacturer(d.manufacturer()));
    m.put("tokens", d.tokens().stream().map(t -> token(t, d.meter().getId())).toList());
    if (all) {
      m.put("access_rate_payment", accessRatePayment(d.accessRatePayment()));
    }
    return m;
  }

  /** A meter in use with its device (and the device's location) and its access-rate payment row. */
  public static Map<String, Object> located(LocatedMeter l) {
    Map<String, Object> m = DeviceJson.meter(l.meter());
    Map<String, Object> device = device(l.device());
    if (device != null) {
      device.put("geo", GeographyJson.location(l.geo()));
    }
    m.put("device", device);
    m.put("access_rate_payment", accessRatePayment(l.payment()));
    return m;
  }

  public static Map<String, Object> device(Device d) {
    return d == null ? null : Json.obj("id", d.getId(), "person_id", d.getPersonId(),
        "device_type", d.getDeviceType(), "device_id", d.getDeviceId(), "device_serial", d.getDeviceSerial(),
        "created_at", Json.ts(d.getCreatedAt()), "updated_at", Json.ts(d.getUpdatedAt()),
        "manufacturer_mapping_status", d.getManufacturerMappingStatus(),
        "manufacturer_mapping_checked_at", Json.ts(d.getManufacturerMappingCheckedAt()));
  }

  public static Map<String, Object> meterType(MeterType t) {
    return t == null ? null : Json.obj("id", t.getId(), "online", t.isOnline() ? 1 : 0, "phase", t.getPhase(),
        "max_current", t.getMaxCurrent(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }

  /** A meter type with its {@code meters}. */
  public static Map<String, Object> meterTypeWithMeters(MeterType t, List<Meter> meters) {
    Map<String, Object> m = meterType(t);
    m.put("meters", meters.stream().map(DeviceJson::meter).toList());
    return m;
  }

  static Map<String, Object> connectionType(ConnectionType c) {
    return c == null ? null : Json.obj("id", c.getId(), "name", c.getName(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }

  static Map<String, Object> connectionGroup(ConnectionGroup c) {
    return c == null ? null : Json.obj("id", c.getId(), "name", c.getName(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }

  /** A manufacturer without {@code api_name} (hidden in MPM's model). */
  public static Map<String, Object> manufacturer(Manufacturer m) {
    return m == null ? null : Json.obj("id", m.getId(), "type", m.getType(), "name", m.getName(),
        "website", m.getWebsite(), "contact_person", m.getContactPerson(), "created_at", Json.ts(m.getCreatedAt()),
        "updated_at", Json.ts(m.getUpdatedAt()));
  }

  /** A manufacturer with {@code address.city.country} (owner columns of the address hidden, as in MPM). */
  public static Map<String, Object> manufacturer(ManufacturerView v) {
    Map<String, Object> m = manufacturer(v.manufacturer());
    Address a = v.address();
    Map<String, Object> address = null;
    if (a != null) {
      address = Json.obj("id", a.getId(), "email", a.getEmail(), "phone", a.getPhone(), "street", a.getStreet(),
          "city_id", a.getCityId(), "is_primary", a.getIsPrimary(), "created_at", Json.ts(a.getCreatedAt()),
          "updated_at", Json.ts(a.getUpdatedAt()));
      City c = v.city();
      Map<String, Object> city = null;
      if (c != null) {
        city = Json.obj("id", c.getId(), "name", c.getName(), "country_id", c.getCountryId(),
            "mini_grid_id", c.getMiniGridId(), "created_at", Json.ts(c.getCreatedAt()),
            "updated_at", Json.ts(c.getUpdatedAt()), "deleted_at", Json.ts(c.getDeletedAt()));
        Country k = v.country();
        city.put("country", k == null ? null : Json.obj("id", k.getId(), "country_code", k.getCountryCode(),
            "country_name", k.getCountryName(), "created_at", Json.ts(k.getCreatedAt()),
            "updated_at", Json.ts(k.getUpdatedAt())));
      }
      address.put("city", city);
    }
    m.put("address", address);
    return m;
  }

  /** A token of the meter's device (hasManyThrough adds the meter id as {@code laravel_through_key}). */
  static Map<String, Object> token(TokenView v, long meterId) {
    Map<String, Object> m = token(v.token());
    m.put("laravel_through_key", meterId);
    m.put("transaction", transaction(v.transaction()));
    return m;
  }

  static Map<String, Object> token(Token k) {
    return k == null ? null : Json.obj("id", k.getId(), "transaction_id", k.getTransactionId(), "token", k.getToken(),
        "token_amount", k.getTokenAmount(), "created_at", Json.ts(k.getCreatedAt()),
        "updated_at", Json.ts(k.getUpdatedAt()), "device_id", k.getDeviceId(), "token_type", k.getTokenType(),
        "token_unit", k.getTokenUnit());
  }

  static Map<String, Object> transaction(Transaction t) {
    return t == null ? null : Json.obj("id", t.getId(), "original_transaction_id", t.getOriginalTransactionId(),
        "original_transaction_type", t.getOriginalTransactionType(), "amount", t.getAmount(), "type", t.getType(),
        "sender", t.getSender(), "message", t.getMessage(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }

  static Map<String, Object> accessRatePayment(AccessRatePayment a) {
    return a == null ? null : Json.obj("id", a.getId(), "meter_id", a.getMeterId(),
        "access_rate_id", a.getAccessRateId(), "due_date", a.getDueDate() == null ? null : MYSQL.format(a.getDueDate()),
        "debt", a.getDebt(), "unpaid_in_row", a.getUnpaidInRow(), "created_at", Json.ts(a.getCreatedAt()),
        "updated_at", Json.ts(a.getUpdatedAt()));
  }

  /** A payment with its {@code transaction} and {@code paid_for} (a token or an access rate, else null). */
  public static Map<String, Object> payment(PaymentView v) {
    PaymentHistory ph = v.payment();
    Map<String, Object> m = Json.obj("id", ph.getId(), "amount", ph.getAmount(), "transaction_id",
        ph.getTransactionId(), "payment_service", ph.getPaymentService(), "sender", ph.getSender(),
        "payment_type", ph.getPaymentType(), "paid_for_type", ph.getPaidForType(), "paid_for_id", ph.getPaidForId(),
        "payer_type", ph.getPayerType(), "payer_id", ph.getPayerId(), "created_at", Json.ts(ph.getCreatedAt()),
        "updated_at", Json.ts(ph.getUpdatedAt()));
    m.put("transaction", transaction(v.transaction()));
    Object paidFor = v.paidFor();
    if (paidFor instanceof Token k) {
      m.put("paid_for", token(k));
    } else if (paidFor instanceof AccessRate r) {
      m.put("paid_for", Json.obj("id", r.getId(), "tariff_id", r.getTariffId(), "amount", r.getAmount(),
          "period", r.getPeriod(), "created_at", Json.ts(r.getCreatedAt()), "updated_at", Json.ts(r.getUpdatedAt())));
    } else {
      m.put("paid_for", null);
    }
    return m;
  }

  public static Map<String, Object> consumption(MeterConsumption c) {
    return Json.obj("id", c.getId(), "meter_id", c.getMeterId(), "total_consumption", c.getTotalConsumption(),
        "consumption", c.getConsumption(), "credit_on_meter", c.getCreditOnMeter(),
        "reading_date", c.getReadingDate() == null ? null : MYSQL.format(c.getReadingDate()),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }
}
