package org.mpm.plugins.pesapal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pesapal's API 3.0 as the plugin uses it: {@code POST /api/Auth/RequestToken} (consumer key and secret → a bearer
 * token good for five minutes), {@code POST /api/URLSetup/RegisterIPN}, {@code POST
 * /api/Transactions/SubmitOrderRequest} and {@code GET /api/Transactions/GetTransactionStatus?orderTrackingId=}.
 * The base URL is {@code mpm.pesapal.url} when configured, else Pesapal's sandbox or live host by the credential's
 * environment; connect and read timeouts {@code mpm.pesapal.timeout-ms}. Tokens are kept per company and key for
 * four minutes. Holds no database resource: called outside any transaction.
 */
@ApplicationScoped
public class PesapalClient {

  static final String SANDBOX = "https://cybqa.pesapal.com/pesapalv3";
  static final String LIVE = "https://pay.pesapal.com/v3";
  /** Pesapal's tokens last five minutes; one is used for four at most. */
  private static final long TOKEN_SECONDS = 240;

  @Inject
  @ConfigProperty(name = "mpm.pesapal.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "mpm.pesapal.timeout-ms", defaultValue = "30000")
  long timeoutMs;

  private Client client;
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

  private record CachedToken(String token, long expiresAtNanos) {}

  /** Pesapal's answer to an order: where to send the payer, the order's tracking id and the merchant reference. */
  public record Order(String orderTrackingId, String merchantReference, String redirectUrl) {}

  /**
   * An order's status as {@code GetTransactionStatus} reports it: {@code status_code} 0 INVALID, 1 COMPLETED,
   * 2 FAILED, 3 REVERSED (null when absent), the amount and currency paid, and the payment's references.
   */
  public record Status(Integer statusCode, String description, BigDecimal amount, String rawAmount, String currency,
      String paymentMethod, String confirmationCode, String merchantReference) {

    public static final int INVALID = 0;
    public static final int COMPLETED = 1;
    public static final int FAILED = 2;
    public static final int REVERSED = 3;

    public boolean completed() {
      return statusCode != null && statusCode == COMPLETED;
    }
  }

  @PostConstruct
  void open() {
    client = ClientBuilder.newBuilder().connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .readTimeout(timeoutMs, TimeUnit.MILLISECONDS).build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Registers the company's IPN URL, notified by {@code GET}; Pesapal's {@code ipn_id} for it.
   *
   * @throws PesapalException 400 when Pesapal refuses, 502 when it cannot be reached
   */
  public String registerIpn(PesapalAccount a, String ipnUrl) {
    JsonObject body = Json.createObjectBuilder().add("url", ipnUrl).add("ipn_notification_type", "GET").build();
    JsonObject answer = call(a, "POST", "/api/URLSetup/RegisterIPN", body.toString());
    String ipnId = text(answer, "ipn_id");
    if (ipnId == null || ipnId.isBlank()) {
      throw PesapalException.refused("PesaPal RegisterIPN returned no ipn_id");
    }
    return ipnId;
  }

  /**
   * Submits an order: {@code id} (the merchant reference), currency, amount, description, callback URL, the
   * company's IPN id and a billing address with the merchant e-mail and the payer's phone.
   *
   * @throws PesapalException 400 when Pesapal refuses, 502 when it cannot be reached
   */
  public Order submitOrder(PesapalAccount a, String merchantReference, BigDecimal amount, String currency,
      String description, String callbackUrl, String email, String phone) {
    JsonObjectBuilder billing = Json.createObjectBuilder();
    if (email != null && !email.isBlank()) {
      billing.add("email_address", email);
    }
    if (phone != null && !phone.isBlank()) {
      billing.add("phone_number", phone);
    }
    JsonObject body = Json.createObjectBuilder().add("id", merchantReference).add("currency", currency)
        .add("amount", amount.setScale(2, RoundingMode.HALF_UP)).add("description", description)
        .add("callback_url", callbackUrl).add("notification_id", a.ipnId()).add("billing_address", billing).build();
    JsonObject answer = call(a, "POST", "/api/Transactions/SubmitOrderRequest", body.toString());
    String tracking = text(answer, "order_tracking_id");
    String redirect = text(answer, "redirect_url");
    if (tracking == null || tracking.isBlank() || redirect == null || redirect.isBlank()) {
      throw PesapalException.refused("PesaPal SubmitOrderRequest returned no redirect URL");
    }
    String reference = text(answer, "merchant_reference");
    return new Order(tracking, reference == null || reference.isBlank() ? merchantReference : reference, redirect);
  }

  /**
   * The order's status.
   *
   * @throws PesapalException 400 when Pesapal answers with an error, 502 when it cannot be reached
   */
  public Status status(PesapalAccount a, String orderTrackingId) {
    String path = "/api/Transactions/GetTransactionStatus?orderTrackingId="
        + URLEncoder.encode(orderTrackingId, StandardCharsets.UTF_8);
    JsonObject o = call(a, "GET", path, null);
    Integer code = null;
    JsonValue raw = o.get("status_code");
    if (raw instanceof JsonNumber n) {
      code = n.intValue();
    } else if (raw instanceof JsonString s && s.getString().matches("-?\\d+")) {
      code = Integer.valueOf(s.getString());
    }
    String amountText = text(o, "amount");
    BigDecimal amount;
    try {
      amount = amountText == null ? null : new BigDecimal(amountText.trim());
    } catch (NumberFormatException e) {
      amount = null;
    }
    return new Status(code, orEmpty(text(o, "payment_status_description")), amount, amountText,
        orEmpty(text(o, "currency")), orEmpty(text(o, "payment_method")), orEmpty(text(o, "confirmation_code")),
        orEmpty(text(o, "merchant_reference")));
  }

  /** The company's bearer token, asked for again after four minutes; a refused key or secret is a 400. */
  String token(PesapalAccount a) {
    if (!a.hasKeys()) {
      throw PesapalException.refused("Pesapal consumer key and consumer secret are required.");
    }
    String key = cacheKey(a);
    CachedToken cached = tokens.get(key);
    if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
      return cached.token();
    }
    JsonObject body = Json.createObjectBuilder().add("consumer_key", a.consumerKey())
        .add("consumer_secret", a.consumerSecret()).build();
    JsonObject answer = send(a, "POST", "/api/Auth/RequestToken", null, body.toString());
    String token = text(answer, "token");
    if (token == null || token.isBlank()) {
      throw PesapalException.refused("Failed to authenticate with PesaPal: " + orElse(error(answer),
          "RequestToken returned no token"));
    }
    tokens.put(key, new CachedToken(token, System.nanoTime() + TimeUnit.SECONDS.toNanos(TOKEN_SECONDS)));
    return token;
  }

  private JsonObject call(PesapalAccount a, String method, String path, String body) {
    String token = token(a);
    try {
      return send(a, method, path, token, body);
    } catch (PesapalException e) {
      if (e.status() == 401) {
        tokens.remove(cacheKey(a));
        return send(a, method, path, token(a), body);
      }
      throw e;
    }
  }

  /** One call; Pesapal's error object (with any value set) or a {@code status} other than 200 is a refusal. */
  private JsonObject send(PesapalAccount a, String method, String path, String token, String body) {
    String text;
    int status;
    var request = client.target(base(a) + path).request(MediaType.APPLICATION_JSON);
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    try (Response r = request.method(method, body == null ? null : Entity.entity(body, MediaType.APPLICATION_JSON))) {
      status = r.getStatus();
      text = r.hasEntity() ? r.readEntity(String.class) : "";
    } catch (ProcessingException e) {
      throw PesapalException.unavailable("Pesapal could not be reached: " + e.getMessage());
    }
    if (status == 401 && token != null) {
      throw new PesapalException(401, "Pesapal refused the token");
    }
    JsonObject answer;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      answer = reader.readObject();
    } catch (RuntimeException e) {
      throw status >= 500 || status / 100 == 2 ? PesapalException.unavailable("Pesapal answered HTTP " + status
          + " without JSON") : PesapalException.refused("Pesapal answered HTTP " + status);
    }
    String error = error(answer);
    if (status >= 500 && error == null) {
      throw PesapalException.unavailable("Pesapal answered HTTP " + status);
    }
    if (status / 100 != 2 || error != null) {
      throw PesapalException.refused("PesaPal: " + orElse(error, "HTTP " + status));
    }
    return answer;
  }

  /**
   * Pesapal's error: its {@code error} object when any of its values is set (the status answer carries one with
   * every value null), a text {@code error}, or a {@code status} other than 200 with its message.
   */
  static String error(JsonObject answer) {
    JsonValue e = answer.get("error");
    if (e instanceof JsonObject o) {
      boolean set = o.values().stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.NULL
          && !(v instanceof JsonString s && s.getString().isEmpty()));
      if (set) {
        String message = text(o, "message");
        return message != null && !message.isBlank() ? message : o.toString();
      }
    } else if (e instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    String status = text(answer, "status");
    if (status != null && !status.isBlank() && !"200".equals(status)) {
      return orElse(text(answer, "message"), "status " + status);
    }
    return null;
  }

  private static String cacheKey(PesapalAccount a) {
    return a.companyId() + ":" + a.environment() + ":" + a.consumerKey().hashCode() + ":"
        + a.consumerSecret().hashCode();
  }

  private String base(PesapalAccount a) {
    String configured = url.filter(u -> !u.isBlank()).orElse(null);
    String base = configured != null ? configured : a.live() ? LIVE : SANDBOX;
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static String text(JsonObject o, String field) {
    JsonValue v = o == null ? null : o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue().toPlainString();
    }
    return v.toString();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
