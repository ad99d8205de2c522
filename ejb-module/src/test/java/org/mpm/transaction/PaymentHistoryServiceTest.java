package org.mpm.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.mpm.transaction.PaymentHistoryService.Period;

class PaymentHistoryServiceTest {

  @Test
  void periodCodesAreSingleLettersInAnyCase() {
    assertEquals(Period.D, Period.of("d"));
    assertEquals(Period.W, Period.of("W"));
    assertEquals(Period.M, Period.of("m"));
    assertEquals(Period.Y, Period.of("Y"));
    assertNull(Period.of("X"));
    assertNull(Period.of("month"));
    assertNull(Period.of(""));
    assertNull(Period.of(null));
  }

  @Test
  void wholeDaysAreTruncatedAndUnsigned() {
    LocalDateTime t = LocalDateTime.of(2026, 3, 10, 12, 0);
    assertEquals(0, PaymentHistoryService.wholeDays(t, t.plusHours(23).plusMinutes(59)));
    assertEquals(1, PaymentHistoryService.wholeDays(t, t.plusDays(1)));
    assertEquals(9, PaymentHistoryService.wholeDays(t.plusDays(9).plusHours(5), t));
  }
}
