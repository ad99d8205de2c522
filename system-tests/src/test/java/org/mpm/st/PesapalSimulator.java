package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Pesapal's API 3.0 as its documentation describes it:
 * <ul>
 *   <li>{@code POST /api/Auth/RequestToken} {@code {consumer_key, consumer_secret}} → {@code {token, expiryDate,
 *       error: null, status: "200", message}}; unknown credentials → {@code token} null with Pesapal's error object
 *       and {@code status: "500"};
 *   <li>every other call needs {@code Authorization: Bearer <token>} (five minutes), else 401;
 *   <li>{@code POST /api/URLSetup/RegisterIPN} {@code {url, ipn_notification_type: GET|POST}} → {@code {url,
 *       created_date, ipn_id, notification_type, ipn_notification_type_description, ipn_status, error, status}};
 *   <li>{@code POST /api/Transactions/SubmitOrderRequest} {@code {id, currency, amount, description, callback_url,
 *       notification_id, billing_address: {email_address | phone_number}}} → {@code {order_tracking_id,
 *       merchant_reference, redirect_url, error, status}}; an id already used, an IPN id that is not the account's, or
 *       a bad field → Pesapal's error object;
 *   <li>{@code GET /api/Transactions/GetTransactionStatus?orderTrackingId=} → the order's status as the test set it
 *       ({@link #settle}): {@code payment_method, amount, created_date, confirmation_code,
 *       payment_status_description, description, message, payment_account, call_back_url, status_code,
 *       merchant_reference, payment_status_code, currency, error} with the error object's values null; an order
 *       not paid yet is INVALID (0); an order of another account is an error.
 * </ul>
 * The test plays the payer ({@link #settle}) and makes Pesapal notify the order's IPN URL ({@link #notifyIpn}), by
 * GET with {@code OrderTrackingId, OrderMerchantReference, OrderNotificationType=IPNCHANGE} as the URL was
 * registered, or by POST with the same fields as JSON.
 */
final class PesapalSimulator implements ServerSimulator {

  /** A merchant's consumer key and secret. */
  record Account(String consumerKey, String consumerSecret) {}

  /** A submitted order: its account, request body and IPN. */
  record Order(String trackingId, String consumerKey, JsonObject request, String ipnUrl, String ipnType) {
    String merchantReference() {
      return request.getString("id");
    }
  }

  /** What GetTransactionStatus reports for an order. */
  record Settlement(int statusCode, String amount, String currency, String confirmationCode) {}

  private final Map<String, Account> byKey = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, String[]> ipns = new ConcurrentHashMap<>();
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final Map<String, String> references = new ConcurrentHashMap<>();
  private final Map<String, Settlement> settlements = new ConcurrentHashMap<>();
  private final List<String> tokenCalls = new CopyOnWriteArrayList<>();
  private final AtomicInteger statusCalls = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "pesapal-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private PesapalSimulator() {}

  static PesapalSimulator start() throws IOException {
    PesapalSimulator s = new PesapalSimulator();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.server.setExecutor(s.executor);
    s.server.createContext("/api/Auth/RequestToken", s::token);
    s.server.createContext("/api/URLSetup/RegisterIPN", s::registerIpn);
    s.server.createContext("/api/Transactions/SubmitOrderRequest", s::submitOrder);
    s.server.createContext("/api/Transactions/GetTransactionStatus", s::status);
    s.server.start();
    return s;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void register(Account a) {
    byKey.put(a.consumerKey(), a);
  }

  /** The consumer keys of the token requests answered with a token, oldest first. */
  List<String> tokenCalls() {
    return tokenCalls;
  }

  /** How many GetTransactionStatus calls were answered. */
  int statusCalls() {
    return statusCalls.get();
  }

  /** The IPN registered under this id: {url, notification type, consumer key}, or null. */
  String[] ipn(String ipnId) {
    return ipns.get(ipnId);
  }

  Order order(String trackingId) {
    return orders.get(trackingId);
  }

  /** The payer finished (or failed) the order: GetTransactionStatus reports this from now on. */
  void settle(String trackingId, int statusCode, String amount, String currency, String confirmationCode) {
    settlements.put(trackingId, new Settlement(statusCode, amount, currency, confirmationCode));
  }

  /** The order was paid in full, as submitted. */
  void pay(String trackingId, String confirmationCode) {
    JsonObject o = orders.get(trackingId).request();
    settle(trackingId, 1, o.getJsonNumber("amount").bigDecimalValue().toPlainString(), o.getString("currency"),
        confirmationCode);
  }

  /** Pesapal notifies the order's IPN URL the way it was registered. */
  HttpResponse<String> notifyIpn(String trackingId) throws Exception {
    Order o = orders.get(trackingId);
    return sendIpn(o.ipnUrl(), o.ipnType(), trackingId, o.merchantReference());
  }

  /** An IPN to any URL, by GET (query) or POST (JSON). */
  HttpResponse<String> sendIpn(String url, String type, String trackingId, String merchantReference)
      throws Exception {
    if ("POST".equals(type)) {
      String body = Json.createObjectBuilder().add("OrderNotificationType", "IPNCHANGE")
          .add("OrderTrackingId", trackingId).add("OrderMerchantReference", merchantReference).build().toString();
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
    String query = "OrderTrackingId=" + enc(trackingId) + "&OrderMerchantReference=" + enc(merchantReference)
        + "&OrderNotificationType=IPNCHANGE";
    return http.send(HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + query))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_PESAPAL_URL", baseUrl(), "MPM_PESAPAL_TIMEOUT_MS", "5000");
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void token(HttpExchange ex) throws IOException {
    JsonObject body = json(drain(ex));
    if (!"POST".equals(ex.getRequestMethod())) {
      answer(ex, 405, "");
      return;
    }
    Account a = body == null ? null : byKey.get(body.getString("consumer_key", ""));
    if (a == null || !a.consumerSecret().equals(body.getString("consumer_secret", ""))) {
      answer(ex, 200, "{\"token\":null,\"expiryDate\":null,\"error\":{\"error_type\":\"api_error\",\"code\":"
          + "\"invalid_consumer_key_or_secret_provided\",\"message\":\"Invalid consumer_key or consumer_secret"
          + " provided\"},\"status\":\"500\",\"message\":\"An error has occurred\"}");
      return;
    }
    String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, a.consumerKey());
    tokenCalls.add(a.consumerKey());
    answer(ex, 200, "{\"token\":\"" + token + "\",\"expiryDate\":\"" + Instant.now().plusSeconds(300)
        + "\",\"error\":null,\"status\":\"200\",\"message\":\"Request processed successfully\"}");
  }

  /** The account of the request's bearer token; answered 401 here when there is none. */
  private String account(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String key = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7).trim()) : null;
    if (key == null) {
      answer(ex, 401, "");
    }
    return key;
  }

  private void registerIpn(HttpExchange ex) throws IOException {
    JsonObject body = json(drain(ex));
    String key = account(ex);
    if (key == null) {
      return;
    }
    String url = body == null ? "" : body.getString("url", "");
    String type = body == null ? "" : body.getString("ipn_notification_type", "");
    if (!url.matches("https?://\\S+") || !(type.equals("GET") || type.equals("POST"))) {
      answer(ex, 200, error("invalid_ipn_registration", "A valid url and ipn_notification_type (GET or POST) are"
          + " required"));
      return;
    }
    String id = UUID.randomUUID().toString();
    ipns.put(id, new String[] {url, type, key});
    answer(ex, 200, "{\"url\":\"" + url + "\",\"created_date\":\"" + Instant.now() + "\",\"ipn_id\":\"" + id
        + "\",\"notification_type\":" + (type.equals("GET") ? 0 : 1) + ",\"ipn_notification_type_description\":\""
        + type + "\",\"ipn_status\":1,\"ipn_status_description\":\"Active\",\"error\":null,\"status\":\"200\"}");
  }

  private void submitOrder(HttpExchange ex) throws IOException {
    JsonObject body = json(drain(ex));
    String key = account(ex);
    if (key == null) {
      return;
    }
    String id = body == null ? "" : body.getString("id", "");
    if (!id.matches("[A-Za-z0-9_.:-]{1,50}")) {
      answer(ex, 200, error("invalid_merchant_reference", "id must be 1 to 50 characters: letters, digits, - _ . :"));
      return;
    }
    String[] ipn = ipns.get(body.getString("notification_id", ""));
    if (ipn == null || !ipn[2].equals(key)) {
      answer(ex, 200, error("invalid_notification_id", "Invalid notification_id provided"));
      return;
    }
    if (!(body.get("amount") instanceof JsonNumber amount) || amount.bigDecimalValue().signum() <= 0
        || !body.getString("currency", "").matches("[A-Z]{3}")) {
      answer(ex, 200, error("invalid_amount", "A valid amount and currency are required"));
      return;
    }
    String description = body.getString("description", "");
    String callback = body.getString("callback_url", "");
    JsonObject billing = body.getJsonObject("billing_address");
    if (description.isEmpty() || description.length() > 100 || !callback.matches("https?://\\S+") || billing == null
        || (billing.getString("email_address", "").isEmpty() && billing.getString("phone_number", "").isEmpty())) {
      answer(ex, 200, error("invalid_request", "description, callback_url and billing_address (email_address or"
          + " phone_number) are required"));
      return;
    }
    if (references.putIfAbsent(key + "|" + id, id) != null) {
      answer(ex, 200, error("duplicate_merchant_reference", "Order with merchant reference " + id
          + " already exists"));
      return;
    }
    String tracking = UUID.randomUUID().toString();
    orders.put(tracking, new Order(tracking, key, body, ipn[0], ipn[1]));
    answer(ex, 200, "{\"order_tracking_id\":\"" + tracking + "\",\"merchant_reference\":\"" + id
        + "\",\"redirect_url\":\"https://cybqa.pesapal.com/pesapaliframe/PesapalIframe3/Index?OrderTrackingId="
        + tracking + "\",\"error\":null,\"status\":\"200\"}");
  }

  private void status(HttpExchange ex) throws IOException {
    drain(ex);
    String key = account(ex);
    if (key == null) {
      return;
    }
    String query = ex.getRequestURI().getRawQuery();
    String tracking = null;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("orderTrackingId=")) {
        tracking = URLDecoder.decode(pair.substring(16), StandardCharsets.UTF_8);
      }
    }
    Order o = tracking == null ? null : orders.get(tracking);
    if (o == null || !o.consumerKey().equals(key)) {
      answer(ex, 200, error("invalid_order_tracking_id", "Invalid order tracking id provided"));
      return;
    }
    statusCalls.incrementAndGet();
    Settlement s = settlements.getOrDefault(tracking, new Settlement(0, o.request().getJsonNumber("amount")
        .bigDecimalValue().toPlainString(), o.request().getString("currency"), ""));
    String description = switch (s.statusCode()) {
      case 1 -> "Completed";
      case 2 -> "Failed";
      case 3 -> "Reversed";
      default -> "INVALID";
    };
    answer(ex, 200, "{\"payment_method\":\"MpesaKE\",\"amount\":" + new BigDecimal(s.amount()).toPlainString()
        + ",\"created_date\":\"" + Instant.now() + "\",\"confirmation_code\":\"" + s.confirmationCode()
        + "\",\"payment_status_description\":\"" + description + "\",\"description\":\""
        + (s.statusCode() == 2 ? "Unable to Authorize Transaction.Kindly contact your bank" : "") + "\","
        + "\"message\":\"Request processed successfully\",\"payment_account\":\"2547XXXXX678\","
        + "\"call_back_url\":\"" + o.request().getString("callback_url") + "?OrderTrackingId=" + tracking
        + "&OrderMerchantReference=" + o.merchantReference() + "\",\"status_code\":" + s.statusCode()
        + ",\"merchant_reference\":\"" + o.merchantReference() + "\",\"payment_status_code\":\"\",\"currency\":\""
        + s.currency() + "\",\"error\":{\"error_type\":null,\"code\":null,\"message\":null,\"call_back_url\":null},"
        + "\"status\":\"200\"}");
  }

  private static String error(String code, String message) {
    return "{\"error\":{\"error_type\":\"api_error\",\"code\":\"" + code + "\",\"message\":\"" + message + "\"},"
        + "\"status\":\"500\"}";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String drain(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject json(String text) {
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void answer(HttpExchange ex, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }
}
