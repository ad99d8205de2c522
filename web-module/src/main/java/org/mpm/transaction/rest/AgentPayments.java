package org.mpm.transaction.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
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
import org.mpm.transaction.PaymentRejectedException;
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
    String serial = b.has("device_serial") && b.raw("device_serial") instanceof JsonString s ? s.getString()
        : b.has("device_serial") && b.raw("device_serial") instanceof JsonNumber n ? n.toString() : null;
    JsonValue rawAmount = b.has("amount") ? b.raw("amount") : null;
    BigDecimal amount = null;
    String raw = null;
    if (rawAmount instanceof JsonNumber n) {
      amount = n.bigDecimalValue();
    } else if (rawAmount instanceof JsonString s) {
      raw = s.getString();
      try {
        amount = new BigDecimal(raw.trim());
      } catch (NumberFormatException e) {
        amount = null;
      }
    } else if (rawAmount != null && rawAmount != JsonValue.NULL) {
      raw = rawAmount.toString();
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
      return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.obj("message",
          "The Idempotency-Key header must be 1 to " + MAX_KEY + " characters.")).build();
    }
    long agentId = current.agent().id();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(AgentPaymentProvider.AGENT_ID, agentId);
    if (deviceId != null && !deviceId.isBlank()) {
      attributes.put(AgentPaymentProvider.MOBILE_DEVICE_ID, deviceId);
    }
    PaymentRequest request = new PaymentRequest(AgentTransaction.MORPH, serial, amount, raw,
        idempotencyKey == null ? null : "agent:" + agentId, idempotencyKey, attributes, null);
    Accepted a;
    try {
      a = ingress.receive(request);
    } catch (PaymentRejectedException e) {
      return rejected(e);
    } catch (jakarta.ejb.EJBException e) {
      if (e.getCausedByException() instanceof PaymentRejectedException r) {
        return rejected(r);
      }
      throw e;
    }
    Response.ResponseBuilder ok = Response.ok(Json.data(Json.obj("id", a.transactionId())));
    if (a.replayed()) {
      ok.header("Idempotent-Replayed", "true");
    }
    return ok.type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** MPM's bodies: 401 {@code {"data":{"message"}}}, otherwise {@code {"message"[, "errors"]}}. */
  static Response rejected(PaymentRejectedException e) {
    Object body = e.status() == 401 ? Json.obj("data", Json.obj("message", e.getMessage()))
        : e.errors().isEmpty() ? Json.message(e.getMessage())
        : Json.obj("message", e.getMessage(), "errors", e.errors());
    return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
