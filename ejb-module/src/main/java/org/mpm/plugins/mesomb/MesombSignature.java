package org.mpm.plugins.mesomb;

import java.nio.charset.StandardCharsets;
import org.mpm.plugin.HexHmac;

/**
 * The signature of MeSomb's webhooks: the header {@code MeSomb-Signature: t=<unix seconds>,v1=<hex>} carries when
 * the event was signed and the hex HMAC-SHA256 of {@code <t>.<raw body>} under the company's webhook secret (more
 * than one {@code v1} while MeSomb rotates the secret; one matching is enough). A timestamp further than
 * {@value #TOLERANCE_SECONDS} seconds from now is refused, so an old delivery cannot be replayed.
 */
public final class MesombSignature {

  /** How far the signed time may be from the server's clock. */
  public static final long TOLERANCE_SECONDS = 300;

  private MesombSignature() {}

  /** The header value for a body signed at {@code unixSeconds}. */
  public static String header(byte[] body, String secret, long unixSeconds) {
    return "t=" + unixSeconds + ",v1=" + HexHmac.SHA256.sign(signed(body, unixSeconds), secret);
  }

  /** Whether the header signs the raw body under the secret, at a time within the tolerance of {@code now}. */
  public static boolean valid(byte[] body, String header, String secret, long now) {
    if (header == null || secret == null || secret.isEmpty()) {
      return false;
    }
    Long t = null;
    for (String part : header.split(",")) {
      String p = part.trim();
      if (p.startsWith("t=")) {
        try {
          t = Long.parseLong(p.substring(2));
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    if (t == null || Math.abs(now - t) > TOLERANCE_SECONDS) {
      return false;
    }
    byte[] message = signed(body, t);
    boolean match = false;
    for (String part : header.split(",")) {
      String p = part.trim();
      if (p.startsWith("v1=")) {
        match |= HexHmac.SHA256.valid(message, p.substring(3), secret);
      }
    }
    return match;
  }

  private static byte[] signed(byte[] body, long t) {
    byte[] prefix = (t + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }
}
