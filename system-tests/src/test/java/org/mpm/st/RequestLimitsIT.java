package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The limits every request body is held to before anything of it is used: its size also when it is sent without a
 * length (chunked), and how deeply its JSON nests. Each is a JSON 4xx that writes nothing.
 */
class RequestLimitsIT {

  static Api api;
  static Tenant tenant;
  static String base;
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    TestServer server = TestServer.get();
    api = new Api(server);
    base = server.baseUrl();
    tenant = api.registerCompany("limits");
  }

  /** A POST whose body is streamed without a Content-Length (chunked transfer). */
  static HttpResponse<String> chunked(String path, String contentType, byte[]... pieces) throws Exception {
    List<ByteArrayInputStream> streams = Arrays.stream(pieces).map(ByteArrayInputStream::new).toList();
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + tenant.token()).header("Content-Type", contentType)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
            Collections.enumeration(streams)))).build();
    return CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aChunkedJsonBodyOverItsLimitIs413() throws Exception {
    long before = Db.count(tenant, "SELECT COUNT(*) FROM people");
    byte[] filler = ("{\"name\":\"Big\",\"surname\":\"Body\",\"street\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = chunked("/api/people", "application/json", filler);
    assertEquals(413, r.statusCode(), r.body());
    assertEquals("{\"message\":\"The request body is too large.\"}", r.body());
    assertEquals(before, Db.count(tenant, "SELECT COUNT(*) FROM people"));
  }

  @Test
  void aChunkedUploadOverItsLimitIs413AndKeepsNothing() throws Exception {
    Resp person = api.post("/api/people", "{\"name\":\"Upload\",\"surname\":\"Limit\"}", tenant.token());
    long id = person.obj().getJsonObject("data").getJsonNumber("id").longValue();
    String boundary = "----limit-test";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nid\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf"
        + "\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = new byte[7 * 1024 * 1024];
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = chunked("/api/people/" + id + "/documents", "multipart/form-data; boundary=" + boundary,
        head, body, tail);
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("too large"), r.body());
    assertEquals(0, Db.count(tenant, "SELECT COUNT(*) FROM person_documents WHERE person_id = " + id));
  }

  @Test
  void jsonNestedBeyondItsLimitIs400BeforeAnythingRuns() {
    for (int depth : new int[] {65, 1000, 5000}) {
      String arrays = "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      for (String path : List.of("/api/people", "/api/auth/login", "/api/companies")) {
        Resp r = api.post(path, arrays, path.equals("/api/people") ? tenant.token() : null);
        assertEquals(400, r.status(), path + " " + depth + ": " + r.body());
        assertEquals("The request body is nested more than 64 levels deep.", r.message());
      }
    }
  }
}
