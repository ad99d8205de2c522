package org.mpm.plugins.textbee;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.plugins.textbee.TextbeeCredentials.Credential;
import org.mpm.sms.CompanySmsGateway;
import org.mpm.sms.SmsGateway.Result;

/**
 * TextBee (an Android phone as SMS gateway) as a company's gateway: {@code POST <url>/gateway/devices/<device
 * id>/send-sms} with header {@code x-api-key} and body {@code {"recipients": [phone], "message"}}, answered
 * {@code {"data": {"success", "smsBatchId", …}}}; the batch id becomes the message's reference. The URL is
 * {@code mpm.textbee.url} (default {@code https://api.textbee.dev/api/v1}), connect and read timeouts
 * {@code mpm.textbee.timeout-ms}.
 */
@ApplicationScoped
public class TextbeeGateway extends CompanySmsGateway<Credential> {

  public static final String NAME = "textbee";

  @Inject TextbeeCredentials credentials;
  @Inject TextbeeMessages messages;

  @Inject
  @ConfigProperty(name = "mpm.textbee.url", defaultValue = "https://api.textbee.dev/api/v1")
  String url;

  @Inject
  @ConfigProperty(name = "mpm.textbee.timeout-ms", defaultValue = "10000")
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
    return TextbeeCredentials.PLUGIN_ID;
  }

  @Override
  protected String gatewayName() {
    return NAME;
  }

  @Override
  protected String vendorName() {
    return "TextBee";
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
    JsonObject payload = Json.createObjectBuilder().add("recipients", Json.createArrayBuilder().add(to))
        .add("message", body).build();
    try (Response r = client.target(url).path("gateway/devices").path(credential.deviceId()).path("send-sms")
        .request(MediaType.APPLICATION_JSON).header("x-api-key", credential.apiKey())
        .post(Entity.entity(payload.toString(), MediaType.APPLICATION_JSON))) {
      String answer = r.hasEntity() ? r.readEntity(String.class) : "";
      JsonObject json = object(answer);
      if (r.getStatus() / 100 != 2) {
        String message = json == null ? "" : json.getString("message", json.getString("error", ""));
        return Result.failed("TextBee message sending failed: HTTP " + r.getStatus()
            + (message.isEmpty() ? "" : " " + message));
      }
      JsonObject data = json == null || !(json.get("data") instanceof JsonObject d) ? null : d;
      if (data == null) {
        return Result.failed("TextBee response missing data field");
      }
      String batch = data.getString("smsBatchId", "");
      JsonValue success = data.get("success");
      messages.sent(uuid, batch, success == null ? "PENDING" : success.toString());
      return Result.accepted(batch.isEmpty() ? uuid : batch);
    }
  }

  /**
   * A page of the device's received messages, newest first: {@code GET <url>/gateway/devices/<device
   * id>/get-received-sms?page&limit}, answered {@code {"data": [{"_id", "sender", "message", "receivedAt", …}],
   * "meta": {"page", "limit", "total", "totalPages"}}}.
   *
   * @throws IllegalStateException when TextBee cannot be reached or refuses
   */
  JsonObject receivedPage(Credential credential, int page, int limit) {
    try (Response r = client.target(url).path("gateway/devices").path(credential.deviceId())
        .path("get-received-sms").queryParam("page", page).queryParam("limit", limit)
        .request(MediaType.APPLICATION_JSON).header("x-api-key", credential.apiKey()).get()) {
      String answer = r.hasEntity() ? r.readEntity(String.class) : "";
      JsonObject json = object(answer);
      if (r.getStatus() / 100 != 2 || json == null) {
        throw new IllegalStateException("TextBee received messages: HTTP " + r.getStatus() + " " + answer);
      }
      return json;
    }
  }

  static JsonObject object(String answer) {
    try (JsonReader reader = Json.createReader(new StringReader(answer))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
