package org.mpm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrenciesTest {

  @Test
  void mpmsListInItsOrder() {
    assertEquals(119, Currencies.codes().size());
    assertEquals(List.of("USD", "CAD", "EUR"), Currencies.codes().stream().limit(3).toList());
    JsonObject tzs = Currencies.list().getJsonObject("TZS");
    assertEquals("TZS", tzs.getString("code"));
    assertEquals("Tanzanian Shilling", tzs.getString("name"));
    assertEquals("[symbol, name, symbol_native, decimal_digits, rounding, code, name_plural]",
        Currencies.list().getJsonObject("EUR").keySet().toString());
  }

  @Test
  void codesAreTheKeysOnly() {
    assertTrue(Currencies.codes().containsAll(List.of("TZS", "EUR", "USD", "KES", "NGN")));
    assertFalse(Currencies.codes().contains("€"));
    assertFalse(Currencies.codes().contains("tzs"));
    assertTrue(Currencies.codes().stream().allMatch(c -> c.matches("[A-Z]{3}")));
  }
}
