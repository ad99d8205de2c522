package org.mpm.transaction.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.mpm.agent.AgentPaymentProvider;
import org.mpm.agent.AgentTransaction;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRequest;

/**
 * An agent's energy purchase as both of MPM's routes take it ({@code POST /api/app/agents/transactions},
 * {@code POST /api/transactions/agent}): body {@code {device_serial, amount}}, optional headers {@code device-id}
 * and {@code Idempotency-Key}; 200 {@code {"data":{"id":<transaction id>}}}, the same for a replay of the key.
 */
@ApplicationScoped
public class AgentPayments {

  /** The longest Idempotency-Key accepted. */
  static final int MAX_KEY = 191;

  @Inject CurrentAgent current;
  @Inject PaymentIngress ingress;

  public Response purchase(String body, String deviceId, String idempotencyKey) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("device_serial", false);
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
      b.error("Idempotency-Key", "The Idempotency-Key header must be 1 to " + MAX_KEY + " characters.");
    }
    b.validate();
    // The amount as sent: the pipeline refuses what is not a positive amount and keeps the attempt with it.
    BigDecimal amount = b.decimal("amount");
    JsonValue sent = b.has("amount") ? b.raw("amount") : null;
    String raw = amount != null || sent == null ? null
        : sent instanceof JsonString s ? s.getString() : sent.toString();
    long agentId = current.agent().id();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(AgentPaymentProvider.AGENT_ID, agentId);
    if (deviceId != null && !deviceId.isBlank()) {
      attributes.put(AgentPaymentProvider.MOBILE_DEVICE_ID, deviceId);
    }
    Accepted a = ingress.receive(new PaymentRequest(AgentTransaction.MORPH, serial, amount, raw,
        idempotencyKey == null ? null : "agent:" + agentId, idempotencyKey, attributes, null));
    Response.ResponseBuilder ok = Response.ok(Json.data(Json.obj("id", a.transactionId())));
    if (a.replayed()) {
      ok.header("Idempotent-Replayed", "true");
    }
    return ok.type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
