package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Bad input to every documented route, found in the server's OpenAPI document ({@code GET /openapi}) rather than
 * listed here: each operation with a body gets deeply nested JSON, every field it mentions (and a common list) set
 * to out-of-range numbers, a huge string, a huge array and a deeply nested object, bodies that are no object,
 * malformed or empty; every path parameter gets a traversal, an overflowing number, a negative number and a bare
 * percent sign. Whatever the input, the answer must be below 500 and JSON. All failures are collected and reported
 * together.
 */
class BadInputIT {

  /** Fields tried on every route besides those its summary names. */
  static final List<String> COMMON_FIELDS = List.of("id", "amount", "name", "price", "serial_number", "device_serial",
      "person_id", "message", "senderId", "daily_price", "appliance_id", "roles", "components", "time_of_usage",
      "email", "password", "phone", "type", "city_id", "tariff_id", "manufacturer_id", "geo_json");

  /** The values each field is set to, by name. */
  static final Map<String, String> FIELD_VALUES = new LinkedHashMap<>();

  /** Bodies that are bad as a whole, by name. */
  static final Map<String, String> BODIES = new LinkedHashMap<>();

  /** Values that replace a path parameter. */
  static final List<String> PATH_VALUES = List.of("..%2F..%2Fx", "99999999999999999999", "-1", "%25");

  static {
    FIELD_VALUES.put("1e309", "1e309");
    FIELD_VALUES.put("-1e309", "-1e309");
    FIELD_VALUES.put("2^63", "9223372036854775808");
    FIELD_VALUES.put("2^31", "2147483648");
    FIELD_VALUES.put("-2^31-1", "-2147483649");
    FIELD_VALUES.put("100 KB string", "\"" + "x".repeat(100 * 1024) + "\"");
    FIELD_VALUES.put("10,000 items", "[" + "1,".repeat(9_999) + "1]");
    FIELD_VALUES.put("1,000 nested objects", nestedObjects(1_000));
    BODIES.put("1,000 nested arrays", "[".repeat(1_000) + "]".repeat(1_000));
    BODIES.put("5,000 nested arrays", "[".repeat(5_000) + "]".repeat(5_000));
    BODIES.put("1,000 nested objects", nestedObjects(1_000));
    BODIES.put("5,000 nested objects", nestedObjects(5_000));
    BODIES.put("empty array", "[]");
    BODIES.put("a string", "\"x\"");
    BODIES.put("a number", "1");
    BODIES.put("malformed", "{\"name\": \"x\", ");
    BODIES.put("empty body", "");
  }

  /** Reads answers however deeply they nest: an answer that echoes its input is still JSON. */
  static final JsonReaderFactory READER = Json.createReaderFactory(Map.of("org.eclipse.parsson.maxDepth", 100_000));

  static final Pattern PARAM = Pattern.compile("\\{\\s*(\\w+)\\s*(?::[^{}]*(?:\\{[^{}]*\\}[^{}]*)*)?\\}");
  static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\??\\s*(?::.*)?$", Pattern.DOTALL);
  static final Pattern SNAKE = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");

  static Api api;
  static Tenant t;
  static long ownerId;
  static long agentId;
  /** Path parameter values: by "segment/name" (the literal segment before it), or by name. */
  static final Map<String, String> IDS = new LinkedHashMap<>();

  /** One documented operation. */
  record Route(String method, String template, String summary) {
    boolean agent() {
      return template.startsWith("/api/app/") || summary.contains("agent token");
    }

    boolean hasBody() {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
  }

  /** One bad request: the route, its path, its body, and what is bad about it (a field set to {@code input}). */
  record Probe(Route route, String path, String body, String field, String input) {}

  /** A probe answered 5xx or not with JSON. */
  record Failure(Probe probe, int status, String body) {}

  @BeforeAll
  static void start() throws Exception {
    api = new Api(TestServer.get());
    t = api.registerCompany("bad-input");
    ownerId = api.get("/api/auth/me", t.token()).obj().getJsonObject("user").getJsonNumber("id").longValue();
    records();
  }

