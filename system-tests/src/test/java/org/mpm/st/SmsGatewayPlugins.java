package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/** What the SMS gateway plugins' tests share: a company sending through a plugin, messages and their states. */
final class SmsGatewayPlugins {

  static final String NOT_ENABLED = "{\"message\":\"The plugin is not enabled for this company.\"}";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SmsGatewayPlugins() {}

  /** A new company with the plugin enabled, these credentials saved and the plugin chosen as its SMS gateway. */
  static Tenant companyWith(Api api, String prefix, long pluginId, String credentialPath, String credentials) {
    Tenant t = api.registerCompany(prefix);
    Resp on = api.put("/api/plugins/" + pluginId, "{\"checked\":true}", t.token());
    assertEquals(200, on.status(), on.body());
    Resp c = api.put(credentialPath, credentials, t.token());
    assertEquals(200, c.status(), c.body());
    Resp s = api.put("/api/settings/main/1", "{\"sms_gateway_id\":" + pluginId + "}", t.token());
    assertEquals(200, s.status(), s.body());
    return t;
  }

  /** A manual message ({@code POST /api/sms/storeandsend}), answered queued. */
  static JsonObject send(Api api, Tenant t, String phone, String message) {
    Resp r = api.post("/api/sms/storeandsend", "{\"phone\":\"" + phone + "\",\"message\":\"" + message + "\"}",
        t.token());
    assertEquals(200, r.status(), r.body());
    JsonObject sms = r.obj().getJsonObject("data");
    assertEquals(0, sms.getInt("status"), "queued, sent after the request");
    return sms;
  }

  /** Waits until the message has this status. */
  static void awaitStatus(Tenant t, long id, int status) throws Exception {
    for (int i = 0; i < 300 && count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = " + status) == 0;
        i++) {
      Thread.sleep(100);
    }
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = " + status),
        "message " + id + " reaches status " + status);
  }

  /** Waits until the message's job is given up. */
  static void awaitGivenUp(Tenant t, long id) throws Exception {
    for (int i = 0; i < 300 && count(t, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND ref_id = " + id
        + " AND state = 'failed'") == 0; i++) {
      Thread.sleep(100);
    }
    assertEquals(1, count(t, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND ref_id = " + id
        + " AND state = 'failed'"), "message " + id + " is given up");
  }

  /** A form post (as Africa's Talking calls back). */
  static Resp postForm(TestServer server, String path, String form) {
    return raw(server, path, "application/x-www-form-urlencoded", form, Map.of());
  }

  /** A post with a raw body and headers (a vendor's signed webhook). */
  static Resp raw(TestServer server, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.body(), r.headers());
    } catch (Exception e) {
      throw new IllegalStateException("POST " + path + " failed", e);
    }
  }

  /** The credential table's rows as text, for checks that nothing is stored in clear. */
  static String stored(Tenant t, String table) throws Exception {
    try (var c = Db.tenant(t); var s = c.createStatement(); var rs = s.executeQuery("SELECT * FROM " + table)) {
      StringBuilder out = new StringBuilder();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          out.append(rs.getString(i)).append('|');
        }
        out.append('\n');
      }
      return out.toString();
    }
  }
}
