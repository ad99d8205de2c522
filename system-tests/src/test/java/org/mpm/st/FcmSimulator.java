package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Firebase Cloud Messaging's legacy HTTP send ({@code POST /fcm/send}) as MPM's Android gateway
 * uses it: {@code Authorization: key=<server key>}, body {@code {"data": {…}, "to": <device token>}}; answered
 * 200 {@code {"multicast_id", "success": 1, "failure": 0, "canonical_ids": 0, "results": [{"message_id"}]}}. A
 * request without a key is FCM's 401. Device tokens that play faults: {@code FAIL<n>-…} is answered 200 with
 * {@code "failure": 1} and {@code "error": "Unavailable"} on its first n pushes, {@code DOWN-…} always 503,
 * {@code SLOW-…} takes {@link #SLOW_MILLIS} per push.
 */
final class FcmSimulator implements ServerSimulator {

  static final long SLOW_MILLIS = 15;

  private final List<JsonObject> pushes = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(6_000_000_000L);
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fcm-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private FcmSimulator() {}

  static FcmSimulator start() throws IOException {
    FcmSimulator s = new FcmSimulator();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    s.server.setExecutor(s.executor);
    s.server.createContext("/fcm/send", s::handle);
    s.server.start();
    return s;
  }

  /** The URL the server is configured with. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fcm/send";
  }

  /** The accepted and refused pushes, oldest first: each {@code {"data": {…}, "to": …}}. */
  List<JsonObject> pushes() {
    return pushes;
  }

  /** The pushes to one device token. */
  List<JsonObject> pushesTo(String token) {
    return pushes.stream().filter(p -> token.equals(p.getString("to", null))).toList();
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, "");
      return;
    }
    if (auth == null || !auth.startsWith("key=") || auth.length() == 4) {
      answer(exchange, 401, "<HTML><HEAD><TITLE>The request was missing an Authentication Key.</TITLE></HEAD></HTML>");
      return;
    }
    JsonObject push;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      push = reader.readObject();
    } catch (RuntimeException e) {
      answer(exchange, 400, "JSON_PARSING_ERROR: Unexpected character");
      return;
    }
    pushes.add(push);
    String to = push.getString("to", "");
    int n = calls.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
    if (to.startsWith("SLOW-")) {
      try {
        Thread.sleep(SLOW_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (to.startsWith("DOWN-")) {
      answer(exchange, 503, "");
      return;
    }
    int failFirst = to.matches("FAIL\\d+-.*") ? Integer.parseInt(to.substring(4, to.indexOf('-'))) : 0;
    long multicast = ids.incrementAndGet();
    if (n <= failFirst) {
      answer(exchange, 200, "{\"multicast_id\":" + multicast + ",\"success\":0,\"failure\":1,\"canonical_ids\":0,"
          + "\"results\":[{\"error\":\"Unavailable\"}]}");
    } else {
      answer(exchange, 200, "{\"multicast_id\":" + multicast + ",\"success\":1,\"failure\":0,\"canonical_ids\":0,"
          + "\"results\":[{\"message_id\":\"0:" + multicast + "%31bd1c9631bd1c96\"}]}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_SMS_ANDROID_URL", url(), "MPM_SMS_ANDROID_KEY", "simulator-server-key",
        "MPM_SMS_ANDROID_TIMEOUT_MS", "2000");
  }
}
