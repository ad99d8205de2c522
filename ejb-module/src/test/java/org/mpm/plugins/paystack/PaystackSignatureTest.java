package org.mpm.plugins.paystack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaystackSignatureTest {

  static final byte[] BODY = "{\"event\":\"charge.success\",\"data\":{\"reference\":\"r1\",\"amount\":50000}}"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesAnHmacSha512OfTheRawBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdc"
        + "aeab1a34d4a6b4b636e070a38bce737",
        PaystackSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"));
    String sig = PaystackSignature.sign(BODY, "sk_test_a");
    assertTrue(PaystackSignature.valid(BODY, sig, "sk_test_a"));
    assertTrue(PaystackSignature.valid(BODY, sig.toUpperCase(), "sk_test_a"));
  }

  @Test
  void refusesAnotherKeyAChangedBodyOrNoHeader() {
    String sig = PaystackSignature.sign(BODY, "sk_test_a");
    assertFalse(PaystackSignature.valid(BODY, sig, "sk_test_b"));
    byte[] changed = BODY.clone();
    changed[changed.length - 3]++;
    assertFalse(PaystackSignature.valid(changed, sig, "sk_test_a"));
    assertFalse(PaystackSignature.valid(BODY, null, "sk_test_a"));
    assertFalse(PaystackSignature.valid(BODY, sig, ""));
    assertFalse(PaystackSignature.valid(BODY, "", "sk_test_a"));
  }
}
