package org.mpm.settings.rest;

import java.util.Map;
import org.mpm.rest.Json;
import org.mpm.settings.MainSettings;
import org.mpm.settings.MapSettings;
import org.mpm.settings.SmsGatewayOptions.Option;

/** MPM's JSON of the settings rows: every column in the table's order, as Eloquent serialises them. */
public final class SettingsJson {

  private SettingsJson() {}

  public static Map<String, Object> main(MainSettings s) {
    return Json.obj("id", s.getId(), "usage_type", s.getUsageType(), "site_title", s.getSiteTitle(),
        "company_name", s.getCompanyName(), "currency", s.getCurrency(), "country", s.getCountry(),
        "language", s.getLanguage(), "vat_energy", s.getVatEnergy(), "vat_appliance", s.getVatAppliance(),
        "created_at", Json.ts(s.getCreatedAt()), "updated_at", Json.ts(s.getUpdatedAt()),
        "sms_gateway_id", s.getSmsGatewayId(), "transaction_sms_enabled", s.isTransactionSmsEnabled());
  }

  static Map<String, Object> map(MapSettings m) {
    return Json.obj("id", m.getId(), "zoom", m.getZoom(), "latitude", m.getLatitude(), "longitude", m.getLongitude(),
        "provider", m.getProvider(), "created_at", Json.ts(m.getCreatedAt()), "updated_at", Json.ts(m.getUpdatedAt()));
  }

  static Map<String, Object> gateway(Option o) {
    return Json.obj("id", o.id(), "name", o.name(), "label", o.label(), "is_active", o.active());
  }
}
