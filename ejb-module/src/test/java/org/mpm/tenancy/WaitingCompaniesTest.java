package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mpm.common.ApiException;

class WaitingCompaniesTest {

  private final WaitingCompanies waiting = new WaitingCompanies();
  private final Set<String> up = new HashSet<>();
  private final Set<String> failing = new HashSet<>();
  private final List<String> migrated = new ArrayList<>();

  private boolean round() {
    return waiting.retry(up::contains, db -> {
      if (failing.contains(db)) {
        throw new IllegalStateException("migration of " + db + " failed");
      }
      migrated.add(db);
    });
  }

  @Test
  void aWaitingCompanyIsRefusedWithA503AndTheOthersAreNot() {
    waiting.add("second", List.of("tenant_a", "tenant_b"));
    ApiException refused = assertThrows(ApiException.class, () -> waiting.requireMigrated("tenant_a"));
    assertEquals(503, refused.status());
    assertTrue(waiting.isWaiting("tenant_b"));
    assertFalse(waiting.isWaiting("tenant_c"));
    waiting.requireMigrated("tenant_c");
  }

  @Test
  void companiesWaitUntilTheirServerTakesTheLoginThenAreMigratedAndServed() {
    waiting.add("second", List.of("tenant_a", "tenant_b"));
    waiting.add("third", List.of("tenant_c"));
    assertFalse(round());
    assertEquals(List.of(), migrated, "no server takes the login yet");
    assertTrue(waiting.isWaiting("tenant_a") && waiting.isWaiting("tenant_c"));

    up.add("third");
    assertFalse(round());
    assertEquals(List.of("tenant_c"), migrated);
    assertFalse(waiting.isWaiting("tenant_c"));
    assertTrue(waiting.isWaiting("tenant_a"));

    up.add("second");
    failing.add("tenant_b");
    assertFalse(round());
    assertEquals(Set.of("tenant_c", "tenant_a"), Set.copyOf(migrated));
    assertFalse(waiting.isWaiting("tenant_a"));
    assertTrue(waiting.isWaiting("tenant_b"), "a failed migration waits for the next round");

    failing.clear();
    assertTrue(round());
    assertEquals(3, migrated.size());
    assertFalse(waiting.isWaiting("tenant_b"));
    assertTrue(round(), "nothing waits");
    assertEquals(3, migrated.size(), "nothing migrated twice");
  }
}
