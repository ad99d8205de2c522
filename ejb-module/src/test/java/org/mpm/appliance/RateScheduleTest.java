package org.mpm.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MPM's schedule: equal rates rounded down, the remainder on the last, due a month or a week apart. */
class RateScheduleTest {

  @Test
  void theRatesAddUpToTheAmountWithTheRemainderOnTheLast() {
    assertEquals(List.of(33L, 33L, 34L), RateSchedule.split(100, 3));
    assertEquals(List.of(0L, 0L, 2L), RateSchedule.split(2, 3));
    assertTrue(RateSchedule.split(100, 0).isEmpty());
    for (int n = 1; n <= 24; n++) {
      assertEquals(999_983L, RateSchedule.split(999_983, n).stream().mapToLong(Long::longValue).sum());
    }
  }

  @Test
  void ratesFallDueMonthlyOrWeeklyAfterTheBase() {
    LocalDate base = LocalDate.of(2025, 1, 31);
    List<RateSchedule.Planned> monthly = RateSchedule.plan(300, 3, RateSchedule.MONTHLY, base);
    assertEquals(LocalDate.of(2025, 2, 28), monthly.get(0).due());
    assertEquals(LocalDate.of(2025, 3, 31), monthly.get(1).due());
    assertEquals(LocalDate.of(2025, 4, 30), monthly.get(2).due());
    List<RateSchedule.Planned> weekly = RateSchedule.plan(300, 2, RateSchedule.WEEKLY, base);
    assertEquals(LocalDate.of(2025, 2, 7), weekly.get(0).due());
    assertEquals(LocalDate.of(2025, 2, 14), weekly.get(1).due());
  }
}
