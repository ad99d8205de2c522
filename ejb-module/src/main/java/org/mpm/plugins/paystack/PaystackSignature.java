package org.mpm.plugins.paystack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paystack's webhook signature: {@code x-paystack-signature} = hex HMAC-SHA512 of the raw body, keyed by the
 * secret key.
 */
public final class PaystackSignature {

  private PaystackSignature() {}

  public static String sign(byte[] rawBody, String secretKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
      return HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the header matches, compared in constant time; no secret or no header never matches. */
  public static boolean valid(byte[] rawBody, String header, String secretKey) {
    if (header == null || secretKey == null || secretKey.isEmpty()) {
      return false;
    }
    byte[] expected = sign(rawBody, secretKey).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
