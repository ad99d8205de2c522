package org.mpm.settings;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Set;

/**
 * What an answer of Bing Maps' REST services says about the key it was called with. Every answer carries
 * {@code authenticationResultCode} (Bing's "Common Response Description"): {@code ValidCredentials}, or
 * {@code InvalidCredentials}, {@code CredentialsExpired}, {@code NotAuthorized}, {@code NoCredentials} (a refused
 * key comes with HTTP 401). Anything else — a server error, a rate limit, a body that is not Bing's JSON — says
 * nothing about the key.
 */
public final class BingKeyCheck {

  /** The key is valid, refused, or Bing gave no verdict. */
  public enum Verdict { VALID, INVALID, UNKNOWN }

  static final String VALID_CREDENTIALS = "ValidCredentials";
  static final Set<String> REFUSED = Set.of("InvalidCredentials", "CredentialsExpired", "NotAuthorized",
      "NoCredentials");

  private BingKeyCheck() {}

  /** The verdict of an answer with this HTTP status and body. */
  public static Verdict of(int status, String body) {
    String code = resultCode(body);
    if (status >= 500 || status == 429) {
      return Verdict.UNKNOWN;
    }
    if (VALID_CREDENTIALS.equals(code)) {
      return Verdict.VALID;
    }
    if (code != null && REFUSED.contains(code) || status == 401) {
      return Verdict.INVALID;
    }
    return Verdict.UNKNOWN;
  }

  /** The body's {@code authenticationResultCode}, or null when it is not a JSON object with one. */
  static String resultCode(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader r = JsonProvider.provider().createReader(new StringReader(body))) {
      JsonValue v = r.readValue();
      return v instanceof JsonObject o && o.get("authenticationResultCode") instanceof JsonString s
          ? s.getString() : null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }
}
