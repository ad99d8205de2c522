package org.mpm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

  @Test
  void roundTripsWithAFreshNonceEachTime() {
    CredentialCipher c = new CredentialCipher("k1");
    String a = c.encrypt("sk_test_abcdef123456");
    String b = c.encrypt("sk_test_abcdef123456");
    assertTrue(a.startsWith(CredentialCipher.PREFIX));
    assertFalse(a.contains("abcdef"));
    assertNotEquals(a, b);
    assertEquals("sk_test_abcdef123456", c.decrypt(a));
    assertEquals("sk_test_abcdef123456", c.decrypt(b));
  }

  @Test
  void anotherKeyOrATamperedValueDoesNotDecrypt() {
    String sealed = new CredentialCipher("k1").encrypt("secret-value");
    assertThrows(IllegalStateException.class, () -> new CredentialCipher("k2").decrypt(sealed));
    // A character inside the value (the last ones before '=' padding carry bits the decoder ignores).
    int at = sealed.length() / 2;
    char c = sealed.charAt(at);
    String tampered = sealed.substring(0, at) + (c == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
    assertThrows(IllegalStateException.class, () -> new CredentialCipher("k1").decrypt(tampered));
  }

  @Test
  void masksAllButTheLastFour() {
    assertEquals("********3456", CredentialCipher.mask("sk_test_abcdef123456"));
    assertEquals("********", CredentialCipher.mask("short"));
    assertEquals("", CredentialCipher.mask(""));
    assertEquals("", new CredentialCipher("k").decrypt(""));
  }

  @Test
  void aMaskSentBackKeepsTheStoredSecret() {
    assertEquals("sk_test_abcdef123456", CredentialCipher.unlessMasked("********3456", "sk_test_abcdef123456"));
    assertEquals("sk_new_999999", CredentialCipher.unlessMasked("sk_new_999999", "sk_test_abcdef123456"));
    assertEquals("********3456", CredentialCipher.unlessMasked("********3456", null));
    assertEquals(null, CredentialCipher.unlessMasked(null, "sk_test_abcdef123456"));
  }
}
