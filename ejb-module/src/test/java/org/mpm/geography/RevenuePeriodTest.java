package org.mpm.geography;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenuePeriodTest {

  @Test
  void monthlySlotsCoverEveryMonthTouched() {
    Map<String, Object> slots = RevenuePeriod.MONTHLY.slots(LocalDate.of(2024, 11, 30), LocalDate.of(2025, 2, 1),
        () -> 0.0);
    assertEquals(List.of("2024-11", "2024-12", "2025-01", "2025-02"), List.copyOf(slots.keySet()));
  }

  @Test
  void weeklySlotsAreIsoWeeksAcrossTheYearEnd() {
    Map<String, Object> slots = RevenuePeriod.WEEKLY.slots(LocalDate.of(2024, 12, 25), LocalDate.of(2025, 1, 6),
        () -> 0.0);
    assertEquals(List.of("2024-52", "2025-01", "2025-02"), List.copyOf(slots.keySet()),
        "30 December 2024 is in ISO week 1 of 2025");
    assertEquals("2025-01", RevenuePeriod.isoWeek(202501));
    assertEquals("2020-53", RevenuePeriod.isoWeek(LocalDate.of(2021, 1, 3)));
  }

  @Test
  void weekMonthListsTheIsoWeeksOfEachWholeMonth() {
    Map<String, Object> slots = RevenuePeriod.WEEK_MONTH.slots(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 3, 15),
        () -> 0.0);
    @SuppressWarnings("unchecked")
    Map<String, Object> march = (Map<String, Object>) slots.get("2025-03");
    assertEquals(List.of("2025-09", "2025-10", "2025-11", "2025-12", "2025-13", "2025-14"),
        List.copyOf(march.keySet()), "1 March (Saturday) to 31 March (Monday)");
    assertArrayEquals(new String[] {"2025-03", "2025-14"}, RevenuePeriod.WEEK_MONTH.slotOf("2025-03", 202514));
  }

  @Test
  void periodNamesAreMpms() {
    assertEquals(RevenuePeriod.WEEK_MONTH, RevenuePeriod.of("weekMonth").orElseThrow());
    assertTrue(RevenuePeriod.of("daily").isEmpty());
  }

  @Test
  void arraysCompareAsInPhp() {
    Map<String, Object> small = ordered("2025-01", 0.0, "2025-02", 700.0);
    Map<String, Object> large = ordered("2025-01", 80.0, "2025-02", 0.0);
    assertTrue(GridRevenueService.phpCompare(small, large) < 0, "the first differing slot decides");
    assertTrue(GridRevenueService.phpCompare(ordered("a", 1.0), ordered("a", 1.0, "b", 0.0)) < 0,
        "fewer slots first");
    assertEquals(0, GridRevenueService.phpCompare(small, ordered("2025-01", 0.0, "2025-02", 700.0)));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
