package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mpm.customer.rest.PeopleResource;
import org.mpm.rest.RouteGuard.Kind;
import org.mpm.tariff.rest.TariffsResource;

/** Who may call each route of the API, read from the resource classes themselves. */
class RouteGuardTest {

  /** Every resource method of the API, "METHOD path" → its guard. */
  static Map<String, RouteGuard> routes() throws IOException, URISyntaxException, ClassNotFoundException {
    var classes = Paths.get(RouteGuard.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<Class<?>> resources = new ArrayList<>();
    try (var files = Files.walk(classes)) {
      for (var f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, RouteGuard.class.getClassLoader());
        if (c.isAnnotationPresent(Path.class)) {
          resources.add(c);
        }
      }
    }
    Map<String, RouteGuard> out = new TreeMap<>();
    for (Class<?> c : resources) {
      for (Method m : c.getDeclaredMethods()) {
        String verb = Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)
            .filter(m::isAnnotationPresent).map(Class::getSimpleName).findFirst().orElse(null);
        if (verb != null) {
          Path sub = m.getAnnotation(Path.class);
          String path = c.getAnnotation(Path.class).value() + (sub == null ? "" : "/" + sub.value());
          out.put(verb + " " + path, RouteGuard.of(m, c));
        }
      }
    }
    return out;
  }

  @Test
  void onlyMpmsPublicRoutesNeedNoToken() throws Exception {
    Map<String, RouteGuard> routes = routes();
    assertTrue(routes.size() > 100, "the resources were found: " + routes.size());
    TreeSet<String> open = new TreeSet<>();
    routes.forEach((route, guard) -> {
      if (guard.kind() == Kind.PUBLIC) {
        open.add(route);
      }
    });
    assertEquals(new TreeSet<>(List.of("POST auth/login", "POST auth/refresh", "POST app/login",
        "POST app/reset-password",
        "POST companies", "GET mpm-plugins", "GET usage-types", "POST users/password",
        "GET users/password/validate/{token}", "POST users/password/confirm",
        "GET sms-android-callback/{uuid}/delivered/{slug}", "GET sms-android-callback/{uuid}/failed/{slug}",
        "GET sms-android-callback/{uuid}/sent/{slug}", "POST paystack/webhook/{companyId}",
        "GET paystack/public/payment/{companyHash}", "POST paystack/public/payment/{companyHash}",
        "GET paystack/public/result/{companyHash}", "GET paystack/public/verify/{companyHash}",
        "POST paystack/public/validate-meter/{companyHash}",
        "POST flutterwave/webhook/{companyId}", "POST mesomb/webhook/{companyId}",
        "GET flutterwave/public/payment/{companyHash}", "POST flutterwave/public/payment/{companyHash}",
        "GET flutterwave/public/result/{companyHash}", "GET flutterwave/public/verify/{companyHash}",
        "POST flutterwave/public/validate-meter/{companyHash}",
        "POST safaricom/webhook/stk-push-result/{companyId}",
        "POST wave-money/wave-money-transaction/start/{slug}",
        "POST wave-money/wave-money-transaction/callback/{slug}",
        "POST africas-talking/callback/{slug}/delivery-reports",
        "POST africas-talking/callback/{slug}/incoming-messages",
        "POST textbee-sms-gateway/callback/{slug}/incoming-messages", "POST viber-messaging/webhook/{slug}",
        "GET pesapal/ipn/{companyId}", "POST pesapal/ipn/{companyId}",
        "GET pesapal/public/payment/{companyHash}", "POST pesapal/public/payment/{companyHash}",
        "GET pesapal/public/result/{companyHash}", "GET pesapal/public/verify/{companyHash}",
        "POST pesapal/public/validate-meter/{companyHash}")), open);
  }

  @Test
  void theAgentAppIsForAgentsAndEverythingElseForUsers() throws Exception {
    routes().forEach((route, guard) -> {
      String path = route.substring(route.indexOf(' ') + 1);
      if (path.startsWith("app/") && !route.equals("POST app/login") && !route.equals("POST app/reset-password")) {
        assertEquals(Kind.AGENT, guard.kind(), route);
      }
      if (guard.kind() == Kind.AGENT) {
        assertTrue(path.startsWith("app/") || route.equals("POST transactions/agent"), route);
      }
      assertFalse(guard.kind() == Kind.USER && path.startsWith("app/"), route);
    });
  }

  @Test
  void settingsAreReadByAnyUserAndChangedWithTheSettingsPermission() throws Exception {
    Map<String, RouteGuard> routes = routes();
    RouteGuard anyUser = new RouteGuard(Kind.USER, null);
    RouteGuard settings = new RouteGuard(Kind.USER, "settings");
    // Read by every page of the console (currency, maps), also for users without the permission.
    for (String route : List.of("GET settings/main", "GET settings/currency-list", "GET map-settings")) {
      assertEquals(anyUser, routes.get(route), route);
    }
    for (String route : List.of("PUT settings/main/{mainSettings}", "GET settings/sms-gateways",
        "PUT map-settings/{mapSettings}", "GET map-settings/key/{key}", "GET sms-body", "PUT sms-body",
        "GET sms-resend-information-key", "PUT sms-resend-information-key/{smsResendInformationKey}",
        "GET sms-appliance-remind-rate", "POST sms-appliance-remind-rate",
        "PUT sms-appliance-remind-rate/{smsApplianceRemindRate}",
        "DELETE sms-appliance-remind-rate/{smsApplianceRemindRate}", "GET sms-android-setting",
        "POST sms-android-setting", "PUT sms-android-setting/{smsAndroidSetting}",
        "DELETE sms-android-setting/{smsAndroidSetting}", "GET sms-variable-default-value")) {
      assertEquals(settings, routes.get(route), route);
    }
  }

  @Test
  void aMethodsPermissionWinsOverItsClasss() throws Exception {
    assertEquals(new RouteGuard(Kind.USER, "transactions"),
        RouteGuard.of(PeopleResource.class.getMethod("transactions", long.class), PeopleResource.class));
    assertEquals(new RouteGuard(Kind.USER, "customers"),
        RouteGuard.of(PeopleResource.class.getMethod("list"), PeopleResource.class));
    assertEquals(new RouteGuard(Kind.USER, "settings"),
        RouteGuard.of(TariffsResource.class.getMethod("create", String.class), TariffsResource.class));
    assertEquals(new RouteGuard(Kind.USER, "transactions"), routes().get("POST devices/{device}/token"));
  }
}
