package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;

/**
 * The demo company is complete for MPM's web console: its main, map and SMS settings are set, and its onboarding
 * steps do not open the console's first-run dialog, which shows the steps not adjusted whose component the console
 * has ({@code Settings}, and plugins with a set-up page — the demo manufacturers have none).
 */
class DemoSettingsIT {

  /** The demo's onboarding steps the console has no component for. */
  static final Set<String> WITHOUT_COMPONENT = Set.of("DemoMeterManufacturer", "DemoShsManufacturer");

  static Api api;
  static String owner;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    owner = api.login("demo_company_admin@example.com", "123123");
  }

  @Test
  void theConsoleOpensOnTheDashboard() {
    Set<String> open = new TreeSet<>();
    JsonObject settings = null;
    for (JsonValue v : api.get("/api/registration-tails", owner).obj().getJsonArray("data")) {
      JsonObject step = v.asJsonObject();
      if (!step.getBoolean("adjusted")) {
        open.add(step.getString("component"));
      }
      if ("Settings".equals(step.getString("component"))) {
        settings = step;
      }
    }
    assertTrue(WITHOUT_COMPONENT.containsAll(open), "steps that would open the dialog: " + open);
    assertTrue(settings != null && settings.getBoolean("adjusted"), String.valueOf(settings));
  }

  @Test
  void mainAndMapSettings() {
    JsonObject main = api.get("/api/settings/main", owner).obj().getJsonObject("data");
    assertEquals("Demo Company", main.getString("company_name"));
    assertEquals("TZS", main.getString("currency"));
    assertEquals("Tanzania", main.getString("country"));
    assertEquals("en", main.getString("language"));
    assertEquals("mini-grid&shs&e-bike", main.getString("usage_type"));
    // The console's selects show the stored values: the currency and country are on its lists.
    assertTrue(api.get("/api/settings/currency-list", owner).obj().getJsonObject("data").containsKey("TZS"));
    Resp tz = api.get("/api/countries/TZ", owner);
    assertEquals("Tanzania", tz.obj().getJsonObject("data").getString("country_name"));

    JsonObject map = api.get("/api/map-settings", owner).obj().getJsonArray("data").getJsonObject(0);
    assertEquals(7, map.getInt("zoom"));
    assertEquals(-2.50038, map.getJsonNumber("latitude").doubleValue());
    assertEquals(32.88906, map.getJsonNumber("longitude").doubleValue());
    assertEquals("Open Street Map", map.getString("provider"));
  }

  @Test
  void smsSettings() {
    List<JsonValue> bodies = api.get("/api/sms-body", owner).obj().getJsonArray("data");
    assertEquals(17, bodies.size());
    assertTrue(bodies.stream().allMatch(b -> !b.asJsonObject().isNull("body")));
    assertEquals("Resend", api.get("/api/sms-resend-information-key", owner).obj().getJsonArray("data")
        .getJsonObject(0).getString("key"));
    assertEquals(16, api.get("/api/sms-variable-default-value", owner).obj().getJsonArray("data").size());
    assertEquals(200, api.get("/api/sms-appliance-remind-rate", owner).status());
    assertEquals(200, api.get("/api/sms-android-setting", owner).status());
  }

  @Test
  void theDemoAgentGetsTheSettingsWithItsLogin() {
    Resp r = api.post("/api/app/login", "{\"email\":\"" + Db.DEMO_AGENT + "\",\"password\":\"123123\"}", null);
    assertEquals(200, r.status(), r.body());
    assertEquals("{\"currency\":\"TZS\",\"country\":\"Tanzania\",\"language\":\"en\",\"company_name\":"
        + "\"Demo Company\"}", r.obj().getJsonObject("settings").toString());
  }
}
