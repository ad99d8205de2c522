package org.mpm.plugins.africastalking;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.plugins.africastalking.AfricasTalkingCredentials.Credential;
import org.mpm.sms.CompanySmsGateway;
import org.mpm.sms.SmsGateway.Result;

/**
 * Africa's Talking's SMS API as a company's gateway: {@code POST <url>/version1/messaging} with the form fields
 * {@code username}, {@code to}, {@code message} and {@code from} (the short code, when set), header
 * {@code apiKey}, answered {@code {"SMSMessageData": {"Message", "Recipients": [{"statusCode", "number", "status",
 * "cost", "messageId"}]}}}. A message is accepted when its one recipient's status is {@code Success} (status codes
 * 100–102); the vendor's {@code messageId} becomes the message's reference for the delivery reports. The URL is
 * {@code mpm.africastalking.url} (the sandbox: {@code https://api.sandbox.africastalking.com}), connect and read
 * timeouts {@code mpm.africastalking.timeout-ms}.
 */
@ApplicationScoped
public class AfricasTalkingGateway extends CompanySmsGateway<Credential> {

  public static final String NAME = "africastalking";

  @Inject AfricasTalkingCredentials credentials;
  @Inject AfricasTalkingMessages messages;

  @Inject
  @ConfigProperty(name = "mpm.africastalking.url", defaultValue = "https://api.africastalking.com")
  String url;

  @Inject
  @ConfigProperty(name = "mpm.africastalking.timeout-ms", defaultValue = "10000")
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

  @Override
  public long pluginId() {
    return AfricasTalkingCredentials.PLUGIN_ID;
  }

  @Override
  protected String gatewayName() {
    return NAME;
  }

  @Override
  protected String vendorName() {
    return "AfricasTalking";
  }

  @Override
  protected Optional<Credential> usableCredentials() {
    return credentials.usable();
  }

  @Override
  protected Result send(Credential credential, String receiver, String body, String uuid) {
    String to = compactNumber(receiver);
    if (to.isEmpty()) {
      return Result.failed("Invalid phone number");
    }
    Form form = new Form().param("username", credential.username()).param("to", to).param("message", body);
    if (credential.shortCode() != null && !credential.shortCode().isBlank()) {
      form.param("from", credential.shortCode());
    }
    try (Response r = client.target(url).path("version1/messaging").request(MediaType.APPLICATION_JSON)
        .header("apiKey", credential.apiKey())
        .post(Entity.form(form))) {
      String answer = r.hasEntity() ? r.readEntity(String.class) : "";
      if (r.getStatus() / 100 != 2) {
        return Result.failed("AfricasTalking message sending failed: HTTP " + r.getStatus() + " " + answer);
      }
      JsonObject recipient = recipient(answer);
      if (recipient == null) {
        return Result.failed("AfricasTalking message sending failed with wrong number of recipients: " + answer);
      }
      String status = recipient.getString("status", "");
      if (!"Success".equals(status)) {
        return Result.failed("AfricasTalking message sending failed with recipient status: " + status);
      }
      String messageId = recipient.getString("messageId", "");
      messages.sent(uuid, messageId, status, recipient.containsKey("statusCode")
          ? recipient.getInt("statusCode") : 0);
      return Result.accepted(messageId.isEmpty() ? uuid : messageId);
    }
  }

  /** The one recipient of an answer, or null when the answer has none or several (or is no such JSON). */
  static JsonObject recipient(String answer) {
    try (JsonReader reader = Json.createReader(new StringReader(answer))) {
      JsonArray recipients = reader.readObject().getJsonObject("SMSMessageData").getJsonArray("Recipients");
      return recipients != null && recipients.size() == 1 ? recipients.getJsonObject(0) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
