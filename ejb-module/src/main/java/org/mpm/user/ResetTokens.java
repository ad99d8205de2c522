package org.mpm.user;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tokens of a password reset, as MPM's UserPasswordResetService makes them: a random token of 64 letters and
 * digits, sent in the reset link inside MPM's composite token — base64url without padding of
 * {@code {"e": e-mail, "t": token}}, so that the company can be found from the e-mail before the token is looked
 * up — and valid for a limited time from its creation. Only the token's SHA-256 is stored (MPM stores the token).
 */
public final class ResetTokens {

  static final int LENGTH = 64;
  /** Longer composites are not decoded (an e-mail of 191 characters and a token make about 360). */
  static final int MAX_COMPOSITE = 1024;
  private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ResetTokens() {}

  /** The e-mail and token a composite token carries. */
  public record Composite(String email, String token) {}

  /** A new token: 64 letters and digits (Laravel's {@code Str::random(64)}). */
  public static String newToken() {
    StringBuilder token = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      token.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
    }
    return token.toString();
  }

  /** What is stored of a token: its SHA-256 in hex (64 characters). */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** MPM's composite token of an e-mail and a token. */
  public static String encode(String email, String token) {
    String json = Json.createObjectBuilder().add("e", email).add("t", token).build().toString();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The e-mail and token of a composite token (base64url or base64, with or without padding); empty for anything
   * else, as MPM's {@code decodeCompositeToken} gives nulls.
   */
  public static Optional<Composite> decode(String composite) {
    if (composite == null || composite.isEmpty() || composite.length() > MAX_COMPOSITE) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(composite.replace('+', '-').replace('/', '_'));
      JsonValue value;
      try (JsonReader r = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
        value = r.readValue();
      }
      if (value instanceof JsonObject o && o.get("e") instanceof JsonString e && o.get("t") instanceof JsonString t
          && !e.getString().isBlank() && !t.getString().isEmpty()) {
        return Optional.of(new Composite(e.getString().trim(), t.getString()));
      }
      return Optional.empty();
    } catch (IllegalArgumentException | JsonException e) {
      return Optional.empty();
    }
  }

  /** Whether a token made at {@code createdAt} is still valid at {@code now}: for {@code lifetime} after it. */
  public static boolean live(LocalDateTime createdAt, LocalDateTime now, Duration lifetime) {
    return createdAt != null && now.isBefore(createdAt.plus(lifetime));
  }
}
