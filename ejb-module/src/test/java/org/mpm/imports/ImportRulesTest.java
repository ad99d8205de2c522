package org.mpm.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an imported row is recognised, and MPM's import answer. */
class ImportRulesTest {

  private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 2, 10, 30);

  @Test
  void aRowsKeyIsItsSerialAmountTimeAndCustomer() {
    String key = TransactionImports.key(new TransactionItem("M-1", new BigDecimal("1250.50"), "Neema", null, AT));
    assertEquals(key, TransactionImports.key(new TransactionItem("M-1", new BigDecimal("1250.5"), "Neema",
        "agent_transaction", AT)), "the same payment, however the amount is written");
    assertEquals(64, key.length());
    assertNotEquals(key, TransactionImports.key(new TransactionItem("M-1", new BigDecimal("1250.5"), "Neema", null,
        AT.plusSeconds(1))));
    assertNotEquals(key, TransactionImports.key(new TransactionItem("M-2", new BigDecimal("1250.5"), "Neema", null,
        AT)));
    assertNotEquals(key, TransactionImports.key(new TransactionItem("M-1", new BigDecimal("1250.5"), "Baraka", null,
        AT)));
  }

  @Test
  void theAnswerCountsAddedModifiedAndFailedRows() {
    ImportResult r = new ImportResult("customers");
    r.added(new LinkedHashMap<>(Map.of("id", 1)));
    r.modified(new LinkedHashMap<>(Map.of("id", 2)));
    r.failed("name", "Imani", Map.of("phone", "taken"));
    Map<String, Object> m = r.toMap();
    assertEquals(List.of("success", "message", "imported_count", "added_count", "modified_count", "failed_count",
        "added", "modified", "failed"), List.copyOf(m.keySet()));
    assertEquals(true, m.get("success"));
    assertEquals("Customers imported successfully", m.get("message"));
    assertEquals(2, m.get("imported_count"));
    assertEquals("added", ((List<Map<String, Object>>) m.get("added")).get(0).get("action"));

    ImportResult none = new ImportResult("transactions");
    none.failed("device_id", "X", Map.of("device_id", "not found"));
    assertEquals(false, none.toMap().get("success"));
    assertEquals("All transaction imports failed", none.toMap().get("message"));
  }
}
