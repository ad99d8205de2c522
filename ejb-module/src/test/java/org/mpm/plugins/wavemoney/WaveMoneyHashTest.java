package org.mpm.plugins.wavemoney;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaveMoneyHashTest {

  /** RFC 4231 test case 2, its data given in pieces as a message's values are. */
  static final String RFC4231 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  @Test
  void concatenatesTheValuesInOrderAndSignsThemWithHmacSha256() {
    assertEquals(RFC4231, WaveMoneyHash.of("Jefe", "what do ya ", "want ", "for nothing?"));
  }

  @Test
  void hashesANullValueAsTheTextNull() {
    assertEquals(WaveMoneyHash.of("k", "9791009039", "null", "testmerchantID"),
        WaveMoneyHash.of("k", "9791009039", null, "testmerchantID"));
  }

  @Test
  void acceptsOnlyTheRightHashWithASecret() {
    assertTrue(WaveMoneyHash.valid("Jefe", RFC4231.toUpperCase(), "what do ya want for nothing?"));
    assertFalse(WaveMoneyHash.valid("Jefe", RFC4231, "what do ya want for something?"));
    assertFalse(WaveMoneyHash.valid(null, RFC4231, "what do ya want for nothing?"));
    assertFalse(WaveMoneyHash.valid("", RFC4231, "what do ya want for nothing?"));
    assertFalse(WaveMoneyHash.valid("Jefe", null, "what do ya want for nothing?"));
  }
}
