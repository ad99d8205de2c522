package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;
import static org.mpm.st.SmsGatewayPlugins.NOT_ENABLED;
import static org.mpm.st.SmsGatewayPlugins.awaitGivenUp;
import static org.mpm.st.SmsGatewayPlugins.awaitStatus;
import static org.mpm.st.SmsGatewayPlugins.companyWith;
import static org.mpm.st.SmsGatewayPlugins.raw;
import static org.mpm.st.SmsGatewayPlugins.send;
import static org.mpm.st.SmsGatewayPlugins.stored;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The Viber plugin against a simulator of Viber's bot API ({@link ViberSimulator}): saving the token sets the
 * company's webhook; a customer registers by sending {@code register+<meter serial>} to the bot (a signed
 * callback); messages to the customer's phone then go to the customer's Viber id once each, and the delivery
 * events mark them; a conversation the user opens is answered with the bot's welcome message; a customer without
 * Viber contact, an unsigned callback or a disabled plugin change nothing.
 */
class ViberIT {

  static final String CREDENTIAL = "/api/viber-messaging/viber-credential";

  static Api api;
  static ViberSimulator viber;

  @BeforeAll
  static void start() {
    api = new Api(TestServer.get());
    viber = TestServer.get().viber();
  }

  static Tenant company(String prefix, String token) {
    return companyWith(api, prefix, 10, CREDENTIAL, "{\"api_token\":\"" + token + "\"}");
  }

  /** A customer with a primary phone and a meter of this serial, written straight into the company's database. */
  static void customer(Tenant t, String phone, String serial) throws Exception {
    long person = Db.insert(t, "INSERT INTO people (name, surname, created_at, updated_at) VALUES ('Asha', 'Juma',"
        + " NOW(), NOW())");
    Db.exec(t, "INSERT INTO addresses (owner_type, owner_id, phone, is_primary, created_at, updated_at) VALUES"
        + " ('person', " + person + ", '" + phone + "', 1, NOW(), NOW())",
        "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at) VALUES ("
        + person + ", 'meter', " + person + ", '" + serial + "', NOW(), NOW())");
  }

  static String sign(String body, String token) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  static Resp callback(Tenant t, String body, String signature) {
    return raw(TestServer.get(), "/api/viber-messaging/webhook/" + t.companyId(), "application/json", body,
        signature == null ? Map.of() : Map.of("X-Viber-Content-Signature", signature));
  }

  static String message(String viberId, String text) {
    return "{\"event\":\"message\",\"timestamp\":1764842400000,\"chat_hostname\":\"SN-CHAT-01_\","
        + "\"message_token\":4912661846655238145,\"sender\":{\"id\":\"" + viberId + "\",\"name\":\"Asha\","
        + "\"language\":\"en\",\"country\":\"TZ\",\"api_version\":10},\"message\":{\"type\":\"text\",\"text\":\""
        + text + "\"},\"silent\":false}";
  }

