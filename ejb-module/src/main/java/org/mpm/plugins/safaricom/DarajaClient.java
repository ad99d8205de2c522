package org.mpm.plugins.safaricom;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Safaricom's Daraja API: the OAuth token ({@code GET /oauth/v1/generate?grant_type=client_credentials}, Basic
 * consumer key and secret), the STK push ({@code POST /mpesa/stkpush/v1/processrequest}) and its query
 * ({@code POST /mpesa/stkpushquery/v1/query}), each authorized with the company's bearer token and the password
 * base64(shortcode + passkey + timestamp). The base URL is {@code mpm.safaricom.url} when configured, else Daraja's
 * sandbox or production host by the credential's environment; connect and read timeouts
 * {@code mpm.safaricom.timeout-ms}. Tokens are kept per company and consumer key until shortly before they expire.
 * Never called inside a database transaction.
 */
@ApplicationScoped
public class DarajaClient {

  static final String SANDBOX = "https://sandbox.safaricom.co.ke";
  static final String PRODUCTION = "https://api.safaricom.co.ke";
  /** Daraja's timestamps are East Africa Time. */
  private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @Inject
  @ConfigProperty(name = "mpm.safaricom.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "mpm.safaricom.timeout-ms", defaultValue = "10000")
  long timeoutMs;

  private Client client;
  private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

  private record CachedToken(String token, long expiresAtNanos) {}

  /** Daraja's answer to a push or a query: the HTTP status and the JSON body (empty when it was not JSON). */
  public record Answer(int status, JsonObject body, String raw) {
    public String text(String field) {
      return body.containsKey(field) && !body.isNull(field) ? body.get(field).toString().replaceAll("^\"|\"$", "")
          : null;
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

  /** The STK push of {@code amount} whole shillings from {@code phone} (digits only, 2547…). */
  public Answer stkPush(DarajaAccount a, long amount, String phone, String callbackUrl, String accountReference,
      String description) {
    String stamp = timestamp();
    JsonObject body = Json.createObjectBuilder()
        .add("BusinessShortCode", a.shortcode())
        .add("Password", password(a.shortcode(), a.passkey(), stamp))
        .add("Timestamp", stamp)
        .add("TransactionType", "CustomerPayBillOnline")
        .add("Amount", amount)
        .add("PartyA", phone)
        .add("PartyB", a.shortcode())
        .add("PhoneNumber", phone)
        .add("CallBackURL", callbackUrl)
        .add("AccountReference", accountReference)
        .add("TransactionDesc", description)
        .build();
    return post(a, "/mpesa/stkpush/v1/processrequest", body);
  }

  /** The STK push query of a push by its CheckoutRequestID. */
  public Answer stkQuery(DarajaAccount a, String checkoutRequestId) {
    String stamp = timestamp();
    JsonObject body = Json.createObjectBuilder()
        .add("BusinessShortCode", a.shortcode())
        .add("Password", password(a.shortcode(), a.passkey(), stamp))
        .add("Timestamp", stamp)
        .add("CheckoutRequestID", checkoutRequestId)
        .build();
    return post(a, "/mpesa/stkpushquery/v1/query", body);
  }

  /** Daraja's password: base64 of shortcode, passkey and timestamp. */
  public static String password(String shortcode, String passkey, String timestamp) {
    return Base64.getEncoder().encodeToString((shortcode + passkey + timestamp).getBytes(StandardCharsets.UTF_8));
  }

  private static String timestamp() {
    return LocalDateTime.now(NAIROBI).format(STAMP);
  }

  private Answer post(DarajaAccount a, String path, JsonObject body) {
    String token = token(a);
    try (Response r = client.target(base(a) + path).request(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + token)
        .post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON))) {
      String text = r.hasEntity() ? r.readEntity(String.class) : "";
      if (r.getStatus() == 401) {
        tokens.remove(cacheKey(a));
      }
      return new Answer(r.getStatus(), parse(text), text);
    } catch (ProcessingException e) {
      throw unreachable(e);
    }
  }

  /** The company's bearer token, asked for again shortly before Daraja's {@code expires_in} runs out. */
  String token(DarajaAccount a) {
    if (a.consumerKey().isEmpty() || a.consumerSecret().isEmpty()) {
      throw new SafaricomError(422, "Safaricom consumer key/secret are missing — open the Credentials page and save"
          + " them.");
    }
    String key = cacheKey(a);
    CachedToken cached = tokens.get(key);
    if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
      return cached.token();
    }
    String basic = Base64.getEncoder().encodeToString((a.consumerKey() + ":" + a.consumerSecret())
        .getBytes(StandardCharsets.UTF_8));
    try (Response r = client.target(base(a) + "/oauth/v1/generate").queryParam("grant_type", "client_credentials")
        .request(MediaType.APPLICATION_JSON).header("Authorization", "Basic " + basic).get()) {
      String text = r.hasEntity() ? r.readEntity(String.class) : "";
      if (r.getStatus() == 400 || r.getStatus() == 401) {
        throw new SafaricomError(422, "Daraja rejected the consumer key/secret. Re-check them on the Credentials page"
            + " (sandbox vs production matters).");
      }
      if (r.getStatus() / 100 != 2) {
        throw new SafaricomError(502, "Daraja OAuth returned HTTP " + r.getStatus() + ".");
      }
      JsonObject o = parse(text);
      String token = o.getString("access_token", "");
      if (token.isEmpty()) {
        throw new SafaricomError(502, "Daraja returned no access_token.");
      }
      long seconds = 3599;
      try {
        seconds = Long.parseLong(o.containsKey("expires_in") ? o.get("expires_in").toString().replace("\"", "")
            : "3599");
      } catch (NumberFormatException ignored) {
        // Daraja's documented lifetime
      }
      long lifetime = Math.max(0, seconds - 60);
      tokens.put(key, new CachedToken(token, System.nanoTime() + TimeUnit.SECONDS.toNanos(lifetime)));
      return token;
    } catch (ProcessingException e) {
      throw unreachable(e);
    }
  }

  private static String cacheKey(DarajaAccount a) {
    return a.companyId() + ":" + a.environment() + ":" + a.consumerKey().hashCode() + ":"
        + a.consumerSecret().hashCode();
  }

  private String base(DarajaAccount a) {
    String configured = url.filter(u -> !u.isBlank()).orElse(null);
    String base = configured != null ? configured : a.production() ? PRODUCTION : SANDBOX;
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static SafaricomError unreachable(ProcessingException e) {
    return new SafaricomError(502, "Could not reach Daraja: " + e.getMessage());
  }

  static JsonObject parse(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
  }
}
