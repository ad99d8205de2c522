package org.mpm.plugin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature of vendors that sign with a hex HMAC-SHA256 of the raw body under a shared secret (TextBee's
 * {@code x-signature}, Viber's {@code X-Viber-Content-Signature} under the bot's token).
 */
public final class HmacSha256 {

  private HmacSha256() {}

  public static String sign(byte[] rawBody, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the header matches, compared in constant time; no secret or no header never matches. */
  public static boolean valid(byte[] rawBody, String header, String secret) {
    if (header == null || secret == null || secret.isEmpty()) {
      return false;
    }
    byte[] expected = sign(rawBody, secret).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected,
        header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
