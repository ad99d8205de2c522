package org.mpm.tariff;

import java.math.BigDecimal;
import java.util.List;

/**
 * A validated tariff body (MPM's TariffCreateRequest plus what TariffPriceCalculator reads). A null access rate or
 * social tariff removes the tariff's one; a null time-of-use list leaves the slots alone; the components replace
 * the tariff's components (null: none).
 */
public record TariffForm(String name, BigDecimal price, String currency, Integer factor,
    BigDecimal minimumPurchaseAmount, AccessRateInput accessRate, SocialTariffInput socialTariff,
    List<TimeOfUseInput> timesOfUse, List<ComponentInput> components) {

  public record AccessRateInput(BigDecimal amount, int period) {}

  public record SocialTariffInput(int dailyAllowance, BigDecimal price, BigDecimal initialEnergyBudget,
      int maximumStackedEnergy) {}

  /** A slot; {@code id} names an existing slot of the tariff to change, otherwise a slot is added. */
  public record TimeOfUseInput(Long id, String start, String end, BigDecimal value) {}

  public record ComponentInput(String name, BigDecimal price) {}
}
