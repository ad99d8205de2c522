package org.mpm.plugin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hex HMAC with which vendors sign what they send: Paystack's {@code x-paystack-signature} (SHA-512 of the raw
 * body under the secret key), TextBee's {@code x-signature} and Viber's {@code X-Viber-Content-Signature}
 * (SHA-256 of the raw body under the shared secret or the bot's token), Wave Money's hashes (SHA-256 over
 * concatenated values, {@code WaveMoneyHash}).
 */
public enum HexHmac {
  SHA256("HmacSHA256"),
  SHA512("HmacSHA512");

  private final String algorithm;

  HexHmac(String algorithm) {
    this.algorithm = algorithm;
  }

  /** The lower-case hex HMAC of {@code message} under {@code secret} (UTF-8). */
  public String sign(byte[] message, String secret) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether a received signature (hex, either case) is the HMAC of {@code message}, compared in constant time; no
   * secret or no signature never matches.
   */
  public boolean valid(byte[] message, String signature, String secret) {
    if (signature == null || secret == null || secret.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(sign(message, secret).getBytes(StandardCharsets.US_ASCII),
        signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
