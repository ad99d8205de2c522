package org.mpm.tariff;

import java.math.BigDecimal;
import java.util.List;

/** A tariff with what MPM loads with it: access rate, pricing components, social tariff, time-of-use slots. */
public record TariffView(Tariff tariff, AccessRate accessRate, List<TariffPricingComponent> components,
    SocialTariff socialTariff, List<TimeOfUsage> timesOfUse) {

  /** MPM's appended {@code total_price}: price plus the components. */
  public BigDecimal totalPrice() {
    return TariffPricing.unitPrice(TariffPricing.terms(tariff, components, List.of(), null));
  }
}
