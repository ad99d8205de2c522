package org.mpm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexHmacTest {

  static final byte[] RFC4231_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
  static final byte[] BODY = "{\"event\":\"charge.success\",\"data\":{\"reference\":\"r1\",\"amount\":50000}}"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void rfc4231Vectors() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        HexHmac.SHA256.sign(RFC4231_DATA, "Jefe"));
    assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdc"
        + "aeab1a34d4a6b4b636e070a38bce737", HexHmac.SHA512.sign(RFC4231_DATA, "Jefe"));
  }

  @Test
  void onlyTheRightSignatureOfTheSameBodyIsValidInEitherCase() {
    for (HexHmac hmac : HexHmac.values()) {
      String signature = hmac.sign(BODY, "sk_test_a");
      assertTrue(hmac.valid(BODY, signature, "sk_test_a"));
      assertTrue(hmac.valid(BODY, " " + signature.toUpperCase() + " ", "sk_test_a"));
      assertFalse(hmac.valid(BODY, signature, "sk_test_b"));
      byte[] changed = BODY.clone();
      changed[changed.length - 3]++;
      assertFalse(hmac.valid(changed, signature, "sk_test_a"));
    }
    assertFalse(HexHmac.SHA256.valid(BODY, HexHmac.SHA512.sign(BODY, "k"), "k"));
  }

  @Test
  void noSecretOrNoSignatureNeverMatches() {
    String signature = HexHmac.SHA256.sign(BODY, "k");
    assertFalse(HexHmac.SHA256.valid(BODY, null, "k"));
    assertFalse(HexHmac.SHA256.valid(BODY, "", "k"));
    assertFalse(HexHmac.SHA256.valid(BODY, signature, null));
    assertFalse(HexHmac.SHA256.valid(BODY, signature, ""));
  }
}
