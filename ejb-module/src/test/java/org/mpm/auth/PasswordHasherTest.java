package org.mpm.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  /** The hash Laravel's user factories ship for "password" (PHP password_hash, $2y$, cost 10). */
  static final String LARAVEL_HASH = "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi";

  @Test
  void verifiesHashesWrittenByPhp() {
    assertTrue(PasswordHasher.verify("password", LARAVEL_HASH));
    assertFalse(PasswordHasher.verify("Password", LARAVEL_HASH));
  }

  @Test
  void writesLaravelStyleHashesThatVerify() {
    String hash = PasswordHasher.hash("123123");
    assertTrue(hash.startsWith("$2y$10$"), hash);
    assertTrue(PasswordHasher.verify("123123", hash));
    assertFalse(PasswordHasher.verify("123124", hash));
  }

  @Test
  void refusesGarbage() {
    assertFalse(PasswordHasher.verify("x", null));
    assertFalse(PasswordHasher.verify("x", "plaintext"));
    assertFalse(PasswordHasher.verify("x", "$2y$10$short"));
    assertFalse(PasswordHasher.verify(null, LARAVEL_HASH));
  }
}
