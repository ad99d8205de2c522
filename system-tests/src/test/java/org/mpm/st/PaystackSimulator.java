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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Paystack's API (https://paystack.com/docs/api/transaction/) as a merchant's server uses it, with
 * {@code Authorization: Bearer <secret key>} (missing: 401 {@code {"status":false,"message":"…"}}):
 * <ul>
 *   <li>{@code POST /transaction/initialize} {@code {email, amount (subunits), reference?, currency?, callback_url?,
 *       metadata?}} → {@code {"status":true,"message":"Authorization URL created","data":{"authorization_url",
 *       "access_code","reference"}}}; a reference used before 400 "Duplicate Transaction Reference".</li>
 *   <li>{@code GET /transaction/verify/{reference}} → {@code {"status":true,"message":"Verification successful",
 *       "data":{"id","domain","status","reference","amount","gateway_response","paid_at","channel","currency",…}}}:
 *       {@code abandoned} until the payer pays ({@link #pay}) or fails ({@link #fail}); a reference of another
 *       account or none 400 "Transaction reference not found".</li>
 * </ul>
 * The merchant's webhook events are built by {@link #event} and sent signed ({@code x-paystack-signature}: hex
 * HMAC-SHA512 of the raw body with the secret key) by {@link #sendWebhook}.
 */
final class PaystackSimulator implements ServerSimulator {

  /** A transaction on the simulated account. */
  static final class Charge {
    final long id;
    final String secret;
    final String reference;
    final long amount;
    final String currency;
    final String email;
    final JsonObject metadata;
    volatile String status = "abandoned";

    Charge(long id, String secret, String reference, long amount, String currency, String email,
        JsonObject metadata) {
      this.id = id;
      this.secret = secret;
      this.reference = reference;
      this.amount = amount;
      this.currency = currency;
      this.email = email;
      this.metadata = metadata;
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final Map<String, Charge> charges = new ConcurrentHashMap<>();
  private final List<JsonObject> initializations = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(4_099_260_000L);
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "paystack-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private PaystackSimulator() {}

  static PaystackSimulator start() throws IOException {
    PaystackSimulator s = new PaystackSimulator();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.server.setExecutor(s.executor);
    s.server.createContext("/", s::handle);
    s.server.start();
    return s;
  }

  /** The base URL the server is configured with (MPM_PAYSTACK_URL). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The initialize requests received (bodies), oldest first. */
  List<JsonObject> initializations() {
    return initializations;
  }

  Charge charge(String reference) {
    return charges.get(reference);
  }

  /** The payer completed the payment on Paystack's page. */
  void pay(String reference) {
    charges.get(reference).status = "success";
  }

  /** The payer's payment failed on Paystack's page. */
  void fail(String reference) {
    charges.get(reference).status = "failed";
  }

  /** The transaction's {@code data} object as Paystack reports it (verify answer and webhook events). */
  JsonObject data(Charge c, long amount, String currency) {
    return Json.createObjectBuilder().add("id", c.id).add("domain", "test").add("status", c.status)
        .add("reference", c.reference).add("amount", amount).add("message", JsonValue.NULL)
        .add("gateway_response", "success".equals(c.status) ? "Successful" : "Declined")
        .add("paid_at", Instant.now().toString()).add("created_at", Instant.now().toString())
        .add("channel", "card").add("currency", currency).add("ip_address", "127.0.0.1")
        .add("metadata", c.metadata == null ? JsonValue.NULL : c.metadata).add("fees", amount / 100 * 1)
        .add("customer", Json.createObjectBuilder().add("id", 84312).add("email", c.email)
            .add("customer_code", "CUS_hdhye17yj8qd2tx"))
        .add("authorization", Json.createObjectBuilder().add("authorization_code", "AUTH_8dfhjjdt")
            .add("card_type", "visa").add("last4", "4081").add("bank", "TEST BANK"))
        .build();
  }

  /** A webhook event ({@code charge.success}, {@code charge.failed}) for the transaction, as Paystack sends it. */
  String event(String name, String reference) {
    Charge c = charges.get(reference);
    return event(name, c, c.amount, c.currency);
  }

  /** A webhook event reporting another amount (subunits) or currency than the transaction's. */
  String event(String name, Charge c, long amount, String currency) {
    return Json.createObjectBuilder().add("event", name).add("data", data(c, amount, currency)).build().toString();
  }

  /** A {@code charge.success} event for a reference the account never issued. */
  String unknownEvent(String reference, long amount, String currency) {
    Charge ghost = new Charge(ids.incrementAndGet(), "", reference, amount, currency, "ghost@example.com", null);
    ghost.status = "success";
    return event("charge.success", ghost, amount, currency);
  }

  static String sign(String body, String secretKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a webhook body to the merchant's URL signed with the secret key; the answer's status and body. */
  static HttpResponse<String> sendWebhook(String url, String body, String secretKey) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (secretKey != null) {
      req.header("x-paystack-signature", sign(body, secretKey));
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
      answer(exchange, 401, "{\"status\":false,\"message\":\"No Authorization Header was found\"}");
      return;
    }
    String secret = auth.substring(7);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if ("POST".equals(method) && "/transaction/initialize".equals(path)) {
      initialize(exchange, secret, body);
    } else if ("GET".equals(method) && path.startsWith("/transaction/verify/")) {
      Charge c = charges.get(path.substring("/transaction/verify/".length()));
      if (c == null || !c.secret.equals(secret)) {
        answer(exchange, 400, "{\"status\":false,\"message\":\"Transaction reference not found\"}");
        return;
      }
      answer(exchange, 200, Json.createObjectBuilder().add("status", true).add("message", "Verification successful")
          .add("data", data(c, c.amount, c.currency)).build().toString());
    } else {
      answer(exchange, 404, "{\"status\":false,\"message\":\"Not found\"}");
    }
  }

  private void initialize(HttpExchange exchange, String secret, String body) throws IOException {
    JsonObject req;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      req = reader.readObject();
    } catch (RuntimeException e) {
      answer(exchange, 400, "{\"status\":false,\"message\":\"Invalid JSON\"}");
      return;
    }
    initializations.add(req);
    String email = req.getString("email", "");
    Long amount = subunits(req.get("amount"));
    if (email.isBlank() || !email.contains("@")) {
      answer(exchange, 400, "{\"status\":false,\"message\":\"Invalid Email Address Passed\"}");
      return;
    }
    if (amount == null || amount <= 0) {
      answer(exchange, 400, "{\"status\":false,\"message\":\"Invalid Amount Sent\"}");
      return;
    }
    String reference = req.getString("reference", UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    String currency = req.getString("currency", "NGN");
    JsonObject metadata = req.get("metadata") instanceof JsonObject m ? m : null;
    Charge c = new Charge(ids.incrementAndGet(), secret, reference, amount, currency, email, metadata);
    if (charges.putIfAbsent(reference, c) != null) {
      answer(exchange, 400, "{\"status\":false,\"message\":\"Duplicate Transaction Reference\"}");
      return;
    }
    String accessCode = "ac" + Long.toString(c.id, 36);
    JsonObjectBuilder data = Json.createObjectBuilder()
        .add("authorization_url", "https://checkout.paystack.com/" + accessCode).add("access_code", accessCode)
        .add("reference", reference);
    answer(exchange, 200, Json.createObjectBuilder().add("status", true).add("message", "Authorization URL created")
        .add("data", data).build().toString());
  }

  /** Paystack takes the amount as an integer number of subunits, sent as a number or a string. */
  private static Long subunits(JsonValue v) {
    try {
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue().longValueExact();
      }
      if (v instanceof JsonString s) {
        return Long.parseLong(s.getString());
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
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

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_PAYSTACK_URL", url(), "MPM_PAYSTACK_TIMEOUT_MS", "5000");
  }
}
