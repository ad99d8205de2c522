package org.mpm.plugins.wavemoney;

import java.nio.charset.StandardCharsets;
import org.mpm.plugin.HexHmac;

/**
 * Wave Money's message hashes (its payment gateway's integration guide): lowercase hex HMAC-SHA256 with the
 * merchant's hash secret key over the values concatenated in a fixed order, a null value hashed as {@code "null"}.
 * A payment request is hashed over time to live, merchant id, order id, amount, backend result URL and merchant
 * reference id; a callback's {@code hashValue} over merchantId, orderId, amount, backendResultUrl,
 * merchantReferenceId, initiatorMsisdn, transactionId, paymentRequestId and requestTime.
 */
public final class WaveMoneyHash {

  private WaveMoneyHash() {}

  public static String of(String secret, String... values) {
    return HexHmac.SHA256.sign(message(values), secret);
  }

  /** Whether a callback's hashValue is right, compared in constant time; no secret or no hash never is. */
  public static boolean valid(String secret, String hashValue, String... values) {
    return HexHmac.SHA256.valid(message(values), hashValue, secret);
  }

  private static byte[] message(String... values) {
    StringBuilder message = new StringBuilder();
    for (String v : values) {
      message.append(v == null ? "null" : v);
    }
    return message.toString().getBytes(StandardCharsets.UTF_8);
  }
}