  static String uuidOf(Tenant t, long id) throws Exception {
    try (Connection c = Db.tenant(t); PreparedStatement s = c.prepareStatement("SELECT uuid FROM sms WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void aRegisteredCustomerGetsItsMessagesOnViberOnceAndTheirDeliveryIsRecorded() throws Exception {
    String token = "4a7b" + System.nanoTime() + "-viber-token";
    Tenant t = company("viber", token);
    // Saving the token set the company's webhook and the deep link.
    List<JsonObject> hooks = viber.webhooksOf(token);
    assertEquals(1, hooks.size());
    assertTrue(hooks.get(0).getString("url").endsWith("/api/viber-messaging/webhook/" + t.companyId()),
        hooks.get(0).toString());
    JsonObject cred = api.get(CREDENTIAL, t.token()).obj().getJsonObject("data");
    assertTrue(cred.getBoolean("has_webhook_created"));
    assertTrue(cred.getString("deep_link").startsWith("viber://pa?chatURI=harbourenergy"), cred.toString());
    assertFalse(cred.toString().contains(token));
    assertFalse(stored(t, "viber_credentials").contains(token));

    customer(t, "+255716200101", "VB-" + t.companyId());
    String viberId = "01234567890A=" + t.companyId();
    String register = message(viberId, "register+VB-" + t.companyId());
    Resp r = callback(t, register, sign(register, token));
    assertEquals(200, r.status(), r.body());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM viber_contacts WHERE viber_id = '" + viberId + "'"
        + " AND registered_meter_serial_number = 'VB-" + t.companyId() + "'"));
    List<JsonObject> sent = viber.sentWith(token);
    assertEquals(1, sent.size());
    assertEquals(viberId, sent.get(0).getString("receiver"));
    assertEquals("Hello, Asha! You have successfully registered with MicroPowerManager.",
        sent.get(0).getString("text"));

    long id = send(api, t, "+255716200101", "Your token 4321").getJsonNumber("id").longValue();
    awaitStatus(t, id, 1);
    sent = viber.sentWith(token);
    assertEquals(2, sent.size());
    assertEquals(viberId, sent.get(1).getString("receiver"));
    assertEquals("Your token 4321", sent.get(1).getString("text"));
    assertEquals("text", sent.get(1).getString("type"));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM viber_messages WHERE sms_id = " + id));
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND gateway_id = 10"));

    String messageToken = uuidOf(t, id);
    String delivered = "{\"event\":\"delivered\",\"timestamp\":1764842460000,\"chat_hostname\":\"SN-CHAT-01_\","
        + "\"message_token\":" + messageToken + ",\"user_id\":\"" + viberId + "\"}";
    Resp d = callback(t, delivered, sign(delivered, token));
    assertEquals(200, d.status(), d.body());
    assertEquals(2, count(t, "SELECT status FROM sms WHERE id = " + id));

    // A text of the registered customer is an incoming message from the customer's phone.
    String hello = message(viberId, "Is the grid down?");
    assertEquals(200, callback(t, hello, sign(hello, token)).status());
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE direction = 0 AND receiver = '+255716200101'"
        + " AND body = 'Is the grid down?'"));
  }

  @Test
  void unsignedOrForeignCallbacksChangeNothing() throws Exception {
    String token = "5b8c" + System.nanoTime() + "-viber-token";
    Tenant t = company("viber-sig", token);
    customer(t, "+255716200201", "VS-" + t.companyId());
    String register = message("someone", "register+VS-" + t.companyId());
    assertEquals(401, callback(t, register, null).status());
    assertEquals(401, callback(t, register, sign(register, "another-bots-token")).status());
    assertEquals(0, count(t, "SELECT COUNT(*) FROM viber_contacts"));
    Tenant off = api.registerCompany("viber-off");
    Resp get = api.get(CREDENTIAL, off.token());
    assertEquals(403, get.status(), get.body());
    assertEquals(NOT_ENABLED, get.body());
    assertEquals(403, callback(off, register, sign(register, token)).status());
    assertEquals(404, raw(TestServer.get(), "/api/viber-messaging/webhook/abc", "application/json", register,
        Map.of()).status());
  }

  @Test
  void aReceiverWithoutViberAndAFailingBotEndInFailedMessages() throws Exception {
    String token = "6c9d" + System.nanoTime() + "-viber-token";
    Tenant t = company("viber-none", token);
    long id = send(api, t, "+255716200301", "Nobody on Viber").getJsonNumber("id").longValue();
    awaitGivenUp(t, id);
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE id = " + id + " AND status = -1"
        + " AND error_message LIKE '%no Viber contact%'"));
    assertEquals(0, viber.sentWith(token).size());

    String failing = "FAIL2-" + System.nanoTime();
    Tenant f = company("viber-retry", failing);
    customer(f, "+255716200401", "VR-" + f.companyId());
    Db.exec(f, "INSERT INTO viber_contacts (person_id, viber_id, registered_meter_serial_number, created_at,"
        + " updated_at) SELECT id, 'viber-user-r', 'VR', NOW(), NOW() FROM people LIMIT 1");
    long retried = send(api, f, "+255716200401", "Retried").getJsonNumber("id").longValue();
    awaitStatus(f, retried, 1);
    assertEquals(3, viber.sentWith(failing).size());
    assertEquals(1, count(f, "SELECT COUNT(*) FROM sms WHERE id = " + retried + " AND attempts = 2"));
  }

  @Test
  void aConversationStartedIsAnsweredWithTheWelcomeMessage() throws Exception {
    String token = "5b8d" + System.nanoTime() + "-viber-token";
    Tenant t = company("viber-welcome", token);
    int sentBefore = viber.sentWith(token).size();
    long smsBefore = count(t, "SELECT COUNT(*) FROM sms");
    // Viber's conversation_started callback, as documented: the user opened the bot's chat, not yet subscribed.
    String started = "{\"event\":\"conversation_started\",\"timestamp\":1764842400000,\"chat_hostname\":"
        + "\"SN-CHAT-01_\",\"message_token\":5480000000000000001,\"type\":\"open\",\"context\":\"\","
        + "\"user\":{\"id\":\"01234567890A=\",\"name\":\"Asha Juma\",\"avatar\":\"http://avatar.example\","
        + "\"language\":\"sw\",\"country\":\"TZ\",\"api_version\":10},\"subscribed\":false}";
    Resp r = callback(t, started, sign(started, token));
    assertEquals(200, r.status(), r.body());
    JsonObject welcome = r.obj();
    assertEquals("text", welcome.getString("type"));
    assertEquals("Can I help you?", welcome.getString("text"));
    assertEquals("MicroPowerManager", welcome.getJsonObject("sender").getString("name"));
    assertEquals("https://micropowermanager.com/assets/images/Icon_2_5Icon_2_2.png",
        welcome.getJsonObject("sender").getString("avatar"));
    // The welcome is the callback's answer: no message sent through the API, nothing stored, nobody registered.
    assertEquals(sentBefore, viber.sentWith(token).size());
    assertEquals(smsBefore, count(t, "SELECT COUNT(*) FROM sms"));
    assertEquals(0, count(t, "SELECT COUNT(*) FROM viber_contacts"));
    // Unsigned, it is refused; a subscribed event is only acknowledged.
    assertEquals(401, callback(t, started, null).status());
    String subscribed = "{\"event\":\"subscribed\",\"timestamp\":1764842400000,\"user\":{\"id\":"
        + "\"01234567890A=\",\"name\":\"Asha Juma\"},\"message_token\":5480000000000000002}";
    Resp ack = callback(t, subscribed, sign(subscribed, token));
    assertEquals(200, ack.status(), ack.body());
    assertEquals("success", ack.obj().getString("success"));
  }
}
