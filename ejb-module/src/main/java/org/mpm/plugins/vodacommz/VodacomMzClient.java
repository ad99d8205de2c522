package org.mpm.plugins.vodacommz;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
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
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vodacom M-Pesa Mozambique's OpenAPI, its C2B single-stage payment ({@code POST /ipg/v1x/c2bPayment/singleStage/},
 * port 18352 of {@code api.vm.co.mz}, or {@code api.sandbox.vm.co.mz} for a sandbox credential, as MPM calls it;
 * {@code mpm.vodacom-mz.url} replaces both). The call is synchronous: Vodacom answers once the payer has entered the
 * M-Pesa PIN, so its timeout ({@code mpm.vodacom-mz.timeout-ms}) covers that. The bearer is the API key
 * RSA-encrypted (PKCS#1 v1.5) with the account's public key. Never called inside a database transaction.
 */
@ApplicationScoped
public class VodacomMzClient {

  static final String C2B_PATH = "/ipg/v1x/c2bPayment/singleStage/";
  static final String LIVE = "https://api.vm.co.mz:18352";
  static final String SANDBOX = "https://api.sandbox.vm.co.mz:18352";
  /** The sandbox takes only this service provider code. */
  static final String SANDBOX_SERVICE_PROVIDER_CODE = "171717";
  static final String SUCCESS = "INS-0";
  /** Vodacom's "duplicate transaction": a payment with this reference exists, its outcome is not in the answer. */
  static final String DUPLICATE = "INS-10";
  private static final long CONNECT_TIMEOUT_MS = 30_000;

  @Inject
  @ConfigProperty(name = "mpm.vodacom-mz.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "mpm.vodacom-mz.timeout-ms", defaultValue = "120000")
  long timeoutMs;

  private Client client;

  /** What became of a payment asked of Vodacom. */
  public enum Outcome {
    /** Vodacom took the money ({@code INS-0}). */
    CONFIRMED,
    /** Vodacom refused it, or the request never reached its payment layer: no money was taken. */
    REFUSED,
    /** No answer (a timeout, a gateway failure): the money may or may not have been taken. */
    UNKNOWN
  }

  /** Vodacom's answer: the outcome, its response code and description, its conversation and transaction ids. */
  public record Answer(Outcome outcome, String code, String description, String conversationId,
      String transactionId) {}

  @PostConstruct
  void open() {
    client = ClientBuilder.newBuilder().connectTimeout(Math.min(CONNECT_TIMEOUT_MS, timeoutMs), TimeUnit.MILLISECONDS)
        .readTimeout(timeoutMs, TimeUnit.MILLISECONDS).build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Asks the payer (their phone, in international digits) for {@code amount}.
   *
   * @param transactionReference what the payment is for (the device serial or the sale), shown to the payer
   * @param thirdPartyReference the payment's unique reference with Vodacom
   */
  public Answer c2bPayment(VodacomMzService.Credential c, String transactionReference, String msisdn,
      BigDecimal amount, String thirdPartyReference) {
    String bearer;
    try {
      bearer = bearer(c.apiKey(), c.publicKey());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return new Answer(Outcome.REFUSED, null, "The Vodacom M-Pesa API key or public key is not usable", null, null);
    }
    JsonObject body = Json.createObjectBuilder().add("input_TransactionReference", transactionReference)
        .add("input_CustomerMSISDN", msisdn).add("input_Amount", amount.stripTrailingZeros().toPlainString())
        .add("input_ThirdPartyReference", thirdPartyReference)
        .add("input_ServiceProviderCode", c.live() ? nonNull(c.serviceProviderCode()) : SANDBOX_SERVICE_PROVIDER_CODE)
        .build();
    String base = url.filter(u -> !u.isBlank()).orElse(c.live() ? LIVE : SANDBOX).replaceAll("/+$", "");
    try (Response r = client.target(base + C2B_PATH).request(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + bearer).header("Origin", "*").post(Entity.json(body.toString()))) {
      return answer(r);
    } catch (ProcessingException e) {
      Throwable cause = e.getCause();
      boolean notSent = cause instanceof ConnectException || cause instanceof UnknownHostException;
      return new Answer(notSent ? Outcome.REFUSED : Outcome.UNKNOWN, null,
          (notSent ? "Vodacom M-Pesa cannot be reached: " : "No answer from Vodacom M-Pesa: ")
              + (cause == null ? e.getMessage() : cause.toString()), null, null);
    }
  }

  /**
   * Vodacom's answer: a business answer always carries {@code output_ResponseCode} (a refusal comes as a 4xx with
   * it); without one the request was refused before the payment layer ({@code output_error}, e.g. a wrong API key),
   * unless the gateway itself failed (5xx), which leaves the outcome unknown.
   */
  private static Answer answer(Response r) {
    JsonObject body = null;
    try {
      String text = r.readEntity(String.class);
      JsonValue v = text == null || text.isBlank() ? null : Json.createReader(new StringReader(text)).readValue();
      body = v instanceof JsonObject o ? o : null;
    } catch (ProcessingException | JsonException e) {
      body = null;
    }
    String code = body == null ? null : string(body, "output_ResponseCode");
    if (code == null) {
      String error = body == null ? null : string(body, "output_error");
      return new Answer(r.getStatus() >= 500 ? Outcome.UNKNOWN : Outcome.REFUSED, null,
          "Vodacom M-Pesa answered HTTP " + r.getStatus() + (error == null ? "" : ": " + error), null, null);
    }
    Outcome outcome = SUCCESS.equals(code) ? Outcome.CONFIRMED : DUPLICATE.equals(code) ? Outcome.UNKNOWN
        : Outcome.REFUSED;
    return new Answer(outcome, code, string(body, "output_ResponseDesc"), string(body, "output_ConversationID"),
        string(body, "output_TransactionID"));
  }

  /** The OpenAPI's bearer: the API key RSA-encrypted (PKCS#1 v1.5) with the public key (bare base64 X.509). */
  static String bearer(String apiKey, String publicKey) throws GeneralSecurityException {
    if (apiKey == null || publicKey == null) {
      throw new IllegalArgumentException("no API key or public key");
    }
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
        Base64.getMimeDecoder().decode(publicKey)));
    Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    cipher.init(Cipher.ENCRYPT_MODE, key);
    return Base64.getEncoder().encodeToString(cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null
        : v instanceof JsonString s ? s.getString() : v.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
