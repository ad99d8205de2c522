package org.mpm.transaction.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.common.ValidationException;
import org.mpm.transaction.engine.InstallmentRules.Paid;
import org.mpm.transaction.engine.InstallmentRules.Rate;

/** Payments on an installment plan: accepted amounts, the waterfall, the daily price and the rate type. */
class InstallmentRulesTest {

  private static final LocalDateTime JAN = LocalDateTime.of(2025, 1, 10, 0, 0);

  /** Three monthly rates of 100, the second one listed first (the order rows come in is not the schedule). */
  private static List<Rate> plan(long first, long second, long third) {
    return List.of(new Rate(2, 100, second, JAN.plusMonths(1)), new Rate(1, 100, first, JAN),
        new Rate(3, 100, third, JAN.plusMonths(2)));
  }

  @Test
  void theOldestOpenRateIsPaidFirstAndAPartStaysOpen() {
    List<Paid> paid = InstallmentRules.pay(plan(40, 100, 100), 90);
    assertEquals(2, paid.size());
    assertEquals(1, paid.get(0).rate().id());
    assertEquals(40, paid.get(0).amount());
    assertEquals(2, paid.get(1).rate().id());
    assertEquals(50, paid.get(1).amount());
  }

  @Test
  void amountsAreCheckedAsMpmChecksThem() {
    List<Rate> rates = plan(40, 100, 100);
    InstallmentRules.checkAmount(false, null, rates, new BigDecimal("40"));
    InstallmentRules.checkAmount(false, null, rates, new BigDecimal("240"));
    assertEquals("Payment Amount can not bigger than Total Remaining Amount", assertThrows(ValidationException.class,
        () -> InstallmentRules.checkAmount(false, null, rates, new BigDecimal("241"))).getMessage());
    assertEquals("Payment amount can not smaller than installment cost", assertThrows(ValidationException.class,
        () -> InstallmentRules.checkAmount(false, null, rates, new BigDecimal("39"))).getMessage());
    assertThrows(ValidationException.class, () -> InstallmentRules.checkAmount(false, null, rates,
        new BigDecimal("50.5")));
    // the last few units pay the plan off even below a rate
    InstallmentRules.checkAmount(false, null, plan(0, 0, 30), new BigDecimal("30"));
    assertThrows(ValidationException.class, () -> InstallmentRules.checkAmount(true, 500L, List.of(),
        new BigDecimal("499")));
    InstallmentRules.checkAmount(true, 500L, List.of(), new BigDecimal("500.50"));
  }

  @Test
  void aDayCostsTheNextRateOverTheDaysItCovers() {
    // January 10 to February 10: 31 days
    assertEquals(0, new BigDecimal("3.2258").compareTo(InstallmentRules.dailyPrice(false, null, plan(100, 100, 100))));
    assertEquals("monthly", InstallmentRules.rateType(plan(100, 100, 100)));
    List<Rate> weekly = List.of(new Rate(1, 70, 70, JAN), new Rate(2, 70, 70, JAN.plusWeeks(1)));
    assertEquals(0, BigDecimal.TEN.compareTo(InstallmentRules.dailyPrice(false, null, weekly)));
    assertEquals("weekly", InstallmentRules.rateType(weekly));
    assertNull(InstallmentRules.dailyPrice(false, null, plan(0, 0, 0)));
    assertEquals(0, BigDecimal.valueOf(25).compareTo(InstallmentRules.dailyPrice(true, 25L, List.of())));
    assertEquals(InstallmentRules.DEFAULT_DAYS_BETWEEN_RATES,
        InstallmentRules.daysBetweenRates(List.of(new Rate(1, 70, 70, JAN))));
  }
}
