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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Safaricom's Daraja API as its documentation describes it:
 * <ul>
 *   <li>{@code GET /oauth/v1/generate?grant_type=client_credentials} with {@code Authorization: Basic
 *       base64(consumer key:consumer secret)} → 200 {@code {"access_token", "expires_in": "3599"}}; unknown
 *       credentials 400 {@code {"errorCode": "400.008.01", "errorMessage": "Invalid Authentication passed"}};
 *   <li>{@code POST /mpesa/stkpush/v1/processrequest} with {@code Authorization: Bearer <token>} and
 *       {@code {BusinessShortCode, Password, Timestamp, TransactionType, Amount, PartyA, PartyB, PhoneNumber,
 *       CallBackURL, AccountReference, TransactionDesc}}, the password base64(shortcode + passkey + timestamp)
 *       → 200 {@code {"MerchantRequestID", "CheckoutRequestID", "ResponseCode": "0", "ResponseDescription",
 *       "CustomerMessage"}}; an unknown token 401 {@code 404.001.03 Invalid Access Token}; a bad password or field
 *       400 {@code 400.002.02 Bad Request - Invalid …};
 *   <li>{@code POST /mpesa/stkpushquery/v1/query} {@code {BusinessShortCode, Password, Timestamp,
 *       CheckoutRequestID}} → the result the test decided ({@link #complete}), or 500 {@code 500.001.1001 The
 *       transaction is being processed} while the customer has not answered.
 * </ul>
 * A token is good for the shortcodes registered with its consumer key. The test plays the customer: it makes Daraja
 * POST the result callback ({@code {"Body": {"stkCallback": …}}}) to the push's {@code CallBackURL}.
 */
final class SafaricomSimulator implements ServerSimulator {

  /** A company's Daraja account. */
  record Account(String consumerKey, String consumerSecret, String shortcode, String passkey) {}

  private final Map<String, Account> byKey = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> pushes = new ConcurrentHashMap<>();
  private final Map<String, Integer> results = new ConcurrentHashMap<>();
  private final List<String> oauthCalls = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(20191219102115L);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "daraja-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private SafaricomSimulator() {}

  static SafaricomSimulator start() throws IOException {
    SafaricomSimulator s = new SafaricomSimulator();
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    s.server.setExecutor(s.executor);
    s.server.createContext("/oauth/v1/generate", s::oauth);
    s.server.createContext("/mpesa/stkpush/v1/processrequest", s::push);
    s.server.createContext("/mpesa/stkpushquery/v1/query", s::query);
    s.server.start();
    return s;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void register(Account a) {
    byKey.put(a.consumerKey(), a);
  }

  /** The consumer keys of the OAuth calls that were answered with a token, oldest first. */
  List<String> oauthCalls() {
    return oauthCalls;
  }

  /** The push Daraja accepted with this CheckoutRequestID (its request body), or null. */
  JsonObject push(String checkoutRequestId) {
    return pushes.get(checkoutRequestId);
  }

  /** The customer answered the push: the STK query reports this result code from now on. */
  void complete(String checkoutRequestId, int resultCode) {
    results.put(checkoutRequestId, resultCode);
  }

  /** Daraja's result callback body as its documentation shows it; a non-zero code carries no metadata. */
  static String callbackBody(String merchantRequestId, String checkoutRequestId, int resultCode, String amount,
      String receipt, String phone) {
    String head = "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"" + merchantRequestId
        + "\",\"CheckoutRequestID\":\"" + checkoutRequestId + "\",\"ResultCode\":" + resultCode + ",\"ResultDesc\":\"";
    if (resultCode != 0) {
      String desc = resultCode == 1032 ? "Request cancelled by user" : resultCode == 1
          ? "The balance is insufficient for the transaction." : "The service request failed.";
      return head + desc + "\"}}}";
    }
    return head + "The service request is processed successfully.\",\"CallbackMetadata\":{\"Item\":["
        + "{\"Name\":\"Amount\",\"Value\":" + amount + "},{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"" + receipt
        + "\"},{\"Name\":\"TransactionDate\",\"Value\":20191219102115},{\"Name\":\"PhoneNumber\",\"Value\":" + phone
        + "}]}}}}";
  }

  /** Daraja POSTs the result of an accepted push to its CallBackURL; the server's answer. */
  HttpResponse<String> callback(String checkoutRequestId, int resultCode, String amount, String receipt)
      throws Exception {
    JsonObject p = pushes.get(checkoutRequestId);
    if (p == null) {
      throw new IllegalArgumentException("No push " + checkoutRequestId);
    }
    return post(p.getString("CallBackURL"), callbackBody(p.getString("MerchantRequestID_"), checkoutRequestId,
        resultCode, amount, receipt, p.getString("PhoneNumber")));
  }

  HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void oauth(HttpExchange ex) throws IOException {
    drain(ex);
    String query = ex.getRequestURI().getRawQuery();
    if (!"GET".equals(ex.getRequestMethod()) || query == null || !query.contains("grant_type=client_credentials")) {
      answer(ex, 400, "{\"requestId\":\"" + ids.incrementAndGet() + "\",\"errorCode\":\"400.008.02\","
          + "\"errorMessage\":\"Invalid grant type passed\"}");
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    Account a = null;
    if (auth != null && auth.startsWith("Basic ")) {
      try {
        String[] pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8)
            .split(":", 2);
        Account known = byKey.get(pair[0]);
        if (known != null && pair.length == 2 && known.consumerSecret().equals(pair[1])) {
          a = known;
        }
      } catch (IllegalArgumentException ignored) {
        // not base64: refused below
      }
    }
    if (a == null) {
      answer(ex, 400, "{\"requestId\":\"" + ids.incrementAndGet() + "\",\"errorCode\":\"400.008.01\","
          + "\"errorMessage\":\"Invalid Authentication passed\"}");
      return;
    }
    String token = "tok" + Long.toString(ids.incrementAndGet(), 36) + Long.toHexString(System.nanoTime());
    tokens.put(token, a.consumerKey());
    oauthCalls.add(a.consumerKey());
    answer(ex, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":\"3599\"}");
  }

  /** The request's account when its bearer token and password are good; otherwise answered here with null. */
  private Account authorized(HttpExchange ex, JsonObject body) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String key = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7).trim()) : null;
    if (key == null) {
      answer(ex, 401, "{\"requestId\":\"" + ids.incrementAndGet() + "\",\"errorCode\":\"404.001.03\","
          + "\"errorMessage\":\"Invalid Access Token\"}");
      return null;
    }
    Account a = byKey.get(key);
    if (body == null || !a.shortcode().equals(body.getString("BusinessShortCode", ""))) {
      answer(ex, 400, bad("Invalid BusinessShortCode"));
      return null;
    }
    String stamp = body.getString("Timestamp", "");
    String expected = Base64.getEncoder().encodeToString((a.shortcode() + a.passkey() + stamp)
        .getBytes(StandardCharsets.UTF_8));
    if (!stamp.matches("\\d{14}") || !expected.equals(body.getString("Password", ""))) {
      answer(ex, 400, bad("Invalid Password"));
      return null;
    }
    return a;
  }

  private void push(HttpExchange ex) throws IOException {
    JsonObject body = json(drain(ex));
    Account a = authorized(ex, body);
    if (a == null) {
      return;
    }
    if (!"CustomerPayBillOnline".equals(body.getString("TransactionType", ""))) {
      answer(ex, 400, bad("Invalid TransactionType"));
      return;
    }
    if (!(body.get("Amount") instanceof JsonNumber amount) || !amount.isIntegral() || amount.longValue() < 1) {
      answer(ex, 400, bad("Invalid Amount"));
      return;
    }
    String phone = body.getString("PhoneNumber", "");
    if (!phone.matches("2547\\d{8}|2541\\d{8}") || !phone.equals(body.getString("PartyA", ""))
        || !a.shortcode().equals(body.getString("PartyB", ""))) {
      answer(ex, 400, bad("Invalid PhoneNumber"));
      return;
    }
    String callback = body.getString("CallBackURL", "");
    if (!callback.matches("https?://\\S+")) {
      answer(ex, 400, bad("Invalid CallBackURL"));
      return;
    }
    String ref = body.getString("AccountReference", "");
    String desc = body.getString("TransactionDesc", "");
    if (ref.isEmpty() || ref.length() > 12 || desc.isEmpty() || desc.length() > 13) {
      answer(ex, 400, bad("Invalid AccountReference or TransactionDesc"));
      return;
    }
    long n = ids.incrementAndGet();
    String merchant = "29115-" + n + "-1";
    String checkout = "ws_CO_" + n;
    pushes.put(checkout, Json.createObjectBuilder(body).add("MerchantRequestID_", merchant).build());
    answer(ex, 200, "{\"MerchantRequestID\":\"" + merchant + "\",\"CheckoutRequestID\":\"" + checkout + "\","
        + "\"ResponseCode\":\"0\",\"ResponseDescription\":\"Success. Request accepted for processing\","
        + "\"CustomerMessage\":\"Success. Request accepted for processing\"}");
  }

  private void query(HttpExchange ex) throws IOException {
    JsonObject body = json(drain(ex));
    Account a = authorized(ex, body);
    if (a == null) {
      return;
    }
    String checkout = body.getString("CheckoutRequestID", "");
    JsonObject p = pushes.get(checkout);
    if (p == null || !a.shortcode().equals(p.getString("BusinessShortCode"))) {
      answer(ex, 400, bad("Invalid CheckoutRequestID"));
      return;
    }
    Integer result = results.get(checkout);
    if (result == null) {
      answer(ex, 500, "{\"requestId\":\"" + ids.incrementAndGet() + "\",\"errorCode\":\"500.001.1001\","
          + "\"errorMessage\":\"The transaction is being processed\"}");
      return;
    }
    String desc = result == 0 ? "The service request is processed successfully." : result == 1032
        ? "Request cancelled by user" : "The balance is insufficient for the transaction.";
    answer(ex, 200, "{\"ResponseCode\":\"0\",\"ResponseDescription\":\"The service request has been accepted"
        + " successsfully\",\"MerchantRequestID\":\"" + p.getString("MerchantRequestID_") + "\","
        + "\"CheckoutRequestID\":\"" + checkout + "\",\"ResultCode\":\"" + result + "\",\"ResultDesc\":\"" + desc
        + "\"}");
  }

  private String bad(String what) {
    return "{\"requestId\":\"" + ids.incrementAndGet() + "\",\"errorCode\":\"400.002.02\",\"errorMessage\":"
        + "\"Bad Request - " + what + "\"}";
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
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    ex.close();
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_SAFARICOM_URL", baseUrl(), "MPM_SAFARICOM_TIMEOUT_MS", "5000");
  }
}
