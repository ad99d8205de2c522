package org.mpm.plugin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/**
 * Public payment links of a payment-provider plugin, as MPM builds them:
 * {@code <prefix>/public/<page>/<hash>?ct=<token>}. The token is the company id encoded with {@link Hashids} (at
 * least 8 characters); the hash is 16 characters of URL-safe base64 of SHA-256 over
 * {@code <company>|<salt>|permanent} (a link that never expires) or {@code <company>|<salt>|<unix time of the hour>}
 * (valid for 24 to 25 hours). Both are keyed by the plugin's salt. MPM hashes the second the link was made and
 * checks back in steps of an hour, so its timed links are recognised only within the second they were made; here
 * the time is that of the hour, and the last 25 hours are checked.
 */
public final class PaymentLinks {

  private static final int HASH_LENGTH = 16;
  private static final long WINDOW_SECONDS = 86_400;
  private static final long BUCKET_SECONDS = 3_600;

  private final String prefix;
  private final String salt;
  private final Hashids hashids;

  public PaymentLinks(String prefix, String salt) {
    this.prefix = prefix;
    this.salt = salt;
    this.hashids = new Hashids(salt, 8);
  }

  public String permanentHash(long companyId) {
    return hash(companyId + "|" + salt + "|permanent");
  }

  public String timedHash(long companyId, long epochSecond) {
    return hash(companyId + "|" + salt + "|" + (epochSecond - Math.floorMod(epochSecond, BUCKET_SECONDS)));
  }

  /** Whether the hash is the company's permanent one or a timed one made within the last 24 hours. */
  public boolean valid(String hash, long companyId, long nowEpochSecond) {
    if (hash == null || hash.length() != HASH_LENGTH) {
      return false;
    }
    if (same(hash, permanentHash(companyId))) {
      return true;
    }
    for (long offset = 0; offset <= WINDOW_SECONDS; offset += BUCKET_SECONDS) {
      if (same(hash, timedHash(companyId, nowEpochSecond - offset))) {
        return true;
      }
    }
    return false;
  }

  /** The {@code ?ct=} token of a company. */
  public String token(long companyId) {
    return hashids.encode(companyId);
  }

  /** The company of a {@code ?ct=} token. */
  public OptionalLong companyOf(String token) {
    List<Long> decoded = hashids.decode(token);
    return decoded.isEmpty() || decoded.get(0) <= 0 ? OptionalLong.empty() : OptionalLong.of(decoded.get(0));
  }

  public String publicUrl(long companyId, String page, long nowEpochSecond) {
    return prefix + "/public/" + page + "/" + timedHash(companyId, nowEpochSecond) + "?ct=" + token(companyId);
  }

  public String permanentPaymentUrl(long companyId) {
    return prefix + "/public/payment/" + permanentHash(companyId) + "?ct=" + token(companyId);
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String hash(String data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
      String b64 = Base64.getEncoder().encodeToString(digest).replace('+', '-').replace('/', '_').replace("=", "");
      return b64.substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
