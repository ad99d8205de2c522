package org.mpm.appliance.rest;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.appliance.ApplianceCatalog.ApplianceType;
import org.mpm.appliance.SaleRows.Log;
import org.mpm.appliance.SaleRows.Owner;
import org.mpm.appliance.SaleRows.Rate;
import org.mpm.appliance.SaleRows.Sale;
import org.mpm.appliance.SaleViews.RateView;
import org.mpm.appliance.SaleViews.SaleView;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.Json;

/** MPM's JSON of appliance types, appliances, sales ({@code AppliancePerson}), rates and logs. */
public final class ApplianceJson {

  /** A {@code datetime} column without a cast, as Eloquent gives it. */
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ApplianceJson() {}

  static Map<String, Object> type(ApplianceType t) {
    return t == null ? null : Json.obj("id", t.id(), "name", t.name(), "paygo_enabled", t.paygoEnabled(),
        "created_at", Json.ts(t.createdAt()), "updated_at", Json.ts(t.updatedAt()));
  }

  public static Map<String, Object> appliance(Appliance a) {
    if (a == null) {
      return null;
    }
    Map<String, Object> m = Json.obj("id", a.id(), "name", a.name(), "appliance_type_id", a.applianceTypeId(),
        "price", a.price(), "created_at", Json.ts(a.createdAt()), "updated_at", Json.ts(a.updatedAt()));
    m.put("appliance_type", type(a.type()));
    return m;
  }

  static List<Map<String, Object>> appliances(List<Appliance> list) {
    return list.stream().map(ApplianceJson::appliance).toList();
  }

  /** The sale's columns, as Eloquent gives a model read from the database. */
  public static Map<String, Object> sale(Sale s) {
    return Json.obj("id", s.id(), "appliance_id", s.applianceId(), "person_id", s.personId(),
        "total_cost", number(s.totalCost()), "rate_count", s.rateCount(), "creator_type", s.creatorType(),
        "creator_id", s.creatorId(), "created_at", Json.ts(s.createdAt()), "updated_at", Json.ts(s.updatedAt()),
        "down_payment", s.downPayment() == null ? null : number(s.downPayment()),
        "first_payment_date", s.firstPaymentDate() == null ? null : s.firstPaymentDate().toString(),
        "device_serial", s.deviceSerial(), "payment_type", s.paymentType(),
        "minimum_payable_amount", s.minimumPayableAmount(), "price_per_day", s.pricePerDay(),
        "deleted_at", Json.ts(s.deletedAt()));
  }

  /** A customer's sale: its appliance with the appliance's type, its rates with their logs, its logs. */
  static Map<String, Object> listed(SaleView v) {
    Map<String, Object> m = sale(v.sale());
    m.put("appliance", appliance(v.appliance()));
    m.put("rates", v.rates().stream().map(ApplianceJson::rate).toList());
    m.put("logs", v.logs().stream().map(ApplianceJson::log).toList());
    return m;
  }

  /** A sale's detail: as listed, with its device, totals and rate type. */
  static Map<String, Object> detail(SaleView v) {
    Map<String, Object> m = listed(v);
    Map<String, Object> appliance = appliance(v.appliance());
    if (appliance != null) {
      appliance.remove("appliance_type");
    }
    m.put("appliance", appliance);
    m.put("device", DeviceJson.device(v.device()));
    m.put("totalRemainingAmount", v.totalRemainingAmount());
    m.put("totalPayments", v.totalPayments());
    m.put("rateType", v.rateType());
    return m;
  }

  static Map<String, Object> rate(RateView v) {
    Map<String, Object> m = rate(v.rate());
    m.put("logs", v.logs().stream().map(ApplianceJson::log).toList());
    return m;
  }

  static Map<String, Object> rate(Rate r) {
    return Json.obj("id", r.id(), "appliance_person_id", r.appliancePersonId(), "rate_cost", r.rateCost(),
        "remaining", r.remaining(), "due_date", r.dueDate() == null ? null : DATE_TIME.format(r.dueDate()),
        "remind", r.remind(), "created_at", Json.ts(r.createdAt()), "updated_at", Json.ts(r.updatedAt()));
  }

  static Map<String, Object> log(Log l) {
    Owner o = l.owner();
    return Json.obj("id", l.id(), "affected_type", l.affectedType(), "affected_id", l.affectedId(),
        "user_id", l.userId(), "action", l.action(), "created_at", Json.ts(l.createdAt()),
        "updated_at", Json.ts(l.updatedAt()), "owner", o == null ? null : Json.obj("id", o.id(), "name", o.name(),
            "email", o.email(), "created_at", Json.ts(o.createdAt()), "updated_at", Json.ts(o.updatedAt())));
  }

  /** A double column as Laravel shows it: a whole value without decimals. */
  static Number number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
  }
}
