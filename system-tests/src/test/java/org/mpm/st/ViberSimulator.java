package org.mpm.st;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Viber's bot REST API as documented: {@code POST /pa/send_message} with header
 * {@code X-Viber-Auth-Token} and body {@code {"receiver", "min_api_version", "sender": {"name", "avatar"},
 * "type": "text", "text"}}, answered 200 {@code {"status": 0, "status_message": "ok", "message_token",
 * "chat_hostname"}}; {@code POST /pa/set_webhook} ({@code {"url"}}) and {@code POST /pa/get_account_info}
 * (answering a {@code uri}). Viber answers errors with HTTP 200 and a non-zero status: no token 2
 * {@code invalidAuthToken}, no receiver or text 3 {@code badData}. Faults by token: {@code DOWN-…} HTTP 500,
 * {@code FAIL<n>-…} status 12 {@code tooManyRequests} on the first n messages.
 */
final class ViberSimulator extends VendorSimulator {

  private final AtomicLong tokens = new AtomicLong(5741311803571721087L);

  static ViberSimulator start() throws IOException {
    ViberSimulator s = new ViberSimulator();
    s.listen();
    return s;
  }

  /** The messages sent with this token, as their JSON bodies. */
  List<JsonObject> sentWith(String token) {
    return requests().stream().filter(r -> r.path().equals("/pa/send_message")
        && token.equals(r.headers().get("x-viber-auth-token"))).map(ViberSimulator::json).toList();
  }

  /** The webhooks set with this token. */
  List<JsonObject> webhooksOf(String token) {
    return requests().stream().filter(r -> r.path().equals("/pa/set_webhook")
        && token.equals(r.headers().get("x-viber-auth-token"))).map(ViberSimulator::json).toList();
  }

  static JsonObject json(Request r) {
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  private static Answer status(int status, String message) {
    return new Answer(200, "{\"status\":" + status + ",\"status_message\":\"" + message + "\"}");
  }

  @Override
  Answer answer(Request r) {
    if (!"POST".equals(r.method())) {
      return new Answer(405, "");
    }
    String token = r.headers().get("x-viber-auth-token");
    if (token == null || token.isEmpty()) {
      return status(2, "invalidAuthToken");
    }
    if (down(token)) {
      return new Answer(500, "");
    }
    JsonObject body;
    try {
      body = json(r);
    } catch (RuntimeException e) {
      return status(3, "badData");
    }
    switch (r.path()) {
      case "/pa/set_webhook":
        return new Answer(200, "{\"status\":0,\"status_message\":\"ok\",\"event_types\":[\"delivered\",\"seen\","
            + "\"failed\",\"subscribed\",\"unsubscribed\",\"conversation_started\"]}");
      case "/pa/get_account_info":
        return new Answer(200, "{\"status\":0,\"status_message\":\"ok\",\"id\":\"pa:75346594275468546724\","
            + "\"name\":\"Harbour Energy\",\"uri\":\"harbourenergy\",\"subscribers_count\":2}");
      case "/pa/send_message":
        if (!body.containsKey("receiver") || !body.containsKey("text")) {
          return status(3, "badData");
        }
        if (failsNow(token)) {
          return status(12, "tooManyRequests");
        }
        return new Answer(200, "{\"status\":0,\"status_message\":\"ok\",\"message_token\":" + tokens.incrementAndGet()
            + ",\"chat_hostname\":\"SN-CHAT-01_\"}");
      default:
        return new Answer(404, "");
    }
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_VIBER_URL", baseUrl(), "MPM_VIBER_TIMEOUT_MS", "2000");
  }
}
