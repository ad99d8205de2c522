package org.mpm.settings.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.RequiresPermission;
import org.mpm.settings.Currencies;
import org.mpm.settings.MainSettings;
import org.mpm.settings.MainSettingsChange;
import org.mpm.settings.MainSettingsChange.Value;
import org.mpm.settings.MainSettingsService;

/**
 * The company's main settings, the SMS gateways it may choose and MPM's currency list (MPM's MainSettingsController
 * and CurrencyController). Any logged-in user reads them; changing them takes the {@code settings} permission.
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Settings")
public class MainSettingsResource {

  private static final BigDecimal PERCENT_MAX = BigDecimal.valueOf(100);

  @Inject MainSettingsService settings;
  @Inject CurrentUser current;

  @GET
  @Path("main")
  @Operation(summary = "The main settings row {data:{id, usage_type, site_title, company_name, currency, country,"
      + " language, vat_energy, vat_appliance, …, sms_gateway_id, transaction_sms_enabled}}")
  public Map<String, Object> main() {
    MainSettings s = settings.current();
    return Json.data(s == null ? null : SettingsJson.main(s));
  }

  @PUT
  @Path("main/{mainSettings}")
  @RequiresPermission("settings")
  @Operation(summary = "Change the main settings; body {site_title?, company_name?, currency?, country?, language?,"
      + " vat_energy?, vat_appliance?, usage_type?, sms_gateway_id?, transaction_sms_enabled?}: a currency of"
      + " /settings/currency-list, a country of /countries, a language ar|bu|en|fr|pt, a gateway of"
      + " /settings/sms-gateways (or the value stored), VAT 0–100; marks the onboarding step Settings adjusted")
  public Map<String, Object> update(@PathParam("mainSettings") long id, String body) {
    settings.find(id);
    JsonBody b = JsonBody.parse(body);
    MainSettingsChange change = new MainSettingsChange(
        text(b, "site_title", MainSettings.TITLE_MAX),
        text(b, "company_name", MainSettings.TITLE_MAX),
        text(b, "currency", MainSettings.CURRENCY_MAX),
        text(b, "country", MainSettings.TITLE_MAX),
        text(b, "language", MainSettings.LANGUAGE_MAX),
        percent(b, "vat_energy"),
        percent(b, "vat_appliance"),
        b.present("usage_type") ? b.in("usage_type", true, MainSettings.USAGE_TYPES) : null,
        b.present("sms_gateway_id") ? new Value<>(b.integer("sms_gateway_id", false, 1, JsonFields.MAX_INT)) : null,
        b.present("transaction_sms_enabled") ? b.bool("transaction_sms_enabled", true) : null);
    b.validate();
    return Json.data(SettingsJson.main(settings.update(id, change, current.principal().id())));
  }

  /** A text column that cannot be null: left alone when the key is not sent, required when it is. */
  private static String text(JsonBody b, String field, int max) {
    return b.present(field) ? b.string(field, true, 1, max) : null;
  }

  /** A percentage column that takes null: null when not sent, a value holding null when sent empty. */
  private static Value<Double> percent(JsonBody b, String field) {
    if (!b.present(field)) {
      return null;
    }
    BigDecimal d = b.number(field, false, BigDecimal.ZERO, PERCENT_MAX);
    return new Value<>(d == null ? null : d.doubleValue());
  }

  @GET
  @Path("sms-gateways")
  @RequiresPermission("settings")
  @Operation(summary = "The SMS gateways the company may choose {data:[{id, name, label, is_active}]}: Android (2)"
      + " always, Africa's Talking, TextBee and Viber when their plugin is active")
  public Map<String, Object> smsGateways() {
    return Json.data(settings.smsGateways().stream().map(SettingsJson::gateway).toList());
  }

  @GET
  @Path("currency-list")
  @Operation(summary = "MPM's currency list {data:{CODE:{symbol, name, symbol_native, decimal_digits, rounding,"
      + " code, name_plural}}}")
  public Map<String, Object> currencies() {
    return Json.data(Currencies.list());
  }
}
