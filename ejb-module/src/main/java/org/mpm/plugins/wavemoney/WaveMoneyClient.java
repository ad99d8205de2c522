package org.mpm.plugins.wavemoney;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wave Money's payment gateway ({@code mpm.wave-money.url}, timeouts {@code mpm.wave-money.timeout-ms}): a payment
 * request is a form POST to {@code /payment} answered {@code {"message": "success", "transaction_id": …}}; the
 * customer then pays at {@code /authenticate?transaction_id=…}. Never called inside a database transaction.
 */
@ApplicationScoped
public class WaveMoneyClient {

  /** How long Wave Money keeps a payment request open, as MPM asks. */
  static final int TIME_TO_LIVE_SECONDS = 120;

  @Inject
  @ConfigProperty(name = "mpm.wave-money.url", defaultValue = "https://payments.wavemoney.io:8107")
  String url;

  @Inject
  @ConfigProperty(name = "mpm.wave-money.timeout-ms", defaultValue = "10000")
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

  /** Wave Money's answer to a payment request: its transaction id and where the customer pays, or the error. */
  public record Answer(String transactionId, String redirectionUrl, String error) {}

  public Answer requestPayment(WaveMoneyService.Started s) {
    WaveMoneyService.Credential c = s.credential();
    String amount = s.amount().stripTrailingZeros().toPlainString();
    String ttl = Integer.toString(TIME_TO_LIVE_SECONDS);
    Form form = new Form().param("merchant_id", c.merchantId()).param("order_id", s.orderId())
        .param("merchant_reference_id", s.referenceId()).param("frontend_result_url", c.resultUrl())
        .param("backend_result_url", c.callbackUrl()).param("amount", amount)
        .param("time_to_live_in_seconds", ttl).param("payment_description", "MicroPowerManager transaction")
        .param("currency", WaveMoneyService.CURRENCY).param("merchant_name", c.merchantName())
        .param("items", "[{\"name\":\"payment\",\"amount\":" + amount + "}]")
        .param("hash", WaveMoneyHash.of(c.secretKey(), ttl, c.merchantId(), s.orderId(), amount, c.callbackUrl(),
            s.referenceId()));
    String base = url.replaceAll("/+$", "");
    try (Response r = client.target(base + "/payment").request(MediaType.APPLICATION_JSON)
        .post(Entity.form(form))) {
      if (r.getStatus() != 200 && r.getStatus() != 201) {
        return new Answer(null, null, "Wave Money answered " + r.getStatus());
      }
      JsonObject body = r.readEntity(JsonObject.class);
      String id = body.containsKey("transaction_id") && !body.isNull("transaction_id")
          ? body.get("transaction_id").toString().replace("\"", "") : null;
      if (!"success".equals(body.getString("message", null)) || id == null) {
        return new Answer(null, null, "Wave Money refused the payment: " + body.getString("message", ""));
      }
      return new Answer(id, base + "/authenticate?transaction_id=" + id, null);
    } catch (ProcessingException | ClassCastException e) {
      return new Answer(null, null, "Wave Money cannot be reached: " + e.getMessage());
    }
  }
}
