package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Flutterwave's v3 API (https://developer.flutterwave.com/) as a merchant's server uses it, each
 * call with {@code Authorization: Bearer <secret key>} (missing: 401 {@code {"status":"error","message":…,
 * "data":null}}):
 * <ul>
 *   <li>{@code POST /v3/payments} {@code {tx_ref, amount, currency, redirect_url, customer:{email}, customizations,
 *       meta}} → {@code {"status":"success","message":"Hosted Link","data":{"link":…}}}; no tx_ref, amount or
 *       e-mail, or a tx_ref used before: 400 {@code {"status":"error","message":…,"data":null}}.</li>
 *   <li>{@code GET /v3/transactions/{id}/verify} and {@code GET /v3/transactions/verify_by_reference?tx_ref=} →
 *       {@code {"status":"success","message":"Transaction fetched successfully","data":{"id","tx_ref","flw_ref",
 *       "amount","currency","charged_amount","status","processor_response",…}}}; a transaction of another account
 *       or none: 400 {@code {"status":"error","message":"No transaction was found for this id","data":null}}.</li>
 * </ul>
 * A transaction exists once the payer tries to pay on the hosted page ({@link #pay}, {@link #fail}); its webhook
 * ({@code charge.completed}, or the older flat body) is built by {@link #event} / {@link #legacyEvent} and sent
 * with the dashboard's secret hash in {@code verif-hash} by {@link #sendWebhook}. While {@link #down} is set, every
 * call is answered 503.
 */
final class FlutterwaveSimulator implements ServerSimulator {

  /** A payment link made by {@code POST /v3/payments}. */
  record Link(String secret, String txRef, BigDecimal amount, String currency, String email, JsonObject body) {}

  /** A transaction: the payer's attempt to pay a link. */
  record Charge(long id, String secret, String txRef, BigDecimal amount, String currency, String status) {}

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private final Map<Long, Charge> charges = new ConcurrentHashMap<>();
  private final List<String> verifications = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(285_959_000L);
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "flutterwave-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;
  volatile boolean down;

  private FlutterwaveSimulator() {}

  static FlutterwaveSimulator start() throws IOException {
    FlutterwaveSimulator s = new FlutterwaveSimulator();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.server.setExecutor(s.executor);
    s.server.createContext("/", s::handle);
    s.server.start();
    return s;
  }

  /** The API's base URL the server is configured with (MPM_FLUTTERWAVE_URL), as Flutterwave's: ending in /v3. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_FLUTTERWAVE_URL", url(), "MPM_FLUTTERWAVE_TIMEOUT_MS", "5000");
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  Link link(String txRef) {
    return links.get(txRef);
  }

  /** The verify calls received, as {@code id:<id>} or {@code ref:<tx_ref>}, oldest first. */
  List<String> verifications() {
    return verifications;
  }

  /** The payer paid the link in full. */
  Charge pay(String txRef) {
    Link l = links.get(txRef);
    return attempt(l, l.amount(), l.currency(), "successful");
  }

  /** The payer paid another amount or currency than the link's (a checkout tampered with in the browser). */
  Charge pay(String txRef, BigDecimal amount, String currency) {
    return attempt(links.get(txRef), amount, currency, "successful");
  }

  /** The payer's attempt failed (card declined …). */
  Charge fail(String txRef) {
    Link l = links.get(txRef);
    return attempt(l, l.amount(), l.currency(), "failed");
  }

  private Charge attempt(Link l, BigDecimal amount, String currency, String status) {
    Charge c = new Charge(ids.incrementAndGet(), l.secret(), l.txRef(), amount, currency, status);
    charges.put(c.id(), c);
    return c;
  }

  /** A transaction's {@code data} as Flutterwave reports it (verify answers and webhooks). */
  static JsonObject data(long id, String txRef, BigDecimal amount, String currency, String status) {
    return Json.createObjectBuilder().add("id", id).add("tx_ref", txRef).add("flw_ref", "MPM/FLW" + id)
        .add("device_fingerprint", "62wd23423rq324323qew1").add("amount", amount).add("currency", currency)
        .add("charged_amount", amount).add("app_fee", amount.movePointLeft(2)).add("merchant_fee", 0)
        .add("processor_response", "successful".equals(status) ? "Approved by Financial Institution" : "Declined")
        .add("auth_model", "PIN").add("ip", "197.210.64.96").add("narration", "CARD Transaction ")
        .add("status", status).add("payment_type", "card").add("created_at", Instant.now().toString())
        .add("account_id", 17321)
        .add("customer", Json.createObjectBuilder().add("id", 215604089).add("name", "Anonymous Customer")
            .add("phone_number", "N/A").add("email", "pay@example.com").add("created_at", Instant.now().toString()))
        .add("card", Json.createObjectBuilder().add("first_6digits", "553188").add("last_4digits", "2950")
            .add("issuer", "MASTERCARD CREDIT").add("country", "NG").add("type", "MASTERCARD"))
        .build();
  }

  /** The v3 webhook of a transaction: {@code {"event":"charge.completed","data":{…},"event.type":…}}. */
  String event(Charge c) {
    return event(c.id(), c.txRef(), c.amount(), c.currency(), c.status());
  }

  /** A v3 webhook body with figures of the sender's choosing (what a forger with the hash could send). */
  static String event(long id, String txRef, BigDecimal amount, String currency, String status) {
    return Json.createObjectBuilder().add("event", "charge.completed")
        .add("data", data(id, txRef, amount, currency, status)).add("event.type", "CARD_TRANSACTION").build()
        .toString();
  }

  /** Flutterwave's older flat webhook body ({@code txRef}, {@code flwRef} …) of a transaction. */
  String legacyEvent(Charge c) {
    return Json.createObjectBuilder().add("id", c.id()).add("txRef", c.txRef()).add("flwRef", "MPM/FLW" + c.id())
        .add("orderRef", "URF_" + c.id()).add("amount", c.amount()).add("charged_amount", c.amount())
        .add("status", c.status()).add("currency", c.currency()).add("IP", "197.210.64.96")
        .add("event.type", "CARD_TRANSACTION").build().toString();
  }

  /** Sends a webhook body to the merchant's URL with the secret hash in {@code verif-hash} (none when null). */
  static HttpResponse<String> sendWebhook(String url, String body, String secretHash) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (secretHash != null) {
      req.header("verif-hash", secretHash);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (down) {
      answer(exchange, 503, "{\"status\":\"error\",\"message\":\"Service Unavailable\",\"data\":null}");
      return;
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
      answer(exchange, 401, "{\"status\":\"error\",\"message\":\"Authorization is required\",\"data\":null}");
      return;
    }
    String secret = auth.substring(7);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if ("POST".equals(method) && "/v3/payments".equals(path)) {
      payments(exchange, secret, body);
    } else if ("GET".equals(method) && "/v3/transactions/verify_by_reference".equals(path)) {
      String txRef = query(exchange.getRequestURI().getRawQuery(), "tx_ref");
      verifications.add("ref:" + txRef);
      Charge latest = charges.values().stream().filter(c -> c.txRef().equals(txRef) && c.secret().equals(secret))
          .max((x, y) -> Long.compare(x.id(), y.id())).orElse(null);
      found(exchange, latest);
    } else if ("GET".equals(method) && path.startsWith("/v3/transactions/") && path.endsWith("/verify")) {
      String id = path.substring("/v3/transactions/".length(), path.length() - "/verify".length());
      verifications.add("id:" + id);
      Charge c;
      try {
        c = charges.get(Long.parseLong(id));
      } catch (NumberFormatException e) {
        c = null;
      }
      found(exchange, c == null || !c.secret().equals(secret) ? null : c);
    } else {
      answer(exchange, 404, "{\"status\":\"error\",\"message\":\"Not found\",\"data\":null}");
    }
  }

  private void found(HttpExchange exchange, Charge c) throws IOException {
    if (c == null) {
      answer(exchange, 400, "{\"status\":\"error\",\"message\":\"No transaction was found for this id\","
          + "\"data\":null}");
      return;
    }
    answer(exchange, 200, Json.createObjectBuilder().add("status", "success")
        .add("message", "Transaction fetched successfully")
        .add("data", data(c.id(), c.txRef(), c.amount(), c.currency(), c.status())).build().toString());
  }

  private void payments(HttpExchange exchange, String secret, String body) throws IOException {
    JsonObject req;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      req = reader.readObject();
    } catch (RuntimeException e) {
      answer(exchange, 400, "{\"status\":\"error\",\"message\":\"Invalid JSON\",\"data\":null}");
      return;
    }
    String txRef = req.getString("tx_ref", "");
    BigDecimal amount = amount(req.get("amount"));
    JsonObject customer = req.get("customer") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    String email = customer.getString("email", "");
    if (txRef.isBlank()) {
      answer(exchange, 400, "{\"status\":\"error\",\"message\":\"tx_ref is required\",\"data\":null}");
      return;
    }
    if (amount == null || amount.signum() <= 0) {
      answer(exchange, 400, "{\"status\":\"error\",\"message\":\"amount is required\",\"data\":null}");
      return;
    }
    if (!email.contains("@")) {
      answer(exchange, 400, "{\"status\":\"error\",\"message\":\"customer.email is required\",\"data\":null}");
      return;
    }
    Link l = new Link(secret, txRef, amount, req.getString("currency", "NGN"), email, req);
    if (links.putIfAbsent(txRef, l) != null) {
      answer(exchange, 400, "{\"status\":\"error\",\"message\":\"Duplicate tx_ref\",\"data\":null}");
      return;
    }
    JsonObjectBuilder data = Json.createObjectBuilder().add("link", "https://checkout.flutterwave.com/v3/hosted/pay/"
        + Long.toHexString(ids.incrementAndGet()) + "f524c1196ffda555");
    answer(exchange, 200, Json.createObjectBuilder().add("status", "success").add("message", "Hosted Link")
        .add("data", data).build().toString());
  }

  private static BigDecimal amount(JsonValue v) {
    try {
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue();
      }
      if (v instanceof JsonString s) {
        return new BigDecimal(s.getString());
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String query(String raw, String name) {
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
    }
    return "";
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }
}
