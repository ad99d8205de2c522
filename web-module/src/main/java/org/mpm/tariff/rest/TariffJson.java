package org.mpm.tariff.rest;

import java.util.List;
import java.util.Map;
import org.mpm.rest.Json;
import org.mpm.tariff.AccessRate;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tariff.ConnectionType;
import org.mpm.tariff.SocialTariff;
import org.mpm.tariff.SubConnectionType;
import org.mpm.tariff.Tariff;
import org.mpm.tariff.TariffPricingComponent;
import org.mpm.tariff.TariffView;
import org.mpm.tariff.TimeOfUsage;

/** Tariffs and connection types as MPM's Eloquent JSON (columns in table order, appends, loaded relations). */
public final class TariffJson {

  private TariffJson() {}

  /** A tariff with {@code total_price} and its loaded relations, as TariffService::getById returns it. */
  public static Map<String, Object> tariff(TariffView v) {
    Map<String, Object> m = tariff(v.tariff(), v.components());
    m.put("access_rate", accessRate(v.accessRate()));
    m.put("social_tariff", socialTariff(v.socialTariff()));
    m.put("tou", v.timesOfUse().stream().map(TariffJson::timeOfUsage).toList());
    return m;
  }

  /**
   * The tariff's columns; with its pricing components known (non-null) also the appended {@code total_price} and
   * {@code pricing_component}, which evaluating the append loads in MPM.
   */
  public static Map<String, Object> tariff(Tariff t, List<TariffPricingComponent> components) {
    if (t == null) {
      return null;
    }
    Map<String, Object> m = Json.obj("id", t.getId(), "name", t.getName(), "price", t.getPrice(),
        "currency", t.getCurrency(), "factor", t.getFactor(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()), "deleted_at", Json.ts(t.getDeletedAt()),
        "minimum_purchase_amount", t.getMinimumPurchaseAmount());
    if (components != null) {
      double total = t.getPrice();
      for (TariffPricingComponent c : components) {
        total += c.getPrice();
      }
      m.put("total_price", total);
      m.put("pricing_component", components.stream().map(TariffJson::component).toList());
    }
    return m;
  }

  public static Map<String, Object> accessRate(AccessRate a) {
    return a == null ? null : Json.obj("id", a.getId(), "tariff_id", a.getTariffId(), "amount", a.getAmount(),
        "period", a.getPeriod(), "created_at", Json.ts(a.getCreatedAt()), "updated_at", Json.ts(a.getUpdatedAt()));
  }

  public static Map<String, Object> component(TariffPricingComponent c) {
    return Json.obj("id", c.getId(), "name", c.getName(), "price", c.getPrice(), "owner_type", c.getOwnerType(),
        "owner_id", c.getOwnerId(), "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }

  public static Map<String, Object> socialTariff(SocialTariff s) {
    return s == null ? null : Json.obj("id", s.getId(), "tariff_id", s.getTariffId(),
        "daily_allowance", s.getDailyAllowance(), "price", s.getPrice(),
        "initial_energy_budget", s.getInitialEnergyBudget(), "maximum_stacked_energy", s.getMaximumStackedEnergy(),
        "created_at", Json.ts(s.getCreatedAt()), "updated_at", Json.ts(s.getUpdatedAt()));
  }

  public static Map<String, Object> timeOfUsage(TimeOfUsage t) {
    return Json.obj("id", t.getId(), "tariff_id", t.getTariffId(), "start", t.getStart(), "end", t.getEnd(),
        "value", t.getValue(), "created_at", Json.ts(t.getCreatedAt()), "updated_at", Json.ts(t.getUpdatedAt()));
  }

  public static Map<String, Object> group(ConnectionGroup g) {
    return Json.obj("id", g.getId(), "name", g.getName(), "created_at", Json.ts(g.getCreatedAt()),
        "updated_at", Json.ts(g.getUpdatedAt()));
  }

  /** A group just created: Eloquent lists the filled attributes first, then the timestamps, then the id. */
  public static Map<String, Object> createdGroup(ConnectionGroup g) {
    return Json.obj("name", g.getName(), "updated_at", Json.ts(g.getUpdatedAt()),
        "created_at", Json.ts(g.getCreatedAt()), "id", g.getId());
  }

  public static Map<String, Object> type(ConnectionType t) {
    return Json.obj("id", t.getId(), "name", t.getName(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }

  public static Map<String, Object> createdType(ConnectionType t) {
    return Json.obj("name", t.getName(), "updated_at", Json.ts(t.getUpdatedAt()),
        "created_at", Json.ts(t.getCreatedAt()), "id", t.getId());
  }

  public static Map<String, Object> subType(SubConnectionType s) {
    return Json.obj("id", s.getId(), "name", s.getName(), "connection_type_id", s.getConnectionTypeId(),
        "tariff_id", s.getTariffId(), "created_at", Json.ts(s.getCreatedAt()), "updated_at", Json.ts(s.getUpdatedAt()));
  }

  public static Map<String, Object> createdSubType(SubConnectionType s) {
    return Json.obj("name", s.getName(), "connection_type_id", s.getConnectionTypeId(), "tariff_id", s.getTariffId(),
        "updated_at", Json.ts(s.getUpdatedAt()), "created_at", Json.ts(s.getCreatedAt()), "id", s.getId());
  }
}
