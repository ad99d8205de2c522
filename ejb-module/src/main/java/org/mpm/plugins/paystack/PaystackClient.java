package org.mpm.plugins.paystack;

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
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paystack's REST API as the plugin uses it: {@code POST /transaction/initialize} and
 * {@code GET /transaction/verify/{reference}}, each with {@code Authorization: Bearer <secret key>}. Base URL
 * {@code mpm.paystack.url} (default {@code https://api.paystack.co}), connect and read timeouts
 * {@code mpm.paystack.timeout-ms}. Holds no database resource: called outside any transaction.
 */
@ApplicationScoped
public class PaystackClient {

  @Inject
  @ConfigProperty(name = "mpm.paystack.url", defaultValue = "https://api.paystack.co")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "mpm.paystack.timeout-ms", defaultValue = "30000")
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

  /** Paystack's answer to an initialisation: where to send the payer, and the reference it will report. */
  public record Initialized(String authorizationUrl, String accessCode, String reference) {}

  /**
   * A transaction as Paystack reports it (verify answer or webhook {@code data}): its id, status
   * ({@code success}, {@code failed}, {@code abandoned} …), reference, amount in the currency's subunits, currency
   * and gateway response.
   */
  public record Charge(String id, String status, String reference, BigDecimal subunits, String currency,
      String gatewayResponse) {

    /** The amount in major units (Paystack counts in kobo, pesewas, cents: hundredths). */
    public BigDecimal amount() {
      return subunits == null ? null : subunits.movePointLeft(2);
    }

    /** Reads a charge from Paystack's {@code data} object. */
    public static Charge of(JsonObject data) {
      return new Charge(text(data, "id"), text(data, "status"), text(data, "reference"), number(data, "amount"),
          text(data, "currency"), text(data, "gateway_response"));
    }

    private static String text(JsonObject o, String field) {
      JsonValue v = o.get(field);
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static BigDecimal number(JsonObject o, String field) {
      JsonValue v = o.get(field);
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue();
      }
      if (v instanceof JsonString s) {
        try {
          return new BigDecimal(s.getString());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
  }

  /**
   * {@code POST /transaction/initialize} with {@code email, amount} (subunits), {@code reference, callback_url,
   * currency, metadata}.
   *
   * @throws PaystackException 502 when Paystack cannot be reached, 400 when it refuses
   */
  public Initialized initialize(String secretKey, String email, BigDecimal amount, String currency, String reference,
      String callbackUrl, Map<String, Object> metadata) {
    JsonObjectBuilder meta = Json.createObjectBuilder();
    metadata.forEach((k, v) -> {
      if (v instanceof Number n) {
        meta.add(k, n.longValue());
      } else if (v != null) {
        meta.add(k, String.valueOf(v));
      }
    });
    JsonObjectBuilder body = Json.createObjectBuilder().add("email", email)
        .add("amount", amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString())
        .add("reference", reference).add("currency", currency).add("metadata", meta);
    if (callbackUrl != null && !callbackUrl.isBlank()) {
      body.add("callback_url", callbackUrl);
    }
    JsonObject answer = call("POST", "/transaction/initialize", secretKey, body.build().toString());
    JsonObject data = answer.getJsonObject("data");
    if (data == null || !data.containsKey("authorization_url")) {
      throw PaystackException.unavailable("Paystack answered without an authorization URL");
    }
    return new Initialized(data.getString("authorization_url"), data.getString("access_code", null),
        data.getString("reference", reference));
  }

  /**
   * {@code GET /transaction/verify/{reference}}.
   *
   * @throws PaystackException 502 when Paystack cannot be reached, 400 when it does not know the reference
   */
  public Charge verify(String secretKey, String reference) {
    JsonObject answer = call("GET", "/transaction/verify/" + URLEncoder.encode(reference, StandardCharsets.UTF_8)
        .replace("+", "%20"), secretKey, null);
    JsonObject data = answer.getJsonObject("data");
    if (data == null) {
      throw PaystackException.unavailable("Paystack answered without a transaction");
    }
    return Charge.of(data);
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
      throw PaystackException.unavailable("Paystack could not be reached: " + e.getMessage());
    }
    JsonObject answer;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      answer = reader.readObject();
    } catch (RuntimeException e) {
      throw PaystackException.unavailable("Paystack answered HTTP " + status + " without JSON");
    }
    if (status / 100 != 2 || !answer.getBoolean("status", false)) {
      String message = "Paystack: " + answer.getString("message", "HTTP " + status);
      throw status >= 500 ? PaystackException.unavailable(message) : PaystackException.refused(message);
    }
    return answer;
  }
}
