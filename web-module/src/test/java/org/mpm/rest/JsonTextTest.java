package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void deepNestingIsA400BeforeParsing() {
    for (int depth : new int[] {65, 999, 1000, 5000, 100_000}) {
      String arrays = "[".repeat(depth) + "]".repeat(depth);
      String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonText.parse(arrays)).status());
      assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonText.parse(objects)).status());
    }
    JsonText.parse("[".repeat(64) + "]".repeat(64));
  }

  @Test
  void bracketsInStringsAreText() {
    assertEquals(1, JsonText.depth("{\"a\":\"[[[[\\\"{{{\"}"));
  }

  @Test
  void whatTheParserCannotTakeIsA400() {
    assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonText.parse("{\"a\":" + "1".repeat(5000) + "}"))
        .status());
    assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonText.parse("{\"a\":1e99999999999}")).status());
    assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonText.parse("{\"a\":")).status());
    assertEquals(413, assertThrows(BadRequestBody.class, () -> JsonText.parse(" ".repeat(3 << 20) + "{}"))
        .status());
  }
}
