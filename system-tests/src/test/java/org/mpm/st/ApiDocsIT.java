package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;

/**
 * What a newcomer finds: the interactive API documentation at {@code /docs/api} (MPM's path), reached from
 * {@code /}, over an OpenAPI document with one entry per area; and MPM's JSON for any path, also those the server
 * cannot decode (sent over a plain socket: {@link URI} refuses most of them).
 */
class ApiDocsIT {

  static Api api;
  static URI base;

  @BeforeAll
  static void start() {
    TestServer server = TestServer.get();
    api = new Api(server);
    base = URI.create(server.baseUrl());
  }

  @Test
  void docsPageServesSwaggerUiAndItsScripts() {
    Resp page = api.get("/docs/api/", null);
    assertEquals(200, page.status());
    assertTrue(contentType(page).startsWith("text/html"), contentType(page));
    for (String asset : new String[] {"swagger-ui.css", "swagger-ui-bundle.js", "mpm-docs.js"}) {
      assertTrue(page.body().contains(asset), asset + " linked");
    }
    Resp bundle = api.get("/docs/api/swagger-ui-bundle.js", null);
    assertEquals(200, bundle.status());
    assertTrue(contentType(bundle).contains("javascript"), contentType(bundle));
    assertTrue(bundle.body().contains("SwaggerUIBundle"));
    Resp init = api.get("/docs/api/mpm-docs.js", null);
    assertEquals(200, init.status());
    assertTrue(init.body().contains("\"/openapi?format=JSON\""), init.body());
    Resp css = api.get("/docs/api/swagger-ui.css", null);
    assertEquals(200, css.status());
    assertTrue(contentType(css).startsWith("text/css"), contentType(css));
  }

  @Test
  void rootAndDocsWithoutSlashRedirectToTheDocs() {
    for (String path : new String[] {"/", "/docs/api"}) {
      Resp r = api.get(path, null);
      assertEquals(302, r.status(), path);
      String location = r.headers().firstValue("Location").orElse("");
      assertEquals("/docs/api/", URI.create(location).getPath(), path);
    }
  }

  @Test
  void openApiListsEachTagOnceWithItsDescription() throws IOException {
    JsonObject doc = api.get("/openapi?format=JSON", null).obj();
    List<String> names = new ArrayList<>();
    for (JsonValue tag : doc.getJsonArray("tags")) {
      names.add(tag.asJsonObject().getString("name"));
      assertFalse(tag.asJsonObject().getString("description", "").isBlank(), tag + " described");
    }
    assertEquals(names.size(), new HashSet<>(names).size(), "each tag once: " + names);
    List<String> areas = List.of("Auth", "API keys", "Companies", "Users", "Plugins", "Geography", "Customers",
        "Devices", "Meters", "Manufacturers", "Tariffs", "Connection types", "Transactions", "Payments", "Agent app",
        "Agents", "Customer registration app", "SMS", "Settings");
    assertEquals(areas, names.stream().filter(areas::contains).toList(), "every area, in the defined order");

    Set<String> operationIds = new HashSet<>();
    doc.getJsonObject("paths").forEach((path, item) -> {
      assertFalse(path.contains(":"), path + " is a template without patterns");
      item.asJsonObject().forEach((method, op) -> {
        if (op.getValueType() != JsonValue.ValueType.OBJECT) {
          return;
        }
        JsonObject operation = op.asJsonObject();
        assertTrue(operation.containsKey("tags") && names.containsAll(operation.getJsonArray("tags")
            .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()),
            method + " " + path + " in a defined area");
        assertTrue(operationIds.add(operation.getString("operationId")),
            "operationId " + operation.getString("operationId") + " unique");
      });
    });

    // The YAML form (what /openapi answers a client that does not ask for JSON) lists them once too.
    String yaml = raw("GET /openapi", "*/*").body();
    String tagSection = yaml.substring(yaml.indexOf("\ntags:"), yaml.indexOf("\npaths:"));
    List<String> yamlNames = tagSection.lines().filter(l -> l.startsWith("- name: ")).toList();
    assertEquals(names.size(), yamlNames.size(), tagSection);
  }

  @Test
  void unknownPathsAnswerNotFoundAsJson() throws IOException {
    for (String request : new String[] {"GET /nope", "GET /api/../x", "GET /favicon.ico", "GET /WEB-INF/web.xml",
        "GET /error", "POST /nope", "DELETE /nope", "PATCH /nope", "GET /api/no-such-thing"}) {
      Raw r = raw(request);
      assertEquals(404, r.status(), request + " " + r);
      assertEquals("Not found", r.message(), request);
    }
    Raw wrongMethod = raw("DELETE /docs/api/index.html");
    assertEquals(405, wrongMethod.status(), wrongMethod.toString());
    assertEquals("The DELETE method is not supported for route docs/api/index.html.", wrongMethod.message());
  }

  @Test
  void pathsTheServerCannotDecodeAnswer400AsJson() throws IOException {
    for (String path : new String[] {"/api/people/..%2F..%2Fx", "/api/..%2Fup", "/api/people/%00", "/api/x%00y",
        "/api/x%5Cy", "/x%5Cy", "/api/%zz", "/api/x%", "/%2e%2e/x", "/a/../../up", "/api/%FF"}) {
      Raw r = raw("GET " + path);
      assertEquals(400, r.status(), path + " " + r);
      assertEquals("The request path is not valid.", r.message(), path);
    }
  }

  @Test
  void healthUpOpenApiAndTheApiAnswerAsBefore() throws IOException {
    assertEquals("{\"status\":\"up\"}", api.get("/up", null).body());
    Resp health = api.get("/health", null);
    assertEquals(200, health.status(), health.body());
    assertTrue(health.body().contains("UP"));
    assertEquals(200, api.get("/openapi", null).status());
    Raw apiNotFound = raw("GET /api/people/1%2F2");
    assertEquals(404, apiNotFound.status());
    assertEquals("{\"message\":\"Not found\"}", apiNotFound.body());
    assertEquals(401, api.get("/api/people", null).status());
  }

  private static String contentType(Resp r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  /** An answer read off the socket: status, headers (lower-case names) and body. */
  record Raw(int status, Map<String, String> headers, String body) {

    /** The {@code message} of a JSON answer; fails unless the answer is JSON. */
    String message() {
      assertTrue(headers.getOrDefault("content-type", "").startsWith("application/json"), toString());
      Resp parsed = new Resp(status, body, null);
      return parsed.message();
    }
  }

  /** Sends "METHOD target" as written, byte for byte, and reads the whole answer. */
  private static Raw raw(String methodAndTarget) throws IOException {
    return raw(methodAndTarget, "application/json");
  }

  private static Raw raw(String methodAndTarget, String accept) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((methodAndTarget + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nAccept: " + accept + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] all = socket.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, split).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
      }
      String body = text.substring(split + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      // ISO-8859-1 kept the bytes as they were: read them again as UTF-8.
      body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }
  }

  /** A chunked body (as ISO-8859-1 text: one character per byte) without its chunk sizes. */
  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }
}
