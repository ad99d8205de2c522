package org.mpm.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.tariff.TariffPricing.PricingException;
import org.mpm.tariff.TariffPricing.Purchase;
import org.mpm.tariff.TariffPricing.Reason;
import org.mpm.tariff.TariffPricing.Slot;
import org.mpm.tariff.TariffPricing.Terms;

/** Hand-computed examples of the tariff maths. */
class TariffPricingTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** 250 per kWh plus a 50 component: 300 per kWh (MPM's worked example). */
  private static Terms tariff300(String minimum, String vat) {
    return new Terms(d("250"), List.of(d("50")), d(minimum), d(vat), List.of());
  }

  private static void assertDecimal(String expected, BigDecimal actual) {
    assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual);
  }

  @Test
  void unitPriceIsPricePlusComponents() {
    assertDecimal("300", TariffPricing.unitPrice(tariff300("0", "0")));
    assertDecimal("250", TariffPricing.unitPrice(Terms.of(d("250"))));
    assertDecimal("312.5", TariffPricing.unitPrice(new Terms(d("250"), List.of(d("50"), d("12.5")), null, null,
        null)));
  }

  @Test
  void thousandBuysThreePointThreeThreeThreeKwh() {
    Purchase p = TariffPricing.energyFor(tariff300("0", "0"), d("1000"), "MTR-001");
    assertEquals(d("3.333"), p.energy());
    assertDecimal("1000", p.amount());
    assertDecimal("300", p.unitPrice());
    assertEquals(d("0.00"), p.vat());
  }

  @Test
  void energyIsRoundedHalfUpToTheWattHour() {
    // 500 / 300 = 1.6666…: 1.667, as MPM prints the token's energy
    assertEquals(d("1.667"), TariffPricing.energyFor(tariff300("0", "0"), d("500"), null).energy());
    // 100 / 300 = 0.33333… → 0.333
    assertEquals(d("0.333"), TariffPricing.energyFor(tariff300("0", "0"), d("100"), null).energy());
    // 999.99 / 300 = 3.33330 → 3.333
    assertEquals(d("3.333"), TariffPricing.energyFor(tariff300("0", "0"), d("999.99"), null).energy());
  }

  @Test
  void decimalPricesAreExact() {
    // with doubles 0.1 + 0.2 = 0.30000000000000004 and 0.9 / that = 2.9999… → 2.999
    Terms t = new Terms(d("0.1"), List.of(d("0.2")), null, null, null);
    assertEquals(d("3.000"), TariffPricing.energyFor(t, d("0.9"), null).energy());
    Tariff stored = new Tariff("Cents", 0.1, "USD");
    Terms fromEntity = TariffPricing.terms(stored,
        List.of(new TariffPricingComponent("Levy", 0.2, Tariff.MORPH, 1)), List.of(), null);
    assertEquals(d("3.000"), TariffPricing.energyFor(fromEntity, d("0.9"), null).energy());
  }

  @Test
  void amountBelowMinimumIsRefusedWithMpmsMessage() {
    Terms t = tariff300("100", "0");
    PricingException e = assertThrows(PricingException.class,
        () -> TariffPricing.energyFor(t, d("99.99"), "MTR-001"));
    assertEquals(Reason.BELOW_MINIMUM, e.reason());
    assertEquals("Minimum purchase amount not reached for MTR-001", e.getMessage());
    assertEquals("Minimum purchase amount not reached",
        assertThrows(PricingException.class, () -> TariffPricing.energyFor(t, d("50"), null)).getMessage());
    // exactly the minimum is enough: 100 / 300 = 0.333
    assertEquals(d("0.333"), TariffPricing.energyFor(t, d("100"), "MTR-001").energy());
  }

  @Test
  void zeroOrNegativeAmountIsRefused() {
    for (String amount : new String[] {"0", "-5", "0.00"}) {
      PricingException e = assertThrows(PricingException.class,
          () -> TariffPricing.energyFor(tariff300("0", "0"), d(amount), null));
      assertEquals(Reason.AMOUNT_NOT_POSITIVE, e.reason());
      assertEquals("The amount must be greater than 0.", e.getMessage());
    }
    assertEquals(Reason.AMOUNT_NOT_POSITIVE, assertThrows(PricingException.class,
        () -> TariffPricing.energyFor(tariff300("0", "0"), null, null)).reason());
  }

  @Test
  void tariffWithoutPriceCannotPrice() {
    Terms free = Terms.of(BigDecimal.ZERO);
    assertEquals(Reason.NO_PRICE,
        assertThrows(PricingException.class, () -> TariffPricing.energyFor(free, d("10"), null)).reason());
    Terms negative = new Terms(d("100"), List.of(d("-150")), null, null, null);
    assertEquals(Reason.NO_PRICE,
        assertThrows(PricingException.class, () -> TariffPricing.costOf(negative, d("1"), null)).reason());
  }

  @Test
  void amountBuyingLessThanHalfAWattHourIsRefused() {
    // 0.14 / 300 = 0.000466… kWh → 0.000
    PricingException e = assertThrows(PricingException.class,
        () -> TariffPricing.energyFor(tariff300("0", "0"), d("0.14"), null));
    assertEquals(Reason.TOO_SMALL, e.reason());
    // 0.30 / 300 = 0.001 exactly
    assertEquals(d("0.001"), TariffPricing.energyFor(tariff300("0", "0"), d("0.30"), null).energy());
  }

  @Test
  void costOfEnergy() {
    Purchase p = TariffPricing.costOf(tariff300("0", "0"), d("2.5"), null);
    assertEquals(d("750.00"), p.amount());
    assertEquals(d("2.500"), p.energy());
    // 1.2345 kWh is cut to 1.234 kWh first: 1.234 × 300 = 370.20
    assertEquals(d("370.20"), TariffPricing.costOf(tariff300("0", "0"), d("1.2345"), null).amount());
    // half up: 1 kWh at 0.125 = 0.125 → 0.13
    assertEquals(d("0.13"), TariffPricing.costOf(Terms.of(d("0.125")), d("1"), null).amount());
    assertEquals(Reason.AMOUNT_NOT_POSITIVE, assertThrows(PricingException.class,
        () -> TariffPricing.costOf(tariff300("0", "0"), d("0"), null)).reason());
  }

  @Test
  void costBelowMinimumIsRefused() {
    Terms t = tariff300("1000", "0");
    PricingException e = assertThrows(PricingException.class, () -> TariffPricing.costOf(t, d("1"), "MTR-9"));
    assertEquals(Reason.BELOW_MINIMUM, e.reason());
    assertEquals("Minimum purchase amount not reached for MTR-9", e.getMessage());
    assertEquals(d("1200.00"), TariffPricing.costOf(t, d("4"), "MTR-9").amount());
  }

  @Test
  void vatIsIncludedInThePriceAndDoesNotChangeTheEnergy() {
    Purchase p = TariffPricing.energyFor(tariff300("0", "18"), d("1180"), null);
    // 1180 / 300 = 3.9333 → 3.933, the same as without VAT
    assertEquals(d("3.933"), p.energy());
    // 1180 × 18 / 118 = 180
    assertEquals(d("180.00"), p.vat());
    // 1000 × 18 / 118 = 152.542… → 152.54
    assertEquals(d("152.54"), TariffPricing.vatIncluded(d("1000"), d("18")));
    assertEquals(d("0.00"), TariffPricing.vatIncluded(d("1000"), null));
    // 1.666 kWh = 499.80; 499.80 × 10 / 110 = 45.436… → 45.44
    assertEquals(d("45.44"), TariffPricing.costOf(tariff300("0", "10"), d("1.666"), null).vat());
  }

  @Test
  void timeOfUseScalesTheEnergyPriceOfItsSlot() {
    Terms t = new Terms(d("250"), List.of(d("50")), null, null, List.of(
        new Slot(LocalTime.of(18, 0), LocalTime.of(22, 0), d("150")),
        new Slot(LocalTime.of(22, 0), LocalTime.of(6, 0), d("50"))));
    // 250 × 150 % + 50 = 425
    assertDecimal("425", TariffPricing.unitPriceAt(t, LocalTime.of(19, 30)));
    assertDecimal("425", TariffPricing.unitPriceAt(t, LocalTime.of(18, 0)));
    // 250 × 50 % + 50 = 175, across midnight
    assertDecimal("175", TariffPricing.unitPriceAt(t, LocalTime.of(22, 0)));
    assertDecimal("175", TariffPricing.unitPriceAt(t, LocalTime.of(23, 0)));
    assertDecimal("175", TariffPricing.unitPriceAt(t, LocalTime.of(5, 59)));
    // no slot: the plain unit price
    assertDecimal("300", TariffPricing.unitPriceAt(t, LocalTime.of(6, 0)));
    assertDecimal("300", TariffPricing.unitPriceAt(t, LocalTime.of(12, 0)));
    // a purchase is priced at the plain unit price whatever the slots
    assertEquals(d("3.333"), TariffPricing.energyFor(t, d("1000"), null).energy());
  }

  @Test
  void termsOfAStoredTariff() {
    Tariff tariff = new Tariff("Household", 250, "TZS");
    tariff.setMinimumPurchaseAmount(100);
    Terms t = TariffPricing.terms(tariff, List.of(new TariffPricingComponent("Service", 50, Tariff.MORPH, 1),
        new TariffPricingComponent("Levy", 12.5, Tariff.MORPH, 1)),
        List.of(new TimeOfUsage(1, "18:00", "22:00", 150), new TimeOfUsage(1, "25:00", "26:00", 10)), 18.0);
    assertDecimal("312.5", TariffPricing.unitPrice(t));
    assertDecimal("100", t.minimumPurchaseAmount());
    assertDecimal("18", t.vatPercent());
    assertEquals(1, t.slots().size(), "the slot with impossible times is skipped");
    // 250 × 150 % + 50 + 12.5 = 437.5
    assertDecimal("437.5", TariffPricing.unitPriceAt(t, LocalTime.of(20, 0)));
    // 1000 / 312.5 = 3.2
    assertEquals(d("3.200"), TariffPricing.energyFor(t, d("1000"), "M1").energy());
    assertEquals(Reason.BELOW_MINIMUM,
        assertThrows(PricingException.class, () -> TariffPricing.energyFor(t, d("99"), "M1")).reason());
    // a tariff with no VAT setting
    assertDecimal("0", TariffPricing.terms(tariff, List.of(), List.of(), null).vatPercent());
  }
}
