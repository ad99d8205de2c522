package org.mpm.st;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Crafts JWTs independently of the server's code, to probe how it judges them. */
final class Tokens {

  static final String USER_PRV = "23bd5c8949f600adb39e701c400872db7a5976f7";
  static final String AGENT_PRV = "42ede3334a04cd65cb2be3f5adfeb2c1edd30774";
  static final String HS256 = "{\"typ\":\"JWT\",\"alg\":\"HS256\"}";

  private Tokens() {}

  static String hs256(String headerJson, String payloadJson, String secret) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String payload(long iat, long exp, String sub, String prv, long companyId) {
    return "{\"iss\":\"http://test/api/auth/login\",\"iat\":" + iat + ",\"exp\":" + exp + ",\"nbf\":" + iat
        + ",\"jti\":\"j" + System.nanoTime() + "\",\"sub\":\"" + sub + "\",\"prv\":\"" + prv
        + "\",\"companyId\":" + companyId + "}";
  }

  static String user(long iat, long exp, String sub, long companyId) {
    return hs256(HS256, payload(iat, exp, sub, USER_PRV, companyId), TestServer.JWT_SECRET);
  }

  /** The payload (claims) of a token, as JSON text. */
  static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
