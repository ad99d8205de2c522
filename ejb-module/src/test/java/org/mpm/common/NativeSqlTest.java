package org.mpm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeSqlTest {

  @Test
  void inListsComeInPowersOfTwo() {
    assertEquals("?", NativeSql.in(1));
    assertEquals("?, ?", NativeSql.in(2));
    assertEquals("?, ?, ?, ?", NativeSql.in(3));
    assertEquals("?, ?, ?, ?", NativeSql.in(4));
    assertEquals(8, NativeSql.padded(5));
    assertEquals(64, NativeSql.padded(33));
    assertEquals(64, NativeSql.padded(64));
  }
}
