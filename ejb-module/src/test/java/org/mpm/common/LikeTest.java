package org.mpm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikeTest {

  @Test
  void wildcardsTypedByAUserMatchThemselves() {
    assertEquals("%\\%%", Like.contains("%"));
    assertEquals("%\\_%", Like.contains("_"));
    assertEquals("a\\\\b%", Like.startsWith("a\\b"));
    assertEquals("%4700%", Like.contains("4700"));
  }
}
