package org.mpm.st;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Cipher;

/**
 * A stand-in for Vodacom M-Pesa Mozambique's OpenAPI C2B single-stage payment as Vodacom documents it:
 * {@code POST /ipg/v1x/c2bPayment/singleStage/} with {@code Authorization: Bearer <API key RSA-encrypted with the
 * account's public key>} and a JSON body of input_TransactionReference, input_CustomerMSISDN (258…),
 * input_Amount, input_ThirdPartyReference (letters and digits) and input_ServiceProviderCode (171717 in the
 * sandbox). Answers {@code {output_ConversationID, output_TransactionID, output_ResponseCode, output_ResponseDesc,
 * output_ThirdPartyReference}}: 201 INS-0 once the payer confirmed; a business refusal as a 4xx with its code
 * (INS-5 cancelled by the customer 401, INS-2006 insufficient balance 422, INS-2051 invalid MSISDN 400, INS-13
 * invalid shortcode 400, INS-15 invalid amount 400, INS-19 invalid third-party reference 400, INS-20 parameters
 * missing 422, INS-10 duplicate transaction 409); a bearer it cannot read 401 {@code {"output_error": …}}.
 * What a payer does is set by the tests per MSISDN ({@link #payer}): pay, cancel, lack the balance, confirm only
 * after a delay longer than the server waits or after a short one, or pay with a transaction id Vodacom repeats.
 */
final class VodacomMzSimulator extends VendorSimulator {

  static final String PATH = "/ipg/v1x/c2bPayment/singleStage/";
  static final String API_KEY = "vodacom-initiation-api-key-0123456789";
  static final String SANDBOX_CODE = "171717";
  /** How long a slow payer takes, longer than the server's timeout ({@link #serverEnv}). */
  static final long SLOW_MS = 3500;
  /** How long a delayed payer takes, well within the server's timeout. */
  static final long DELAYED_MS = 1000;

  /** What a payer does when asked. */
  enum Payer { PAYS, CANCELS, NO_BALANCE, SLOW, DELAYED }

  private final KeyPair keys;
  private final Map<String, Payer> payers = new ConcurrentHashMap<>();
  private final Map<String, String> repeatedIds = new ConcurrentHashMap<>();
  private final Set<String> references = ConcurrentHashMap.newKeySet();
  private final List<JsonObject> payments = new CopyOnWriteArrayList<>();
  private final List<String> apiKeys = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(480_000);

  private VodacomMzSimulator(KeyPair keys) {
    this.keys = keys;
  }

  static VodacomMzSimulator start() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    VodacomMzSimulator s = new VodacomMzSimulator(g.generateKeyPair());
    s.listen();
    return s;
  }

  /** The account's public key as Vodacom's portal gives it: bare base64 of the X.509 key. */
  String publicKey() {
    return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  /** What the payer with this MSISDN (international digits) does when asked. */
  void payer(String msisdn, Payer behaviour) {
    payers.put(msisdn, behaviour);
  }

  /** The payer's payments are all confirmed with this one transaction id (a confirmation delivered again). */
  void repeatedTransactionId(String msisdn, String transactionId) {
    payers.put(msisdn, Payer.PAYS);
    repeatedIds.put(msisdn, transactionId);
  }

  /** The C2B payment requests received with a readable bearer, oldest first. */
  List<JsonObject> payments() {
    return payments;
  }

  /** The payment requests for one payer. */
  List<JsonObject> paymentsOf(String msisdn) {
    return payments.stream().filter(r -> msisdn.equals(r.getString("input_CustomerMSISDN", null))).toList();
  }

  /** The API keys read from the bearers received. */
  List<String> apiKeys() {
    return apiKeys;
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_VODACOM_MZ_URL", baseUrl(), "MPM_VODACOM_MZ_TIMEOUT_MS", "2000");
  }

  @Override
  Answer answer(Request request) {
    if (!PATH.equals(request.path())) {
      return new Answer(404, "");
    }
    if (!"POST".equals(request.method())) {
      return new Answer(405, "");
    }
    String apiKey = apiKey(request.headers().get("authorization"));
    if (apiKey == null || !API_KEY.equals(apiKey)) {
      return new Answer(401, "{\"output_error\":\"Invalid API Key\"}");
    }
    apiKeys.add(apiKey);
    JsonObject body;
    try {
      body = Json.createReader(new StringReader(request.body())).readObject();
    } catch (RuntimeException e) {
      return new Answer(400, "{\"output_error\":\"Bad request\"}");
    }
    payments.add(body);
    String reference = string(body, "input_TransactionReference");
    String msisdn = string(body, "input_CustomerMSISDN");
    String amount = string(body, "input_Amount");
    String thirdParty = string(body, "input_ThirdPartyReference");
    String code = string(body, "input_ServiceProviderCode");
    if (reference == null || msisdn == null || amount == null || thirdParty == null || code == null) {
      return refusal(422, "INS-20", "Not All Parameters Provided. Please try again.", thirdParty);
    }
    if (!SANDBOX_CODE.equals(code)) {
      return refusal(400, "INS-13", "Invalid Shortcode Used", thirdParty);
    }
    if (!Pattern.matches("258[0-9]{9}", msisdn)) {
      return refusal(400, "INS-2051", "MSISDN invalid.", thirdParty);
    }
    if (!Pattern.matches("[A-Za-z0-9]{1,20}", thirdParty)) {
      return refusal(400, "INS-19", "Invalid ThirdPartyReference Used", thirdParty);
    }
    double value;
    try {
      value = Double.parseDouble(amount);
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value <= 0) {
      return refusal(400, "INS-15", "Invalid Amount Used", thirdParty);
    }
    if (!references.add(thirdParty)) {
      return refusal(409, "INS-10", "Duplicate Transaction", thirdParty);
    }
    Payer payer = payers.getOrDefault(msisdn, Payer.PAYS);
    switch (payer) {
      case CANCELS -> {
        return refusal(401, "INS-5", "Transaction cancelled by customer", thirdParty);
      }
      case NO_BALANCE -> {
        return refusal(422, "INS-2006", "Insufficient balance", thirdParty);
      }
      default -> {
        if (payer == Payer.SLOW || payer == Payer.DELAYED) {
          try {
            Thread.sleep(payer == Payer.SLOW ? SLOW_MS : DELAYED_MS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        String id = repeatedIds.getOrDefault(msisdn, Long.toString(ids.incrementAndGet(), 36).toUpperCase());
        return new Answer(201, Json.createObjectBuilder()
            .add("output_ConversationID", UUID.randomUUID().toString().replace("-", ""))
            .add("output_TransactionID", id).add("output_ResponseCode", "INS-0")
            .add("output_ResponseDesc", "Request processed successfully")
            .add("output_ThirdPartyReference", thirdParty).build().toString());
      }
    }
  }

  /** The API key in a bearer, decrypted with the account's private key; null when it cannot be read. */
  private String apiKey(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      cipher.init(Cipher.DECRYPT_MODE, keys.getPrivate());
      return new String(cipher.doFinal(Base64.getDecoder().decode(authorization.substring(7).trim())),
          StandardCharsets.UTF_8);
    } catch (Exception e) {
      return null;
    }
  }

  private static Answer refusal(int status, String code, String description, String thirdParty) {
    return new Answer(status, Json.createObjectBuilder().add("output_ConversationID", "")
        .add("output_TransactionID", "N/A").add("output_ResponseCode", code).add("output_ResponseDesc", description)
        .add("output_ThirdPartyReference", thirdParty == null ? "" : thirdParty).build().toString());
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.getString() : v == null || v == JsonValue.NULL ? null : v.toString();
  }
}
