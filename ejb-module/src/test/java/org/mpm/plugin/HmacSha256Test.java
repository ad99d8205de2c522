package org.mpm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

  @Test
  void rfc4231Vector() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HmacSha256.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"));
  }

  @Test
  void onlyTheRightSignatureOfTheSameBodyIsValid() {
    byte[] body = "{\"event\":\"message\"}".getBytes(StandardCharsets.UTF_8);
    String signature = HmacSha256.sign(body, "token-1");
    assertTrue(HmacSha256.valid(body, signature.toUpperCase(), "token-1"));
    assertFalse(HmacSha256.valid(body, signature, "token-2"));
    assertFalse(HmacSha256.valid("{}".getBytes(StandardCharsets.UTF_8), signature, "token-1"));
    assertFalse(HmacSha256.valid(body, null, "token-1"));
    assertFalse(HmacSha256.valid(body, signature, null));
  }
}
