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
    // A character well inside the text: all six of its bits count (the last ones before the padding carry
    // bits the decoder ignores, so changing them may change nothing).
    int at = sealed.length() - 10;
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
}
