package org.mpm.auth;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mpm.common.UnauthorizedException;

/**
 * HS256 JSON Web Tokens as tymon/jwt-auth writes them. Plain Java: the header must say HS256 (so {@code none}
 * and every other algorithm are refused), the signature is compared in constant time, and the time claims are
 * checked with no leeway.
 */
public final class JwtCodec {

  private static final String HEADER = b64(
      "{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Looked up once: {@code Json.createReader} would search the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final byte[] secret;
  /** A keyed HMAC per thread (a Mac is not thread-safe; making and keying one costs more than using it). */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public JwtCodec(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("The JWT secret must have at least 32 bytes");
    }
    this.secret = secret.clone();
  }

  public String encode(JwtClaims c) {
    String payload = JSON.createObjectBuilder()
        .add("iss", c.issuer())
        .add("iat", c.issuedAt())
        .add("exp", c.expiresAt())
        .add("nbf", c.notBefore())
        .add("jti", c.id())
        .add("sub", c.subject())
        .add("prv", c.prv())
        .add("companyId", c.companyId())
        .build()
        .toString();
    String signingInput = HEADER + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + b64(sign(signingInput));
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @param now epoch seconds
   * @param refreshWindowSeconds 0 for normal use; for refresh, how long after {@code iat} an expired token may
   *     still be exchanged
   */
  public JwtClaims decode(String token, long now, long refreshWindowSeconds) {
    if (token == null || token.isBlank()) {
      throw new UnauthorizedException("Token could not be parsed from the request.");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new UnauthorizedException("Wrong number of segments");
    }
    JsonObject header = parseObject(parts[0]);
    JsonValue alg = header.get("alg");
    if (!(alg instanceof JsonString s) || !"HS256".equals(s.getString())) {
      throw new UnauthorizedException("Token Signature could not be verified.");
    }
    byte[] expected = sign(parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException("Token Signature could not be verified.");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new UnauthorizedException("Token Signature could not be verified.");
    }
    JsonObject p = parseObject(parts[1]);
    JwtClaims claims;
    try {
      claims = new JwtClaims(
          string(p, "iss"), number(p, "iat"), number(p, "exp"), number(p, "nbf"), string(p, "jti"),
          string(p, "sub"), string(p, "prv"), number(p, "companyId"));
    } catch (RuntimeException e) {
      throw new UnauthorizedException("JWT payload does not contain the required claims");
    }
    if (claims.notBefore() > now) {
      throw new UnauthorizedException("Not Before (nbf) timestamp cannot be in the future");
    }
    if (claims.issuedAt() > now) {
      throw new UnauthorizedException("Issued At (iat) timestamp cannot be in the future");
    }
    if (refreshWindowSeconds <= 0) {
      if (claims.expiresAt() <= now) {
        throw new UnauthorizedException("Token has expired");
      }
    } else if (claims.issuedAt() + refreshWindowSeconds <= now) {
      throw new UnauthorizedException("Token has expired and can no longer be refreshed");
    }
    return claims;
  }

  public static String newId() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
    }
    return sb.toString();
  }

  private byte[] sign(String input) {
    // doFinal leaves the Mac ready for the next input with the same key.
    return macs.get().doFinal(input.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject parseObject(String segment) {
    try (JsonReader r = JSON.createReader(new StringReader(
        new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8)))) {
      return r.readObject();
    } catch (RuntimeException e) {
      throw new UnauthorizedException("Could not decode token");
    }
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    throw new IllegalArgumentException(name);
  }

  private static long number(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v instanceof JsonNumber n) {
      return n.longValueExact();
    }
    if (v instanceof JsonString s) {
      return Long.parseLong(s.getString());
    }
    throw new IllegalArgumentException(name);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
