package org.mpm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mpm.common.UnauthorizedException;

class JwtCodecTest {

  static final byte[] SECRET = "0123456789abcdef0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
  final JwtCodec codec = new JwtCodec(SECRET);
  final long now = 1_800_000_000L;

  JwtClaims claims(long iat, long exp) {
    return new JwtClaims("http://h/api/auth/login", iat, exp, iat, "abc", "7", Guard.USER.prv(), 42);
  }

  @Test
  void roundTrip() {
    JwtClaims c = codec.decode(codec.encode(claims(now, now + 3600)), now + 10, 0);
    assertEquals(7, c.subjectId());
    assertEquals(42, c.companyId());
    assertEquals(Guard.USER.prv(), c.prv());
  }

  /** A token made with the HS256 test vector of RFC 7515 A.1's structure, computed independently here. */
  @Test
  void signatureMatchesAnIndependentHmac() throws Exception {
    String token = codec.encode(claims(now, now + 3600));
    String[] p = token.split("\\.");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
        mac.doFinal((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII)));
    assertEquals(expected, p[2]);
    assertEquals("{\"typ\":\"JWT\",\"alg\":\"HS256\"}", new String(Base64.getUrlDecoder().decode(p[0])));
  }

  @Test
  void refusesExpiredAndFutureTokens() {
    String expired = codec.encode(claims(now - 7200, now - 3600));
    assertReason("Token has expired", () -> codec.decode(expired, now, 0));
    assertReason("Not Before (nbf) timestamp cannot be in the future",
        () -> codec.decode(codec.encode(claims(now + 100, now + 3700)), now, 0));
  }

  @Test
  void refreshWindowIsCountedFromIat() {
    String expired = codec.encode(claims(now - 7200, now - 3600));
    assertEquals(7, codec.decode(expired, now, 14 * 24 * 3600).subjectId());
    assertReason("Token has expired and can no longer be refreshed",
        () -> codec.decode(expired, now + 15 * 24 * 3600, 14 * 24 * 3600));
  }

  @Test
  void refusesOtherAlgorithmsAndForgeries() {
    String token = codec.encode(claims(now, now + 3600));
    String[] p = token.split("\\.");
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"typ\":\"JWT\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + p[1] + ".";
    assertReason("Token Signature could not be verified.", () -> codec.decode(none, now, 0));
    String hs512 = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"typ\":\"JWT\",\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8)) + "." + p[1] + "." + p[2];
    assertReason("Token Signature could not be verified.", () -> codec.decode(hs512, now, 0));
    String other = new JwtCodec("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8))
        .encode(claims(now, now + 3600));
    assertReason("Token Signature could not be verified.", () -> codec.decode(other, now, 0));
    assertReason("Wrong number of segments", () -> codec.decode("a.b", now, 0));
    assertReason("Token could not be parsed from the request.", () -> codec.decode(null, now, 0));
    assertReason("Could not decode token", () -> codec.decode("%%%.%%%.%%%", now, 0));
  }

  @Test
  void shortSecretsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new JwtCodec("short".getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertReason(String reason, Executable call) {
    UnauthorizedException e = assertThrows(UnauthorizedException.class, call);
    assertEquals(reason, e.reason());
  }
}
