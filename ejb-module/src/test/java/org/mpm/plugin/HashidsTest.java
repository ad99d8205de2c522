package org.mpm.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashidsTest {

  @Test
  void givesTheLibrarysPublishedHashes() {
    assertEquals("o2fXhV", new Hashids("", 0).encode(1, 2, 3));
    assertEquals("514cdi42", new Hashids("this is my salt", 8, "abcdefghij1234567890").encode(1, 2, 3));
    assertEquals("NkK9", new Hashids("this is my salt", 0).encode(12345));
  }

  @Test
  void decodesItsOwnHashesOnlyWithItsSalt() {
    Hashids h = new Hashids("company-salt", 8);
    for (long n : new long[] {1, 7, 42, 1000, 123456789}) {
      String hash = h.encode(n);
      assertTrue(hash.length() >= 8, hash);
      assertEquals(List.of(n), h.decode(hash));
    }
    assertEquals(List.of(), new Hashids("other-salt", 8).decode(h.encode(42)));
    assertEquals(List.of(), h.decode("not a hash"));
    assertEquals(List.of(), h.decode(""));
  }
}
