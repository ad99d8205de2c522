package org.mpm.transaction;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A payment as it arrives at an ingress, before anything is written.
 *
 * @param provider the provider's morph alias ({@code agent_transaction} …)
 * @param deviceSerial the device the money is for, as sent (may be null or blank: rejected)
 * @param amount the amount in major units; null when what was sent is not a number (rejected)
 * @param rawAmount the amount as sent, kept in a rejected record
 * @param idempotencyScope who owns the key (e.g. {@code agent:7}); null without a key
 * @param idempotencyKey the client's {@code Idempotency-Key} or the provider's own reference; null without one
 * @param attributes the provider's own fields (agent id, mobile device id, user id …)
 * @param receivedAt when the money was received; null for now (imports and demo data give the original time)
 */
public record PaymentRequest(String provider, String deviceSerial, BigDecimal amount, String rawAmount,
    String idempotencyScope, String idempotencyKey, Map<String, Object> attributes, LocalDateTime receivedAt) {

  /** The largest amount one payment may carry (an ad-hoc token's amount is bounded alike). */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

  public PaymentRequest {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public boolean keyed() {
    return idempotencyKey != null && idempotencyScope != null;
  }

  /** A provider attribute as a long (agent id, user id). */
  public long longAttribute(String name) {
    Object v = attributes.get(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("Payment attribute " + name + " is missing");
  }

  public String stringAttribute(String name) {
    Object v = attributes.get(name);
    return v == null ? null : String.valueOf(v);
  }

  /** SHA-256 over what makes two requests the same payment: provider, serial, amount and attributes. */
  public String fingerprint() {
    String amountText = amount == null ? "raw:" + rawAmount : amount.stripTrailingZeros().toPlainString();
    String text = provider + "|" + deviceSerial + "|" + amountText + "|" + new TreeMap<>(attributes);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
