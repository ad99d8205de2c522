package org.mpm.transaction.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.transaction.engine.PaymentAllocation.Debt;
import org.mpm.transaction.engine.PaymentAllocation.Part;

/** The allocation waterfall: overdue installments in whole units, oldest first, then access-rate debt, then energy. */
class PaymentAllocationTest {

  private static final LocalDateTime PAID_AT = LocalDateTime.of(2025, 3, 10, 14, 30);
  private static final LocalDateTime TODAY = PAID_AT.toLocalDate().atStartOfDay();

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual);
  }

  private static Debt installment(long id, String open, LocalDateTime due) {
    return new Debt(id, id, due, d(open));
  }

  private static Debt accessDebt(long id, long accessRateId, String open) {
    return new Debt(id, accessRateId, null, d(open));
  }

  @Test
  void withoutDebtsEverythingBuysEnergy() {
    PaymentAllocation a = PaymentAllocation.of(d("12.50"), PAID_AT, List.of(), List.of());
    assertTrue(a.parts().isEmpty());
    assertDecimal("12.50", a.residual());
  }

  @Test
  void overdueInstallmentsArePaidInWholeUnitsOldestFirst() {
    Debt older = installment(1, "3", TODAY.minusDays(20));
    Debt newer = installment(2, "10", TODAY.minusDays(1));
    PaymentAllocation a = PaymentAllocation.of(d("7.75"), PAID_AT, List.of(older, newer), List.of());
    assertEquals(2, a.parts().size());
    Part first = a.parts().get(0);
    assertDecimal("3", first.amount());
    assertEquals("installment", first.type());
    assertEquals("appliance_rate", first.paidForType());
    assertEquals(1, first.paidForId());
    assertEquals(older, first.debt());
    assertDecimal("4", a.parts().get(1).amount());
    assertEquals(2, a.parts().get(1).paidForId());
    assertDecimal("0.75", a.residual());
  }

  @Test
  void anInstallmentDueTodayOrLaterIsNotOverdue() {
    PaymentAllocation a = PaymentAllocation.of(d("10"), PAID_AT,
        List.of(installment(1, "5", TODAY), installment(2, "5", TODAY.plusDays(3))), List.of());
    assertTrue(a.parts().isEmpty());
    assertDecimal("10", a.residual());
  }

  @Test
  void anInstallmentPaidOffAlreadyIsSkipped() {
    PaymentAllocation a = PaymentAllocation.of(d("10"), PAID_AT,
        List.of(installment(1, "0", TODAY.minusDays(5)), installment(2, "4", TODAY.minusDays(2))), List.of());
    assertEquals(1, a.parts().size());
    assertEquals(2, a.parts().get(0).paidForId());
    assertDecimal("6", a.residual());
  }

  @Test
  void lessThanOneWholeUnitPaysNoInstallmentButAccessRateDebt() {
    PaymentAllocation a = PaymentAllocation.of(d("0.75"), PAID_AT,
        List.of(installment(1, "5", TODAY.minusDays(5))), List.of(accessDebt(7, 3, "2.00")));
    assertEquals(1, a.parts().size());
    Part part = a.parts().get(0);
    assertEquals("access rate", part.type());
    assertEquals("access_rate", part.paidForType());
    assertEquals(3, part.paidForId());
    assertDecimal("0.75", part.amount());
    assertDecimal("0", a.residual());
  }

  @Test
  void accessRateDebtIsPaidAfterInstallmentsWithWhatIsLeft() {
    Debt first = accessDebt(7, 3, "1.25");
    Debt second = accessDebt(8, 3, "5.00");
    PaymentAllocation a = PaymentAllocation.of(d("4.50"), PAID_AT,
        List.of(installment(1, "2", TODAY.minusDays(1))), List.of(first, second));
    assertEquals(List.of("installment", "access rate", "access rate"), a.parts().stream().map(Part::type).toList());
    assertDecimal("2", a.parts().get(0).amount());
    assertDecimal("1.25", a.parts().get(1).amount());
    assertDecimal("1.25", a.parts().get(2).amount());
    assertEquals(second, a.parts().get(2).debt());
    assertDecimal("0", a.residual());
  }

  @Test
  void accessRateDebtPaidOffAlreadyIsSkippedAndTheRestBuysEnergy() {
    PaymentAllocation a = PaymentAllocation.of(d("10"), PAID_AT, List.of(),
        List.of(accessDebt(7, 3, "0.00"), accessDebt(8, 4, "2.50")));
    assertEquals(1, a.parts().size());
    assertEquals(4, a.parts().get(0).paidForId());
    assertDecimal("7.50", a.residual());
  }

  @Test
  void nothingLeftAfterInstallmentsPaysNoAccessRateDebt() {
    Debt access = accessDebt(7, 3, "5.00");
    PaymentAllocation a = PaymentAllocation.of(d("3"), PAID_AT, List.of(installment(1, "3", TODAY.minusDays(1))),
        List.of(access));
    assertEquals(1, a.parts().size());
    assertDecimal("0", a.residual());
  }

  @Test
  void theDebtsChangeOnlyWhenTheAllocationIsApplied() {
    Debt rate = installment(1, "5", TODAY.minusDays(1));
    Debt access = accessDebt(7, 3, "2.00");
    Debt untouched = accessDebt(8, 3, "9.00");
    PaymentAllocation a = PaymentAllocation.of(d("6"), PAID_AT, List.of(rate), List.of(access, untouched));
    assertDecimal("5", rate.open());
    assertFalse(rate.touched());
    a.apply();
    assertDecimal("0", rate.open());
    assertDecimal("1.00", access.open());
    assertTrue(rate.touched());
    assertTrue(access.touched());
    assertFalse(untouched.touched());
    assertDecimal("9.00", untouched.open());
  }

  @Test
  void theNextPaymentOfTheCustomerSeesWhatIsStillOpen() {
    Debt rate = installment(1, "5", TODAY.minusDays(1));
    PaymentAllocation.of(d("3"), PAID_AT, List.of(rate), List.of()).apply();
    PaymentAllocation next = PaymentAllocation.of(d("3"), PAID_AT, List.of(rate), List.of());
    assertDecimal("2", next.parts().get(0).amount());
    assertDecimal("1", next.residual());
  }
}
