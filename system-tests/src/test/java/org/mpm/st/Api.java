package org.mpm.st;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A small HTTP client for the API, speaking JSON as MPM's web console does. */
public final class Api {

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final String base;

  public Api(TestServer server) {
    this(server.baseUrl());
  }

  /** A client of the server at {@code baseUrl} (scheme, host and port). */
  public Api(String baseUrl) {
    this.base = baseUrl;
  }

  /** An answer: status, raw body, and the body as JSON when it is JSON. */
  public record Resp(int status, String body, HttpHeaders headers) {
    public JsonValue json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readValue();
      }
    }

    public JsonObject obj() {
      return json().asJsonObject();
    }

    public JsonArray arr() {
      return json().asJsonArray();
    }

    public String message() {
      return obj().getString("message");
    }
  }

  public Resp get(String path, String token) {
    return send("GET", path, null, token);
  }

  public Resp post(String path, String body, String token) {
    return send("POST", path, body, token);
  }

  public Resp put(String path, String body, String token) {
    return send("PUT", path, body, token);
  }

  public Resp delete(String path, String token) {
    return send("DELETE", path, null, token);
  }

  public Resp send(String method, String path, String body, String token) {
    return send(method, path, body, token, false);
  }

  /** @param expectContinue send {@code Expect: 100-continue}, so the server may refuse the body unread */
  public Resp send(String method, String path, String body, String token, boolean expectContinue) {
    return send(method, path, body, token, expectContinue, Map.of());
  }

  /** A POST with extra request headers (e.g. {@code Idempotency-Key}, {@code device-id}). */
  public Resp post(String path, String body, String token, Map<String, String> headers) {
    return send("POST", path, body, token, false, headers);
  }

  /** A request with extra request headers (e.g. {@code Origin}). */
  public Resp send(String method, String path, String body, String token, Map<String, String> headers) {
    return send(method, path, body, token, false, headers);
  }

  private Resp send(String method, String path, String body, String token, boolean expectContinue,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .expectContinue(expectContinue)
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** A file field of a multipart form. */
  public record FilePart(String field, String fileName, String contentType, byte[] content) {}

  /** POSTs a multipart/form-data body with text fields and files, as a browser form does. */
  public Resp postMultipart(String path, Map<String, String> fields, List<FilePart> files,
      String token) {
    String boundary = "----mpm-test-" + SEQ.incrementAndGet();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Charset utf8 = StandardCharsets.UTF_8;
    fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
        + "\"\r\n\r\n" + v + "\r\n").getBytes(utf8)));
    for (FilePart f : files) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field()
          + "\"; filename=\"" + f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n")
          .getBytes(utf8));
      out.writeBytes(f.content());
      out.writeBytes("\r\n".getBytes(utf8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    }
  }

  /** GETs a binary answer. */
  public HttpResponse<byte[]> download(String path, String token) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).GET().build();
    try {
      return CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    }
  }

  /** A registered company with a logged-in owner. */
  public record Tenant(long companyId, String name, String ownerEmail, String password, String token) {}

  /**
   * The body of a company registration ({@code POST /api/companies}) as MPM's console sends it: the owner's
   * password is {@code secret123}, the plugins are given by their ids.
   */
  public static String registration(String name, String email, String ownerEmail, int... plugins) {
    StringBuilder ids = new StringBuilder();
    for (int id : plugins) {
      ids.append(ids.length() == 0 ? "" : ",").append("{\"id\":").append(id).append('}');
    }
    return "{\"name\":\"" + name + "\",\"address\":\"Harbour Road 1\",\"phone\":\"+255700000000\",\"email\":\""
        + email + "\",\"user\":{\"name\":\"Owner\",\"email\":\"" + ownerEmail + "\",\"password\":\"secret123\"},"
        + "\"plugins\":[" + ids + "],\"usage_type\":\"mini-grid\"}";
  }

  /** Registers a new company (unique names and e-mails) and logs its owner in. */
  public Tenant registerCompany(String prefix) {
    String unique = prefix + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    String email = "owner-" + unique + "@example.com";
    Resp r = post("/api/companies", registration(unique + " Energy", "info-" + unique + "@example.com", email, 21),
        null);
    if (r.status() != 201) {
      throw new IllegalStateException("registration failed: " + r.status() + " " + r.body());
    }
    long id = r.obj().getJsonObject("company").getJsonNumber("id").longValue();
    return new Tenant(id, unique + " Energy", email, "secret123", login(email, "secret123"));
  }

  /** Adds a user with one role ({@code user}, {@code financial-manager} …) to the company and logs it in. */
  public String userWithRole(Tenant t, String role) {
    String email = role + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "@example.com";
    Resp r = post("/api/users", "{\"name\":\"A " + role + "\",\"email\":\"" + email
        + "\",\"password\":\"secret123\",\"roles\":[\"" + role + "\"]}", t.token());
    if (r.status() != 200) {
      throw new IllegalStateException("user creation failed: " + r.status() + " " + r.body());
    }
    return login(email, "secret123");
  }

  public String login(String email, String password) {
    Resp r = post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
    }
    return r.obj().getString("access_token");
  }
}
