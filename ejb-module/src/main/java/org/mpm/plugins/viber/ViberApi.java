package org.mpm.plugins.viber;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Viber's bot REST API ({@code <url>/pa/…}, header {@code X-Viber-Auth-Token}): send a text, set the webhook, read
 * the account's URI. Viber answers HTTP 200 with {@code status} 0 for success and another status with a
 * {@code status_message} for a refusal. The URL is {@code mpm.viber.url} (default {@code https://chatapi.viber.com}),
 * connect and read timeouts {@code mpm.viber.timeout-ms}. Never called inside a transaction.
 */
@ApplicationScoped
public class ViberApi {

  /** The sender shown with the bot's messages, as MPM's. */
  static final String SENDER_NAME = "MicroPowerManager";
  static final String SENDER_AVATAR = "https://micropowermanager.com/assets/images/Icon_2_5Icon_2_2.png";

  /** Viber's answer: its status (0 ok; -1 when the call failed before an answer), message and body. */
  public record Answer(int status, String message, JsonObject body) {
    public boolean ok() {
      return status == 0;
    }
  }

  @Inject
  @ConfigProperty(name = "mpm.viber.url", defaultValue = "https://chatapi.viber.com")
  String url;

  @Inject
  @ConfigProperty(name = "mpm.viber.timeout-ms", defaultValue = "10000")
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

  /** {@code send_message} of a text to a Viber user id. */
  public Answer sendText(String token, String receiver, String text) {
    JsonObject body = Json.createObjectBuilder().add("receiver", receiver).add("min_api_version", 1)
        .add("sender", Json.createObjectBuilder().add("name", SENDER_NAME).add("avatar", SENDER_AVATAR))
        .add("type", "text").add("text", text).build();
    return call(token, "send_message", body);
  }

  /** {@code set_webhook} to the company's webhook URL. */
  public Answer setWebhook(String token, String webhookUrl) {
    return call(token, "set_webhook", Json.createObjectBuilder().add("url", webhookUrl).build());
  }

  /** {@code get_account_info}: the account's {@code uri} among others. */
  public Answer accountInfo(String token) {
    return call(token, "get_account_info", JsonValue.EMPTY_JSON_OBJECT);
  }

  private Answer call(String token, String method, JsonObject body) {
    try (Response r = client.target(url).path("pa").path(method).request(MediaType.APPLICATION_JSON)
        .header("X-Viber-Auth-Token", token).post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON))) {
      String text = r.hasEntity() ? r.readEntity(String.class) : "";
      if (r.getStatus() / 100 != 2) {
        return new Answer(-1, "HTTP " + r.getStatus(), null);
      }
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        JsonObject o = reader.readObject();
        return new Answer(o.getInt("status", -1), o.getString("status_message", ""), o);
      } catch (RuntimeException e) {
        return new Answer(-1, "unreadable answer", null);
      }
    } catch (ProcessingException e) {
      return new Answer(-1, "unreachable: " + e.getMessage(), null);
    }
  }
}
