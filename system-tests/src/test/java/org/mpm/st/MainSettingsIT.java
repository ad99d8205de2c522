package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The main settings (GET and PUT /api/settings/main, the SMS gateways, MPM's currency list): a new company's
 * defaults and the console's first-run step, an update as the console sends it, validation, permissions and two
 * companies.
 */
class MainSettingsIT {

  static final List<String> KEYS = List.of("id", "usage_type", "site_title", "company_name", "currency", "country",
      "language", "vat_energy", "vat_appliance", "created_at", "updated_at", "sms_gateway_id",
      "transaction_sms_enabled");
  static final String MPM_TITLE = "MPM - The easiest way to manage your Mini-Grid";
  static final String ROW = "SELECT CONCAT_WS('|', site_title, company_name, currency, country, language,"
      + " IFNULL(vat_energy, 'null'), IFNULL(vat_appliance, 'null'), usage_type, IFNULL(sms_gateway_id, 'null'),"
      + " transaction_sms_enabled) FROM main_settings";

  static Api api;
  static Tenant t;
  static Tenant other;
  static String clerk;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    t = api.registerCompany("settings");
    other = api.registerCompany("settings-b");
    clerk = api.userWithRole(t, "user");
  }

  static JsonObject main(String token) {
    Resp r = api.get("/api/settings/main", token);
    assertEquals(200, r.status(), r.body());
    return r.obj().getJsonObject("data");
  }

  static String row(Tenant tenant) throws Exception {
    try (Connection c = Db.tenant(tenant); PreparedStatement s = c.prepareStatement(ROW);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  static JsonObject step(Tenant tenant, String component) {
    for (JsonValue v : api.get("/api/registration-tails", tenant.token()).obj().getJsonArray("data")) {
      if (component.equals(v.asJsonObject().getString("component"))) {
        return v.asJsonObject();
      }
    }
    return null;
  }

  @Test
  void newCompanyHasMpmsDefaultsAndTheFirstRunStep() {
    Tenant fresh = api.registerCompany("settings-new");
    JsonObject s = main(fresh.token());
    assertEquals(KEYS, List.copyOf(s.keySet()));
    assertEquals(1, s.getInt("id"));
    assertEquals("mini-grid", s.getString("usage_type"));
    assertEquals(MPM_TITLE, s.getString("site_title"));
    assertEquals(fresh.name(), s.getString("company_name"));
    assertEquals("€", s.getString("currency"));
    assertEquals("Germany", s.getString("country"));
    assertEquals("en", s.getString("language"));
    assertEquals(1.0, s.getJsonNumber("vat_energy").doubleValue());
    assertEquals(18.0, s.getJsonNumber("vat_appliance").doubleValue());
    assertTrue(s.isNull("sms_gateway_id"));
    assertTrue(s.getBoolean("transaction_sms_enabled"));
    assertTrue(s.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000Z"));
    // The console's first-run dialog: the "Settings" step, not adjusted.
    JsonObject settings = step(fresh, "Settings");
    assertEquals(false, settings.getBoolean("adjusted"), settings.toString());
  }

  @Test
  void savingAsTheConsoleDoesClosesTheFirstRunStepForGood() throws Exception {
    Tenant fresh = api.registerCompany("settings-save");
    long owner = api.get("/api/auth/me", fresh.token()).obj().getJsonObject("user").getJsonNumber("id").longValue();
    // The console sends back what it read (camel case and back), with its own protected_page_password, and the
    // numbers of its inputs as strings.
    JsonObject read = main(fresh.token());
    String body = Json.createObjectBuilder(read).add("protected_page_password", JsonValue.NULL)
        .add("site_title", "Kisiwa Power").add("company_name", "Kisiwa Power Ltd").add("currency", "TZS")
        .add("country", "Tanzania").add("language", "fr").add("vat_energy", "15").add("vat_appliance", "7.5")
        .add("usage_type", "mini-grid&shs").add("sms_gateway_id", 2).add("transaction_sms_enabled", false)
        .build().toString();
    Resp r = api.put("/api/settings/main/1", body, fresh.token());
    assertEquals(200, r.status(), r.body());
    JsonObject saved = r.obj().getJsonObject("data");
    assertEquals(KEYS, List.copyOf(saved.keySet()));
    assertEquals("Kisiwa Power Ltd", saved.getString("company_name"));
    assertEquals(15.0, saved.getJsonNumber("vat_energy").doubleValue());
    assertEquals(2, saved.getInt("sms_gateway_id"));
    assertEquals(false, saved.getBoolean("transaction_sms_enabled"));
    assertEquals(saved, main(fresh.token()));
    assertEquals("Kisiwa Power|Kisiwa Power Ltd|TZS|Tanzania|fr|15|7.5|mini-grid&shs|2|0", row(fresh));

    JsonObject settings = step(fresh, "Settings");
    assertEquals(true, settings.getBoolean("adjusted"), settings.toString());
    assertEquals(owner, settings.getJsonNumber("updated_by").longValue());
    // Saved again unchanged: still 200, the step stays adjusted.
    Resp again = api.put("/api/settings/main/1", Json.createObjectBuilder(main(fresh.token()))
        .add("protected_page_password", JsonValue.NULL).build().toString(), fresh.token());
    assertEquals(200, again.status(), again.body());
    assertEquals(true, step(fresh, "Settings").getBoolean("adjusted"));
  }

  @Test
  void onlyTheFieldsSentChange() throws Exception {
    Tenant fresh = api.registerCompany("settings-partial");
    String before = row(fresh);
    Resp r = api.put("/api/settings/main/1", "{\"vat_appliance\":null,\"id\":7,\"created_at\":\"x\"}", fresh.token());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.obj().getJsonObject("data").isNull("vat_appliance"));
    assertEquals(before.replace("|18|", "|null|"), row(fresh));
    Resp renamed = api.put("/api/settings/main/1", "{\"company_name\":\"  Renamed Power  \"}", fresh.token());
    assertEquals("Renamed Power", renamed.obj().getJsonObject("data").getString("company_name"));
    assertEquals(MPM_TITLE, renamed.obj().getJsonObject("data").getString("site_title"));
  }

  @Test
  void invalidValuesAre422AndChangeNothing() throws Exception {
    String before = row(t);
    Map<String, String[]> cases = Map.ofEntries(
        Map.entry("{\"currency\":\"XYZ\"}", new String[] {"currency", "The selected currency is invalid."}),
        Map.entry("{\"currency\":\"tzs\"}", new String[] {"currency", "The selected currency is invalid."}),
        Map.entry("{\"country\":\"Atlantis\"}", new String[] {"country", "The selected country is invalid."}),
        Map.entry("{\"language\":\"de\"}", new String[] {"language", "The selected language is invalid."}),
        Map.entry("{\"vat_energy\":101}",
            new String[] {"vat_energy", "The vat energy field must not be greater than 100."}),
        Map.entry("{\"vat_appliance\":-1}",
            new String[] {"vat_appliance", "The vat appliance field must be at least 0."}),
        Map.entry("{\"vat_energy\":\"abc\"}", new String[] {"vat_energy", "The vat energy field must be a number."}),
        Map.entry("{\"usage_type\":\"boat\"}", new String[] {"usage_type", "The selected usage type is invalid."}),
        Map.entry("{\"site_title\":\"\"}", new String[] {"site_title", "The site title field is required."}),
        Map.entry("{\"country\":null}", new String[] {"country", "The country field is required."}),
        Map.entry("{\"company_name\":\"" + "x".repeat(101) + "\"}",
            new String[] {"company_name", "The company name field must not be greater than 100 characters."}),
        Map.entry("{\"sms_gateway_id\":18}",
            new String[] {"sms_gateway_id", "The selected sms gateway id is invalid."}),
        Map.entry("{\"sms_gateway_id\":\"x\"}",
            new String[] {"sms_gateway_id", "The sms gateway id field must be an integer."}),
        Map.entry("{\"transaction_sms_enabled\":\"maybe\"}",
            new String[] {"transaction_sms_enabled", "The transaction sms enabled field must be true or false."}));
    cases.forEach((body, expected) -> {
      Resp r = api.put("/api/settings/main/1", body, t.token());
      assertEquals(422, r.status(), body + " " + r.body());
      assertEquals("{\"message\":\"" + expected[1] + "\",\"errors\":{\"" + expected[0] + "\":[\"" + expected[1]
          + "\"]}}", r.body(), body);
    });
    Resp two = api.put("/api/settings/main/1", "{\"currency\":\"XYZ\",\"language\":\"de\"}", t.token());
    assertEquals(422, two.status());
    assertEquals("The selected currency is invalid. (and 1 more error)", two.message());
    assertEquals("[currency, language]", two.obj().getJsonObject("errors").keySet().toString());
    assertEquals(before, row(t));

    Resp unknown = api.put("/api/settings/main/2", "{\"currency\":\"TZS\"}", t.token());
    assertEquals(404, unknown.status());
    assertEquals("No query results for model [App\\Models\\MainSettings] 2", unknown.message());
    assertEquals(400, api.put("/api/settings/main/1", "not json", t.token()).status());
    assertEquals(before, row(t));
  }

  @Test
  void aStoredValueIsAlwaysAcceptedAndCountriesAreTakenAsListed() throws Exception {
    Tenant fresh = api.registerCompany("settings-stored");
    // MPM's default currency "€" is no code of the list, but saving it unchanged works.
    Resp euro = api.put("/api/settings/main/1", "{\"currency\":\"€\",\"country\":\"Germany\"}", fresh.token());
    assertEquals(200, euro.status(), euro.body());
    // A value an adopted MPM database holds, outside the console's lists.
    Db.exec(fresh, "UPDATE main_settings SET language = 'de'");
    assertEquals(200, api.put("/api/settings/main/1", "{\"language\":\"de\"}", fresh.token()).status());
    Resp country = api.put("/api/settings/main/1", "{\"country\":\"tanzania\"}", fresh.token());
    assertEquals("Tanzania", country.obj().getJsonObject("data").getString("country"));
    assertEquals(422, api.put("/api/settings/main/1", "{\"currency\":\"$\"}", fresh.token()).status());
  }

  @Test
  void smsGatewaysFollowTheCompanysPlugins() {
    Tenant fresh = api.registerCompany("settings-gateways");
    Resp r = api.get("/api/settings/sms-gateways", fresh.token());
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"data\":[{\"id\":2,\"name\":\"AndroidGateway\",\"label\":\"Android Gateway (DEPRECATED)\","
        + "\"is_active\":true}]}", r.body());
    assertEquals(200, api.put("/api/plugins/26", "{\"checked\":true}", fresh.token()).status());
    JsonArray two = api.get("/api/settings/sms-gateways", fresh.token()).obj().getJsonArray("data");
    assertEquals(2, two.size());
    assertEquals("{\"id\":26,\"name\":\"TextbeeSmsGateway\",\"label\":\"TextBee SMS Gateway\",\"is_active\":true}",
        two.getJsonObject(1).toString());
    assertEquals(200, api.put("/api/settings/main/1", "{\"sms_gateway_id\":26}", fresh.token()).status());
    // Another company has no TextBee.
    assertEquals(422, api.put("/api/settings/main/1", "{\"sms_gateway_id\":26}", other.token()).status());
    assertEquals(1, api.get("/api/settings/sms-gateways", other.token()).obj().getJsonArray("data").size());
    // Switched off, it is offered no more, and the stored choice may still be saved unchanged.
    assertEquals(200, api.put("/api/plugins/26", "{\"checked\":false}", fresh.token()).status());
    assertEquals(1, api.get("/api/settings/sms-gateways", fresh.token()).obj().getJsonArray("data").size());
    assertEquals(200, api.put("/api/settings/main/1", "{\"sms_gateway_id\":26}", fresh.token()).status());
    assertEquals(200, api.put("/api/settings/main/1", "{\"sms_gateway_id\":null}", fresh.token()).status());
    assertTrue(main(fresh.token()).isNull("sms_gateway_id"));
  }

  @Test
  void currencyListIsMpms() {
    Resp r = api.get("/api/settings/currency-list", clerk);
    assertEquals(200, r.status(), r.body());
    JsonObject list = r.obj().getJsonObject("data");
    assertEquals(119, list.size());
    assertEquals("USD", list.keySet().iterator().next());
    assertEquals("{\"symbol\":\"TSh\",\"name\":\"Tanzanian Shilling\",\"symbol_native\":\"TSh\","
        + "\"decimal_digits\":0,\"rounding\":0,\"code\":\"TZS\",\"name_plural\":\"Tanzanian shillings\"}",
        list.getJsonObject("TZS").toString());
    assertEquals(401, api.get("/api/settings/currency-list", null).status());
  }

  @Test
  void anyUserReadsOnlyTheSettingsPermissionChanges() throws Exception {
    String before = row(t);
    assertEquals(t.name(), main(clerk).getString("company_name"));
    Resp put = api.put("/api/settings/main/1", "{\"company_name\":\"Clerk Power\"}", clerk);
    assertEquals(403, put.status());
    assertEquals("{\"message\":\"User does not have the right permissions.\"}", put.body());
    assertEquals(403, api.get("/api/settings/sms-gateways", clerk).status());
    assertEquals(401, api.get("/api/settings/main", null).status());
    assertEquals(401, api.put("/api/settings/main/1", "{\"company_name\":\"Nobody\"}", null).status());
    assertEquals(401, api.get("/api/settings/sms-gateways", null).status());
    assertEquals(before, row(t));
  }

  @Test
  void eachCompanyChangesOnlyItsOwnRow() throws Exception {
    Tenant a = api.registerCompany("settings-iso-a");
    Tenant b = api.registerCompany("settings-iso-b");
    String rowB = row(b);
    // Both companies' rows have id 1: the token decides which one.
    assertEquals(200, api.put("/api/settings/main/1", "{\"company_name\":\"Alpha Grid\",\"currency\":\"KES\"}",
        a.token()).status());
    assertEquals("Alpha Grid", main(a.token()).getString("company_name"));
    assertEquals(b.name(), main(b.token()).getString("company_name"));
    assertEquals("€", main(b.token()).getString("currency"));
    assertEquals(rowB, row(b));
    assertEquals(true, step(a, "Settings").getBoolean("adjusted"));
    assertEquals(false, step(b, "Settings").getBoolean("adjusted"));
  }
}
