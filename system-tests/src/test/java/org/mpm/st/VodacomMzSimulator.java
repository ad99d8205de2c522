package org.mpm.st;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * after a delay longer than the server waits, or pay with a transaction id Vodacom repeats.
 */
final class VodacomMzSimulator implements ServerSimulator {

  static final String PATH = "/ipg/v1x/c2bPayment/singleStage/";
  static final String API_KEY = "vodacom-initiation-api-key-0123456789";
  static final String SANDBOX_CODE = "171717";
  /** How long a slow payer takes, longer than the server's timeout ({@link #serverEnv}). */
  static final long SLOW_MS = 3500;

  /** What a payer does when asked. */
  enum Payer { PAYS, CANCELS, NO_BALANCE, SLOW }

  private final KeyPair keys;
  private final Map<String, Payer> payers = new ConcurrentHashMap<>();
  private final Map<String, String> repeatedIds = new ConcurrentHashMap<>();
  private final Set<String> references = ConcurrentHashMap.newKeySet();
  private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private final List<String> bearers = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(480_000);
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "vodacom-mz-simulator");
    t.setDaemon(true);
    return t;
  });
  private HttpServer server;

  private VodacomMzSimulator(KeyPair keys) {
    this.keys = keys;
  }

  static VodacomMzSimulator start() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    VodacomMzSimulator s = new VodacomMzSimulator(g.generateKeyPair());
    s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    s.server.setExecutor(s.executor);
    s.server.createContext(PATH, s::handle);
    s.server.start();
    return s;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
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

  /** The C2B requests received with a readable bearer, oldest first. */
  List<JsonObject> requests() {
    return requests;
  }

  /** The requests for one payer. */
  List<JsonObject> requestsOf(String msisdn) {
    return requests.stream().filter(r -> msisdn.equals(r.getString("input_CustomerMSISDN", null))).toList();
  }

  /** The API keys read from the bearers received. */
  List<String> apiKeys() {
    return bearers;
  }

  @Override
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public Map<String, String> serverEnv() {
    return Map.of("MPM_VODACOM_MZ_URL", url(), "MPM_VODACOM_MZ_TIMEOUT_MS", "2000");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String text;
    try (InputStream in = exchange.getRequestBody()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, "");
      return;
    }
    String apiKey = apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
    if (apiKey == null || !API_KEY.equals(apiKey)) {
      answer(exchange, 401, "{\"output_error\":\"Invalid API Key\"}");
      return;
    }
    bearers.add(apiKey);
    JsonObject body;
    try {
      body = Json.createReader(new StringReader(text)).readObject();
    } catch (RuntimeException e) {
      answer(exchange, 400, "{\"output_error\":\"Bad request\"}");
      return;
    }
    requests.add(body);
    String reference = string(body, "input_TransactionReference");
    String msisdn = string(body, "input_CustomerMSISDN");
    String amount = string(body, "input_Amount");
    String thirdParty = string(body, "input_ThirdPartyReference");
    String code = string(body, "input_ServiceProviderCode");
    if (reference == null || msisdn == null || amount == null || thirdParty == null || code == null) {
      refuse(exchange, 422, "INS-20", "Not All Parameters Provided. Please try again.", thirdParty);
      return;
    }
    if (!SANDBOX_CODE.equals(code)) {
      refuse(exchange, 400, "INS-13", "Invalid Shortcode Used", thirdParty);
      return;
    }
    if (!Pattern.matches("258[0-9]{9}", msisdn)) {
      refuse(exchange, 400, "INS-2051", "MSISDN invalid.", thirdParty);
      return;
    }
    if (!Pattern.matches("[A-Za-z0-9]{1,20}", thirdParty)) {
      refuse(exchange, 400, "INS-19", "Invalid ThirdPartyReference Used", thirdParty);
      return;
    }
    double value;
    try {
      value = Double.parseDouble(amount);
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value <= 0) {
      refuse(exchange, 400, "INS-15", "Invalid Amount Used", thirdParty);
      return;
    }
    if (!references.add(thirdParty)) {
      refuse(exchange, 409, "INS-10", "Duplicate Transaction", thirdParty);
      return;
    }
    Payer payer = payers.getOrDefault(msisdn, Payer.PAYS);
    switch (payer) {
      case CANCELS -> refuse(exchange, 401, "INS-5", "Transaction cancelled by customer", thirdParty);
      case NO_BALANCE -> refuse(exchange, 422, "INS-2006", "Insufficient balance", thirdParty);
      default -> {
        if (payer == Payer.SLOW) {
          try {
            Thread.sleep(SLOW_MS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        String id = repeatedIds.getOrDefault(msisdn, Long.toString(ids.incrementAndGet(), 36).toUpperCase());
        answer(exchange, 201, Json.createObjectBuilder()
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

  private static void refuse(HttpExchange exchange, int status, String code, String description, String thirdParty)
      throws IOException {
    answer(exchange, status, Json.createObjectBuilder().add("output_ConversationID", "")
        .add("output_TransactionID", "N/A").add("output_ResponseCode", code).add("output_ResponseDesc", description)
        .add("output_ThirdPartyReference", thirdParty == null ? "" : thirdParty).build().toString());
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s ? s.getString() : v == null || v == JsonValue.NULL ? null : v.toString();
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }
}
