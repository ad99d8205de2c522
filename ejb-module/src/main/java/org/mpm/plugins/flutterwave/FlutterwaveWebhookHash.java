package org.mpm.plugins.flutterwave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Flutterwave's webhook check: it signs nothing, but sends the secret hash set on the merchant's dashboard back
 * verbatim in the {@code verif-hash} header. The header must equal the company's stored hash, compared in constant
 * time; no stored hash or no header never matches.
 */
public final class FlutterwaveWebhookHash {

  private FlutterwaveWebhookHash() {}

  public static boolean matches(String header, String storedHash) {
    if (header == null || header.isEmpty() || storedHash == null || storedHash.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }
}
