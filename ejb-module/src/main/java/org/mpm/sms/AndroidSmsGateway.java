package org.mpm.sms;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.settings.SmsGatewayOptions;

/**
 * MPM's Android gateway: each message is pushed through Firebase Cloud Messaging to the company's phone running the
 * gateway app ({@code POST <url>}, {@code Authorization: key=<server key>}, body {@code {"data": {"number",
 * "message", "callback"}, "to": <the phone's token>}}, as MPM's SmsLoadBalancer sends it); the app sends the SMS and
 * reports through {@code /api/sms-android-callback}. The URL is {@code mpm.sms.android.url} when configured, else
 * the phone's; the server key is the phone's, else {@code mpm.sms.android.key}; connect and read timeouts
 * {@code mpm.sms.android.timeout-ms}. A company sends through it when its main settings choose the Android gateway
 * (id 2) and it has a phone. Called outside any transaction by the queue; the phone's settings are read in a
 * short transaction of their own.
 */
@ApplicationScoped
public class AndroidSmsGateway implements SmsGateway {

  public static final String NAME = "android";

  @Inject SmsAndroidPhones phones;

  @Inject
  @ConfigProperty(name = "mpm.sms.android.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "mpm.sms.android.key")
  Optional<String> key;

  @Inject
  @ConfigProperty(name = "mpm.sms.android.timeout-ms", defaultValue = "10000")
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
  public String name() {
    return NAME;
  }

  @Override
  public Integer pluginId() {
    return (int) SmsGatewayOptions.ANDROID;
  }

  @Override
  public Result send(String receiver, String body, String uuid) {
    Optional<SmsAndroidPhones.Phone> phone = phones.phone();
    if (phone.isEmpty()) {
      return Result.failed("No Android gateway phone is set up");
    }
    SmsAndroidPhones.Phone p = phone.get();
    String target = url.filter(u -> !u.isBlank()).orElse(p.url());
    String serverKey = p.key() != null && !p.key().isBlank() ? p.key() : key.orElse("");
    String callback = p.callback() == null ? "" : p.callback().replace("%s", uuid == null ? "" : uuid);
    JsonObject payload = Json.createObjectBuilder()
        .add("data", Json.createObjectBuilder().add("number", receiver).add("message", body)
            .add("callback", callback))
        .add("to", p.token()).build();
    try (Response r = client.target(target).request(MediaType.APPLICATION_JSON)
        .header("Authorization", "key=" + serverKey)
        .post(Entity.entity(payload.toString(), MediaType.APPLICATION_JSON))) {
      String answer = r.hasEntity() ? r.readEntity(String.class) : "";
      if (r.getStatus() / 100 != 2) {
        return Result.failed("Android gateway: HTTP " + r.getStatus() + " " + answer);
      }
      return failures(answer) > 0 ? Result.failed("Android gateway: " + answer) : Result.accepted(uuid);
    } catch (ProcessingException e) {
      return Result.failed("Android gateway unreachable: " + e.getMessage());
    }
  }

  /** FCM's {@code failure} count of an answer (0 when it does not say). */
  static int failures(String answer) {
    try (JsonReader reader = Json.createReader(new StringReader(answer))) {
      JsonObject o = reader.readObject();
      return o.containsKey("failure") ? o.getInt("failure") : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
