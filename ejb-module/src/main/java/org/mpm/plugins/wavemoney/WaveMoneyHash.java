package org.mpm.plugins.wavemoney;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    StringBuilder message = new StringBuilder();
    for (String v : values) {
      message.append(v == null ? "null" : v);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a callback's hashValue is right, compared in constant time; no secret or no hash never is. */
  public static boolean valid(String secret, String hashValue, String... values) {
    if (secret == null || secret.isEmpty() || hashValue == null) {
      return false;
    }
    return MessageDigest.isEqual(of(secret, values).getBytes(StandardCharsets.US_ASCII),
        hashValue.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
