package org.mpm.st;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for TextBee's gateway API as documented: {@code POST /api/v1/gateway/devices/{deviceId}/send-sms},
 * header {@code x-api-key}, body {@code {"recipients": [phone], "message"}}; answered 201 {@code {"data":
 * {"success": true, "message": "SMS added to queue for processing", "smsBatchId", "recipientCount"}}}. No key is
 * 401 {@code {"message": "Unauthorized"}}; a device id starting {@code unknown} is 404; a body without recipients
 * or message 400. Faults by API key: {@code DOWN-…} 503, {@code FAIL<n>-…} 500 {@code {"error": "Failed to send
 * SMS"}} on the first n calls.
 *
 * <p>Received messages, as TextBee lists them: {@code GET /api/v1/gateway/devices/{deviceId}/get-received-sms
 * ?page&limit} (limit 50 by default, at most 100), newest first, answered {@code {"meta": {"page", "limit", "total",
 * "totalPages"}, "data": [{"_id", "message", "sender", "receivedAt", "type": "RECEIVED", "device": {…}, …}]}}; an
 * unknown device is 400 {@code {"success": false, "error": "Device does not exist"}}. A test adds a device's
 * received messages with {@link #receive}.
 */
final class TextbeeSimulator extends VendorSimulator {

  private static final Pattern SEND = Pattern.compile("/api/v1/gateway/devices/([^/]+)/send-sms");
  private static final Pattern RECEIVED = Pattern.compile("/api/v1/gateway/devices/([^/]+)/get-received-sms");
  /** Per device: its received messages as TextBee keeps them. */
  private final Map<String, List<JsonObject>> inbox = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(0x65f0a0000000L);

  static TextbeeSimulator start() throws IOException {
    TextbeeSimulator s = new TextbeeSimulator();
    s.listen();
    return s;
  }

  /** The messages sent with this API key: each {@code {"recipients", "message"}}, with the device in the path. */
  List<Request> sentWith(String apiKey) {
    return requests().stream().filter(r -> SEND.matcher(r.path()).matches()
        && apiKey.equals(r.headers().get("x-api-key"))).toList();
  }

  /** A message the device received: TextBee's id, the sender, the text and when it was received. */
  void receive(String device, String id, String sender, String message, Instant receivedAt) {
    inbox.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>()).add(Json.createObjectBuilder()
        .add("_id", id).add("message", message).add("sender", sender).add("receivedAt", receivedAt.toString())
        .add("type", "RECEIVED").add("status", "received")
        .add("device", Json.createObjectBuilder().add("_id", device).add("brand", "samsung").add("enabled", true))
        .add("createdAt", receivedAt.toString()).add("updatedAt", receivedAt.toString()).build());
  }

  /** The listings of received messages asked for with this API key. */
  List<Request> listingsWith(String apiKey) {
    return requests().stream().filter(r -> RECEIVED.matcher(r.path()).matches()
        && apiKey.equals(r.headers().get("x-api-key"))).toList();
  }

  private Answer received(Request r, String device) {
    String key = r.headers().get("x-api-key");
    if (key == null || key.isEmpty()) {
      return new Answer(401, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
    }
    if (device.startsWith("unknown")) {
      return new Answer(400, "{\"success\":false,\"error\":\"Device does not exist\"}");
    }
    if (down(key)) {
      return new Answer(503, "");
    }
    int page = r.param("page") == null ? 1 : Integer.parseInt(r.param("page"));
    int limit = r.param("limit") == null ? 50 : Math.min(Integer.parseInt(r.param("limit")), 100);
    List<JsonObject> all = new ArrayList<>(inbox.getOrDefault(device, List.of()));
    all.sort(Comparator.comparing((JsonObject o) -> o.getString("receivedAt")).reversed());
    JsonArrayBuilder data = Json.createArrayBuilder();
    all.stream().skip((long) (page - 1) * limit).limit(limit).forEach(data::add);
    return new Answer(200, Json.createObjectBuilder().add("meta", Json.createObjectBuilder().add("page", page)
        .add("limit", limit).add("total", all.size()).add("totalPages", (all.size() + limit - 1) / limit))
        .add("data", data).build().toString());
  }

  static JsonObject json(Request r) {
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  @Override
  Answer answer(Request r) {
    Matcher listing = RECEIVED.matcher(r.path());
    if ("GET".equals(r.method()) && listing.matches()) {
      return received(r, listing.group(1));
    }
    Matcher m = SEND.matcher(r.path());
    if (!"POST".equals(r.method()) || !m.matches()) {
      return new Answer(404, "{\"message\":\"Cannot " + r.method() + " " + r.path() + "\",\"statusCode\":404}");
    }
    String key = r.headers().get("x-api-key");
    if (key == null || key.isEmpty()) {
      return new Answer(401, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
    }
    if (m.group(1).startsWith("unknown")) {
      return new Answer(404, "{\"error\":\"Device does not exist\"}");
    }
    JsonObject body;
    try {
      body = json(r);
    } catch (RuntimeException e) {
      return new Answer(400, "{\"message\":\"Invalid JSON\",\"statusCode\":400}");
    }
    if (!body.containsKey("recipients") || body.getJsonArray("recipients").isEmpty() || !body.containsKey("message")) {
      return new Answer(400, "{\"error\":\"Invalid recipients or message\"}");
    }
    if (down(key)) {
      return new Answer(503, "");
    }
    if (failsNow(key)) {
      return new Answer(500, "{\"error\":\"Failed to send SMS\"}");
    }
    String batch = Long.toHexString(ids.incrementAndGet()) + "a1b2c3d4e5f6";
    return new Answer(201, "{\"data\":{\"success\":true,\"message\":\"SMS added to queue for processing\","
        + "\"smsBatchId\":\"" + batch + "\",\"recipientCount\":" + body.getJsonArray("recipients").size() + "}}");
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_TEXTBEE_URL", baseUrl() + "/api/v1", "MPM_TEXTBEE_TIMEOUT_MS", "2000");
  }
}
