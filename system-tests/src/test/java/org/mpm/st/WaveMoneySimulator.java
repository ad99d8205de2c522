package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Wave Money's (Myanmar) payment gateway as its integration guide documents it: {@code POST /payment}
 * with a form of merchant_id, order_id, merchant_reference_id, frontend_result_url, backend_result_url, amount,
 * time_to_live_in_seconds, payment_description, merchant_name, items and hash = hex HMAC-SHA256 of
 * time_to_live_in_seconds + merchant_id + order_id + amount + backend_result_url + merchant_reference_id with the
 * merchant's hash secret key. Answered 200 {@code {"message":"success","transaction_id":…}}; a wrong hash or a missing
 * field 400 {@code {"message":"INVALID_HASH"}}; a merchant registered as down 503. Merchants and their secrets are
 * registered by the tests ({@link #merchant}); {@link #callbackHash} signs a callback as Wave Money does.
 */
final class WaveMoneySimulator implements ServerSimulator {

  static final List<String> FIELDS = List.of("merchant_id", "order_id", "merchant_reference_id",
      "frontend_result_url", "backend_result_url", "amount", "time_to_live_in_seconds", "payment_description",
      "merchant_name", "items", "hash");

  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, Boolean> down = new ConcurrentHashMap<>();
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(360);
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "wave-money-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private WaveMoneySimulator() {}

  static WaveMoneySimulator start() throws IOException {
    WaveMoneySimulator s = new WaveMoneySimulator();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    s.server.setExecutor(s.executor);
    s.server.createContext("/payment", s::handle);
    s.server.start();
    return s;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A merchant Wave Money knows, with its hash secret key; a down merchant's requests are answered 503. */
  void merchant(String merchantId, String secret, boolean isDown) {
    secrets.put(merchantId, secret);
    down.put(merchantId, isDown);
  }

  /** The payment requests received (valid or not), oldest first. */
  List<Map<String, String>> requests() {
    return requests;
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  static String hmac(String secret, String... values) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      StringBuilder m = new StringBuilder();
      for (String v : values) {
        m.append(v == null ? "null" : v);
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(m.toString().getBytes(StandardCharsets.UTF_8))) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A callback's hashValue as Wave Money computes it. */
  static String callbackHash(String secret, String merchantId, String orderId, String amount, String backendUrl,
      String referenceId, String msisdn, String transactionId, String paymentRequestId, String requestTime) {
    return hmac(secret, merchantId, orderId, amount, backendUrl, referenceId, msisdn, transactionId,
        paymentRequestId, requestTime);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, "");
      return;
    }
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    requests.add(form);
    String merchant = form.get("merchant_id");
    if (merchant != null && Boolean.TRUE.equals(down.get(merchant))) {
      answer(exchange, 503, "");
      return;
    }
    String secret = merchant == null ? null : secrets.get(merchant);
    boolean complete = FIELDS.stream().allMatch(f -> form.get(f) != null && !form.get(f).isEmpty());
    if (secret == null || !complete || !hmac(secret, form.get("time_to_live_in_seconds"), merchant,
        form.get("order_id"), form.get("amount"), form.get("backend_result_url"),
        form.get("merchant_reference_id")).equals(form.get("hash"))) {
      answer(exchange, 400, "{\"message\":\"INVALID_HASH\"}");
      return;
    }
    answer(exchange, 200, "{\"message\":\"success\",\"transaction_id\":\"" + ids.incrementAndGet() + "\"}");
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
    return Map.of("MPM_WAVE_MONEY_URL", url(), "MPM_WAVE_MONEY_TIMEOUT_MS", "2000");
  }
}