  /** Records of every kind a path names, so that a parameter left alone points at something that exists. */
  static void records() throws Exception {
    long cluster = created(api.post("/api/clusters", "{\"name\":\"C Bad\",\"manager_id\":" + ownerId
        + ",\"geo_json\":" + GeographyIT.AREA + "}", t.token()));
    long grid = created(api.post("/api/mini-grids", "{\"name\":\"G Bad\",\"cluster_id\":" + cluster + ",\"geo_json\":"
        + GeographyIT.point(39, -7) + "}", t.token()));
    long tz = api.get("/api/countries/TZ", t.token()).obj().getJsonObject("data").getJsonNumber("id").longValue();
    long city = created(api.post("/api/cities", "{\"name\":\"Badville\",\"mini_grid_id\":" + grid + ",\"country_id\":"
        + tz + ",\"geo_json\":" + GeographyIT.point(39, -7) + "}", t.token()));
    long person = created(api.post("/api/people", "{\"name\":\"Imani\",\"surname\":\"Bad\",\"phone\":\"+255718000001\","
        + "\"street\":\"Harbour Road 7\",\"is_customer\":true,\"city_id\":" + city + "}", t.token()));
    long address = api.get("/api/people/" + person, t.token()).obj().getJsonObject("data").getJsonArray("addresses")
        .getJsonObject(0).getJsonNumber("id").longValue();
    JsonObject tariff = api.post("/api/tariffs", "{\"name\":\"Bad\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"time_of_usage\":[{\"start\":\"18:00\",\"end\":\"22:00\",\"value\":150}]}", t.token()).obj()
        .getJsonObject("data");
    long otherTariff = created(api.post("/api/tariffs", "{\"name\":\"Other\",\"price\":300,\"currency\":\"TZS\","
        + "\"factor\":1}", t.token()));
    long type = created(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token()));
    long meterMaker = created(api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token()));
    long shsMaker = created(api.post("/api/manufacturers", "{\"name\":\"Demo SHS Manufacturer\",\"type\":\"shs\","
        + "\"api_name\":\"DemoShsManufacturerApi\"}", t.token()));
    long bikeMaker = created(api.post("/api/manufacturers", "{\"name\":\"Bikes\",\"type\":\"e-bike\"}", t.token()));
    String serial = "47018000001";
    long meter = created(api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":"
        + meterMaker + ",\"meter_type_id\":" + type + ",\"in_use\":1,\"tariff_id\":" + tariff.getInt("id") + "}",
        t.token()));
    long device = Db.insert(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
        + " updated_at) VALUES (" + person + ", 'meter', " + meter + ", '" + serial + "', NOW(), NOW())");
    Resp shs = api.post("/api/solar-home-systems", "{\"serial_numbers\":[\"BADSHS00001\"],\"manufacturer_id\":"
        + shsMaker + ",\"appliance_id\":1,\"daily_price\":250,\"person_id\":" + person + "}", t.token());
    assertEquals(200, shs.status(), shs.body());
    Resp bike = api.post("/api/e-bikes", "{\"serial_number\":\"BADBIKE0001\",\"manufacturer_id\":" + bikeMaker
        + ",\"appliance_id\":4}", t.token());
    assertEquals(201, bike.status(), bike.body());
    long apiKey = created(api.post("/api/api-keys", "{\"name\":\"bad input\"}", t.token()));
    long user = created(api.post("/api/users", "{\"name\":\"Other User\",\"email\":\"user-" + t.companyId()
        + "@example.com\",\"password\":\"secret123\"}", t.token()));
    long subType = created(api.post("/api/sub-connection-types", "{\"name\":\"Street lights\",\"connection_type_id\":1,"
        + "\"tariff_id\":" + otherTariff + "}", t.token()));
    // An agent of the company (on commission plan 2, as Db.insertAgent puts it), with one payment.
    Db.exec(t, "INSERT INTO agent_commissions (id, name, energy_commission, appliance_commission, risk_balance,"
        + " created_at, updated_at) VALUES (2, 'Bad input', 0.05, 0.03, 1000000000000, NOW(), NOW())");
    agentId = Db.insertAgent(t.companyId(), "bad-input-agent-" + t.companyId() + "@example.com", t.companyId());
    Db.exec(t, "UPDATE agents SET person_id = " + person + ", mini_grid_id = " + grid + " WHERE id = " + agentId);
    Resp paid = api.post("/api/app/agents/transactions", "{\"device_serial\":\"" + serial + "\",\"amount\":1000}",
        agentToken());
    assertEquals(200, paid.status(), paid.body());

    for (String name : List.of("personId", "person", "customerId")) {
      IDS.put(name, Long.toString(person));
    }
    IDS.put("addressId", Long.toString(address));
    IDS.put("addresses/id", Long.toString(address));
    IDS.put("cityId", Long.toString(city));
    IDS.put("clusterId", Long.toString(cluster));
    IDS.put("miniGridId", Long.toString(grid));
    IDS.put("manufacturerId", Long.toString(meterMaker));
    IDS.put("meterTypeId", Long.toString(type));
    IDS.put("tariffId", tariff.getJsonNumber("id").toString());
    IDS.put("changeId", Long.toString(otherTariff));
    IDS.put("timeOfUsageId", tariff.getJsonArray("tou").getJsonObject(0).getJsonNumber("id").toString());
    IDS.put("serialNumber", serial);
    IDS.put("meterSerial", serial);
    IDS.put("e-bikes/serialNumber", "BADBIKE0001");
    IDS.put("device", Long.toString(device));
    IDS.put("solar-home-systems/id", shs.obj().getJsonArray("data").getJsonObject(0).getJsonNumber("id").toString());
    IDS.put("api-keys/id", Long.toString(apiKey));
    IDS.put("user", Long.toString(user));
    IDS.put("userId", Long.toString(user));
    IDS.put("subConnectionTypeId", Long.toString(subType));
    IDS.put("transactionId", paid.obj().getJsonObject("data").getJsonNumber("id").toString());
    IDS.put("mpmPluginId", "21");
    IDS.put("code", "TZ");
    IDS.put("email", t.ownerEmail());
    IDS.put("start", "2025-01-01");
    IDS.put("end", "2025-12-31");
    IDS.put("year", "2025");
    IDS.put("period", "1");
    IDS.put("limit", "5");
    IDS.put("order", "desc");
  }

  static long created(Resp r) {
    assertTrue(r.status() == 200 || r.status() == 201, r.status() + " " + r.body());
    return GeographyIT.id(r);
  }

  /**
   * A fresh token of the company's owner: each request carries its own, so that routes which end a token (logout,
   * refresh) do not lock the test out.
   */
  static String userToken() {
    long now = Instant.now().getEpochSecond();
    return Tokens.user(now, now + 3600, Long.toString(ownerId), t.companyId());
  }

  /** A fresh token of the company's agent. */
  static String agentToken() {
    long now = Instant.now().getEpochSecond();
    return Tokens.hs256(Tokens.HS256, Tokens.payload(now, now + 3600, Long.toString(agentId), Tokens.AGENT_PRV,
        t.companyId()), TestServer.JWT_SECRET);
  }

  @Test
  void badInputIsAnswered4xxWithJson() throws Exception {
    List<Route> routes = routes();
    assertTrue(routes.size() > 100, "the OpenAPI document lists the routes: " + routes.size());
    List<Probe> probes = probes(routes);
    List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Probe probe : probes) {
        done.add(pool.submit(() -> check(probe, failures)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("BadInputIT: %d routes (%d with a body, %d with path parameters), %d requests in %.0f s,"
        + " %d failed%n", routes.size(), routes.stream().filter(Route::hasBody).count(),
        routes.stream().filter(r -> !params(r.template()).isEmpty()).count(), probes.size(),
        (System.nanoTime() - t0) / 1e9, failures.size());
    String list = String.join("\n", lines(failures));
    System.out.println("BadInputIT failures:\n" + list);
    assertTrue(failures.isEmpty(), failures.size() + " of " + probes.size() + " answers were 5xx or not JSON:\n"
        + list);
  }

  /**
   * For every operation with a body: each bad body and each field set to each bad value; for every path parameter
   * of every operation: each bad value in its place (with an empty object as the body of a POST, PUT or PATCH).
   */
  static List<Probe> probes(List<Route> routes) {
    List<Probe> probes = new ArrayList<>();
    for (Route route : routes) {
      if (route.hasBody()) {
        String path = fill(route.template(), null, null);
        BODIES.forEach((kind, body) -> probes.add(new Probe(route, path, body, null, "body: " + kind)));
        for (String field : fields(route, routes)) {
          FIELD_VALUES.forEach((kind, value) -> probes.add(new Probe(route, path, "{\"" + field + "\":" + value + "}",
              field, kind)));
        }
      }
      for (String param : params(route.template())) {
        for (String value : PATH_VALUES) {
          probes.add(new Probe(route, fill(route.template(), param, value), route.hasBody() ? "{}" : null, null,
              "path " + param + " = " + value));
        }
      }
    }
    return probes;
  }

  /** Sends the probe and records it when the answer is 5xx or not JSON. */
  static void check(Probe probe, List<Failure> failures) {
    Route route = probe.route();
    Resp r;
    try {
      r = api.send(route.method(), probe.path(), probe.body(), route.agent() ? agentToken() : userToken());
    } catch (RuntimeException e) {
      failures.add(new Failure(probe, -1, String.valueOf(e.getCause())));
      return;
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (r.status() >= 500 || !type.toLowerCase(Locale.ROOT).startsWith("application/json") || !isJson(r.body())) {
      String text = r.body().length() > 200 ? r.body().substring(0, 200) : r.body();
      failures.add(new Failure(probe, r.status(), (type.isEmpty() ? "" : "(" + type + ") ") + text.replace('\n', ' ')));
    }
  }

  /**
   * One line a failure: method, path, input, status and the start of the body; the fields of a route that failed
   * alike (the same value, status and body) on one line.
   */
  static List<String> lines(List<Failure> failures) {
    Map<Failure, Set<String>> alike = new TreeMap<>(Comparator.comparing((Failure f) -> f.probe().path())
        .thenComparing(f -> f.probe().route().method()).thenComparing(f -> f.probe().input())
        .thenComparing(Failure::status).thenComparing(Failure::body));
    for (Failure f : failures) {
      Set<String> fields = alike.computeIfAbsent(f, k -> new TreeSet<>());
      if (f.probe().field() != null) {
        fields.add(f.probe().field());
      }
    }
    List<String> lines = new ArrayList<>();
    alike.forEach((f, fields) -> lines.add(f.probe().route().method() + " " + f.probe().path() + " ["
        + (fields.isEmpty() ? "" : (fields.size() == 1 ? "field " : "fields ") + String.join(", ", fields) + " = ")
        + f.probe().input() + "] " + f.status() + " " + f.body()));
    return lines;
  }

  static boolean isJson(String body) {
    try (JsonReader reader = READER.createReader(new StringReader(body))) {
      reader.readValue();
      return true;
    } catch (JsonException e) {
      return false;
    }
  }

  /** Every operation of the OpenAPI document. */
  static List<Route> routes() {
    Resp doc = api.get("/openapi", null);
    assertEquals(200, doc.status(), doc.body());
    List<Route> routes = new ArrayList<>();
    doc.obj().getJsonObject("paths").forEach((template, operations) -> operations.asJsonObject().forEach(
        (method, operation) -> {
          if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
            routes.add(new Route(method.toUpperCase(Locale.ROOT), template,
                operation.asJsonObject().getString("summary", "")));
          }
        }));
    return routes;
  }

  /** The names of a template's path parameters ({@code {id}} or {@code {id: [0-9]+}}). */
  static List<String> params(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The template with its parameters filled with the company's ids; {@code param}, if given, with {@code value}. */
  static String fill(String template, String param, String value) {
    StringBuilder path = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      String before = template.substring(0, m.start());
      String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
      String name = m.group(1);
      String filled = name.equals(param) ? value : IDS.getOrDefault(segment + "/" + name, IDS.getOrDefault(name, "1"));
      path.append(template, last, m.start()).append(filled);
      last = m.end();
    }
    return path.append(template.substring(last)).toString();
  }

  /**
   * The body fields an operation's summary names, e.g. {@code {name, surname (min 2), title?}},
   * {@code [{serial_number, lat, lon}]} or a {@code daily_price} in its text; an update ({@code PUT /api/people/{id}})
   * also those of the create of its collection ({@code POST /api/people}); and the common ones.
   */
  static Set<String> fields(Route route, List<Route> routes) {
    Set<String> fields = new LinkedHashSet<>(named(route.summary()));
    Matcher item = Pattern.compile("^(.*)/" + PARAM.pattern() + "$").matcher(route.template());
    if (route.method().equals("PUT") && item.matches()) {
      for (Route create : routes) {
        if (create.method().equals("POST") && create.template().equals(item.group(1))) {
          fields.addAll(named(create.summary()));
        }
      }
    }
    fields.addAll(COMMON_FIELDS);
    return fields;
  }

  /** The fields a summary names: the keys of its braces and the snake_case words of its text. */
  static Set<String> named(String summary) {
    Set<String> fields = new LinkedHashSet<>();
    int open = summary.indexOf('{');
    if (open >= 0) {
      String spec = summary.substring(open).replaceAll("\\([^()]*\\)", "");
      for (String piece : spec.split("[{},\\[\\]]")) {
        Matcher m = FIELD.matcher(piece);
        if (m.matches()) {
          fields.add(m.group(1));
        }
      }
    }
    Matcher snake = SNAKE.matcher(summary);
    while (snake.find()) {
      fields.add(snake.group());
    }
    return fields;
  }

  static String nestedObjects(int depth) {
    return "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth);
  }
}
