package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** Every error answer is MPM's JSON, never an HTML page or a stack trace. */
class ErrorShapesIT {

  static Api api;
  static Tenant tenant;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    tenant = api.registerCompany("errors");
  }

  @Test
  void unknownRouteIs404NotFound() {
    for (Resp r : new Resp[] {api.get("/api/no-such-thing", tenant.token()), api.get("/api/no-such-thing", null),
        api.post("/api/users/1/nope", "{}", tenant.token())}) {
      assertEquals(404, r.status());
      assertEquals("{\"message\":\"Not found\"}", r.body());
    }
  }

  @Test
  void wrongMethodIs405WithTheSupportedMethods() {
    Resp r = api.delete("/api/auth/login", null);
    assertEquals(405, r.status());
    assertEquals("The DELETE method is not supported for route api/auth/login. Supported methods: POST.",
        r.message());
  }

  @Test
  void malformedJsonIs400AndChangesNothing() {
    long before = userCount();
    Resp r = api.post("/api/users", "{\"name\": \"x\", ", tenant.token());
    assertEquals(400, r.status());
    assertEquals("The request body is not valid JSON.", r.message());
    Resp array = api.post("/api/users", "[1,2]", tenant.token());
    assertEquals(400, array.status());
    assertEquals(before, userCount());
  }

  @Test
  void wrongTypesAre422WithLaravelsBody() {
    Resp r = api.post("/api/users", "{\"name\":[1],\"email\":\"not-an-email\",\"password\":\"123\",\"roles\":7}",
        tenant.token());
    assertEquals(422, r.status(), r.body());
    assertEquals("The name field must be a string. (and 3 more errors)", r.message());
    assertEquals("[\"The email field must be a valid email address.\"]",
        r.obj().getJsonObject("errors").getJsonArray("email").toString());
    assertEquals("[\"The password field must be at least 6 characters.\"]",
        r.obj().getJsonObject("errors").getJsonArray("password").toString());
    assertEquals("[\"The roles field must be an array.\"]",
        r.obj().getJsonObject("errors").getJsonArray("roles").toString());
  }

  @Test
  void oversizedBodyIs413() {
    String big = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
    Resp r = api.send("POST", "/api/users", big, tenant.token(), true);
    assertEquals(413, r.status());
    assertTrue(r.body().startsWith("{\"message\":"));
  }

  @Test
  void missingPermissionIs403WithMpmsBody() {
    String regular = api.login("demo_company_regular_user@example.com", "123123");
    for (Resp r : new Resp[] {api.get("/api/users", regular), api.get("/api/roles", regular),
        api.get("/api/api-keys", regular), api.get("/api/plugins", regular)}) {
      assertEquals(403, r.status());
      assertEquals("{\"message\":\"User does not have the right permissions.\"}", r.body());
    }
  }

  @Test
  void unknownModelIs404WithLaravelsMessage() {
    Resp r = api.get("/api/users/987654", tenant.token());
    assertEquals(404, r.status());
    assertEquals("No query results for model [App\\Models\\User] 987654", r.message());
  }

  @Test
  void healthUpAndOpenApiAnswer() {
    assertEquals(200, api.get("/up", null).status());
    Resp health = api.get("/health", null);
    assertEquals(200, health.status(), health.body());
    assertTrue(health.body().contains("UP"));
    Resp openapi = api.get("/openapi", null);
    assertEquals(200, openapi.status());
    for (String path : new String[] {"/api/auth/login", "/api/companies", "/api/users", "/api/api-keys",
        "/api/roles", "/api/mpm-plugins", "/api/usage-types", "/api/plugins", "/api/registration-tails"}) {
      assertTrue(openapi.body().contains(path), path + " documented");
    }
  }

  /** MPM's web console runs on another origin (port 8001 in MPM's compose file) and calls the API from a browser. */
  static final String CONSOLE = "http://localhost:8001";

  @Test
  void answersToAnotherOriginCarryCorsHeaders() {
    Map<String, String> origin = Map.of("Origin", CONSOLE);
    Resp ok = api.send("GET", "/api/users", null, tenant.token(), origin);
    assertEquals(200, ok.status(), ok.body());
    assertCors(ok);
    Resp unauthorized = api.send("GET", "/api/users", null, null, origin);
    assertEquals(401, unauthorized.status(), unauthorized.body());
    assertCors(unauthorized);
    Resp invalid = api.send("POST", "/api/users", "{}", tenant.token(), origin);
    assertEquals(422, invalid.status(), invalid.body());
    assertCors(invalid);
  }

  @Test
  void preflightIsAnsweredWithoutAToken() {
    Map<String, String> preflight = Map.of("Origin", CONSOLE, "Access-Control-Request-Method", "PUT",
        "Access-Control-Request-Headers", "authorization, content-type");
    for (String path : new String[] {"/api/users/1", "/api/people/1", "/api/app/agents/transactions",
        "/api/auth/login"}) {
      Resp r = api.send("OPTIONS", path, null, null, preflight);
      assertTrue(r.status() >= 200 && r.status() < 300, path + ": " + r.status() + " " + r.body());
      assertEquals("*", header(r, "Access-Control-Allow-Origin"), path);
      assertTrue(listed(r, "Access-Control-Allow-Methods").contains("put"), path + ": the requested method");
      assertTrue(listed(r, "Access-Control-Allow-Headers").containsAll(List.of("authorization", "content-type")),
          path + ": the requested headers");
    }
  }

  /** The headers a browser needs to hand the answer to the console, and a download's file name. */
  static void assertCors(Resp r) {
    assertEquals("*", header(r, "Access-Control-Allow-Origin"), r.body());
    assertTrue(listed(r, "Access-Control-Expose-Headers").contains("content-disposition"), r.headers().toString());
  }

  static String header(Resp r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  /** The comma-separated values of a header, in lower case. */
  static List<String> listed(Resp r, String name) {
    return r.headers().allValues(name).stream().flatMap(v -> Arrays.stream(v.split(",")))
        .map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
  }

  private long userCount() {
    return api.get("/api/users", tenant.token()).obj().getJsonObject("meta").getJsonNumber("total").longValue();
  }
}
