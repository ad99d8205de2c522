package org.mpm.plugins.flutterwave;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Flutterwave's v3 API as the plugin uses it, each call with {@code Authorization: Bearer <secret key>}:
 * {@code POST /payments} (a hosted payment link), {@code GET /transactions/{id}/verify} and
 * {@code GET /transactions/verify_by_reference?tx_ref=}. Base URL {@code mpm.flutterwave.url} (default
 * {@code https://api.flutterwave.com/v3}), connect and read timeouts {@code mpm.flutterwave.timeout-ms}. Holds no
 * database resource: called outside any transaction.
 */
@ApplicationScoped
public class FlutterwaveClient {

  @Inject
  @ConfigProperty(name = "mpm.flutterwave.url", defaultValue = "https://api.flutterwave.com/v3")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "mpm.flutterwave.timeout-ms", defaultValue = "30000")
  long timeoutMs;

  private Client client;

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
   * A transaction as Flutterwave reports it (verify answer or webhook {@code data}): its id, our {@code tx_ref},
   * its {@code flw_ref}, status ({@code successful}, {@code failed}, {@code pending} …), amount in major units,
   * currency and processor response.
   */
  public record Charge(String id, String txRef, String flwRef, String status, BigDecimal amount, String currency,
      String processorResponse) {

    public boolean successful() {
      return "successful".equals(status);
    }

    /** Reads a charge from Flutterwave's v3 {@code data} object. */
    public static Charge of(JsonObject data) {
      return new Charge(text(data, "id"), text(data, "tx_ref"), text(data, "flw_ref"), text(data, "status"),
          number(data, "amount"), text(data, "currency"), text(data, "processor_response"));
    }

    /** Reads a charge from the flat body of Flutterwave's older webhooks ({@code txRef}, {@code flwRef} …). */
    public static Charge ofLegacy(JsonObject body) {
      return new Charge(text(body, "id"), text(body, "txRef"), text(body, "flwRef"), text(body, "status"),
          number(body, "amount"), text(body, "currency"), null);
    }

    static String text(JsonObject o, String field) {
      JsonValue v = o.get(field);
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      return v instanceof JsonString s ? s.getString() : v.toString();
    }

    static BigDecimal number(JsonObject o, String field) {
      JsonValue v = o.get(field);
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue();
      }
      if (v instanceof JsonString s) {
        try {
          return new BigDecimal(s.getString().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
  }

  /**
   * {@code POST /payments}: a hosted payment link for {@code tx_ref} of {@code amount} {@code currency}, the payer
   * sent back to {@code redirectUrl}.
   *
   * @return the link
   * @throws FlutterwaveException 502 when Flutterwave cannot be reached, 400 when it refuses
   */
  public String initialize(String secretKey, String txRef, BigDecimal amount, String currency, String redirectUrl,
      String email, String title, Map<String, Object> meta) {
    JsonObjectBuilder m = Json.createObjectBuilder();
    meta.forEach((k, v) -> {
      if (v instanceof Number n) {
        m.add(k, n.longValue());
      } else if (v != null) {
        m.add(k, String.valueOf(v));
      }
    });
    JsonObjectBuilder body = Json.createObjectBuilder().add("tx_ref", txRef).add("amount", amount)
        .add("currency", currency).add("customer", Json.createObjectBuilder().add("email", email))
        .add("customizations", Json.createObjectBuilder().add("title", title == null ? "" : title)).add("meta", m);
    if (redirectUrl != null && !redirectUrl.isBlank()) {
      body.add("redirect_url", redirectUrl);
    }
    JsonObject answer = call("POST", "/payments", secretKey, body.build().toString());
    JsonObject data = answer.get("data") instanceof JsonObject d ? d : null;
    String link = data == null ? null : data.getString("link", null);
    if (link == null || link.isBlank()) {
      throw FlutterwaveException.unavailable("Flutterwave answered without a payment link");
    }
    return link;
  }

  /**
   * {@code GET /transactions/{id}/verify}.
   *
   * @throws FlutterwaveException 502 when Flutterwave cannot be reached, 400 when it does not know the id
   */
  public Charge verify(String secretKey, String transactionId) {
    return charge(call("GET", "/transactions/" + encode(transactionId) + "/verify", secretKey, null));
  }

  /**
   * {@code GET /transactions/verify_by_reference?tx_ref=}.
   *
   * @throws FlutterwaveException 502 when Flutterwave cannot be reached, 400 when it does not know the reference
   */
  public Charge verifyByReference(String secretKey, String txRef) {
    return charge(call("GET", "/transactions/verify_by_reference?tx_ref=" + encode(txRef), secretKey, null));
  }

  private static Charge charge(JsonObject answer) {
    if (!(answer.get("data") instanceof JsonObject data)) {
      throw FlutterwaveException.unavailable("Flutterwave answered without a transaction");
    }
    return Charge.of(data);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonObject call(String method, String path, String secretKey, String body) {
    String text;
    int status;
    try (Response r = client.target(baseUrl + path).request(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + secretKey)
        .method(method, body == null ? null : Entity.entity(body, MediaType.APPLICATION_JSON))) {
      status = r.getStatus();
      text = r.hasEntity() ? r.readEntity(String.class) : "";
    } catch (ProcessingException e) {
      throw FlutterwaveException.unavailable("Flutterwave could not be reached: " + e.getMessage());
    }
    JsonObject answer;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      answer = reader.readObject();
    } catch (RuntimeException e) {
      throw FlutterwaveException.unavailable("Flutterwave answered HTTP " + status + " without JSON");
    }
    if (status / 100 != 2 || !"success".equals(answer.getString("status", ""))) {
      String message = "Flutterwave: " + answer.getString("message", "HTTP " + status);
      throw status >= 500 ? FlutterwaveException.unavailable(message) : FlutterwaveException.refused(message);
    }
    return answer;
  }
}
