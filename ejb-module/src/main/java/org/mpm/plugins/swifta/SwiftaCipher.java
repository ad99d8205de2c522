package org.mpm.plugins.swifta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Swifta's request cipher: hex MD5 of {@code "Inensus" + timestamp + amount + "Swifta"}, as sent. It binds only the
 * timestamp and the amount, so it is a check of form, not an authentication: the Swifta token authenticates the
 * caller, and a replay is stopped by the payment's idempotency key.
 */
public final class SwiftaCipher {

  private SwiftaCipher() {}

  public static String of(String timestamp, String amount) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(("Inensus" + timestamp + amount + "Swifta")
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the cipher matches the timestamp and amount as sent, compared in constant time. */
  public static boolean valid(String timestamp, String amount, String cipher) {
    if (timestamp == null || amount == null || cipher == null) {
      return false;
    }
    return MessageDigest.isEqual(of(timestamp, amount).getBytes(StandardCharsets.US_ASCII),
        cipher.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
