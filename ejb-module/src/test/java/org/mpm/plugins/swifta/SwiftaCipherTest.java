package org.mpm.plugins.swifta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SwiftaCipherTest {

  @Test
  void isTheMd5OfTheTimestampAndAmountBetweenSwiftasWords() {
    // md5("Inensus" + "1" + "2" + "Swifta") = md5("Inensus12Swifta")
    assertEquals(32, SwiftaCipher.of("1", "2").length());
    assertEquals(SwiftaCipher.of("1", "2"), SwiftaCipher.of("12", ""));
    assertTrue(SwiftaCipher.valid("1733300000", "500", SwiftaCipher.of("1733300000", "500").toUpperCase()));
  }

  @Test
  void refusesAnotherAmountOrAMissingPart() {
    String cipher = SwiftaCipher.of("1733300000", "500");
    assertFalse(SwiftaCipher.valid("1733300000", "5000", cipher));
    assertFalse(SwiftaCipher.valid(null, "500", cipher));
    assertFalse(SwiftaCipher.valid("1733300000", "500", null));
  }
}
