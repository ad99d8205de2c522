package org.mpm.tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where money becomes energy and energy becomes money. Pure: no database, no clock.
 *
 * <p>The formula, as MPM's meter manufacturer APIs apply it (amounts in the tariff's currency, major units):
 *
 * <pre>
 *   unit price = tariff.price + Σ pricing components.price          (MPM's appended total_price)
 *   energy     = amount / unit price, rounded HALF_UP to 3 decimals (Wh)
 *   cost       = energy × unit price, rounded HALF_UP to 2 decimals
 *   VAT share  = amount × vat / (100 + vat), rounded HALF_UP to 2 decimals (the price includes VAT)
 * </pre>
 *
 * An amount ≤ 0, an amount below the tariff's {@code minimum_purchase_amount}, a unit price ≤ 0 and an amount that
 * buys less than half a Wh are refused with a {@link PricingException}. Energy is rounded half up to the Wh, the
 * value MPM shows on a token (it keeps the float and prints it with 3 decimals): 500 at 300 → 1.667 kWh. The VAT
 * rate ({@code main_settings.vat_energy}, a percentage) does not change the energy: MPM's tariff price is what the
 * customer pays per kWh, so the VAT is only split out of it.
 * Time-of-use slots are a percentage of the energy price for a time of day ({@link #unitPriceAt}); they do not apply
 * to a purchase, which is priced at the plain unit price (as in MPM, where the meter applies them, if at all).
 * Social tariffs are stored only (MPM never applies them either).
 */
public final class TariffPricing {

  /** Energy is kept to the watt-hour. */
  public static final int ENERGY_SCALE = 3;

  /** Money is kept to two decimals. */
  public static final int MONEY_SCALE = 2;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private TariffPricing() {}

  /** Why a purchase was refused. */
  public enum Reason {
    AMOUNT_NOT_POSITIVE,
    BELOW_MINIMUM,
    NO_PRICE,
    TOO_SMALL
  }

  /** A refused purchase; its message is the one the API answers (422). */
  public static final class PricingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    PricingException(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** A time-of-use slot: from {@code start} (inclusive) to {@code end} (exclusive; may wrap midnight). */
  public record Slot(LocalTime start, LocalTime end, BigDecimal percent) {

    boolean contains(LocalTime t) {
      if (start.equals(end)) {
        return true;
      }
      return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
  }

  /**
   * What pricing needs of a tariff: energy price per kWh, the prices of its pricing components, the minimum
   * purchase, the VAT percentage included in the price, and the time-of-use slots.
   */
  public record Terms(BigDecimal price, List<BigDecimal> components, BigDecimal minimumPurchaseAmount,
      BigDecimal vatPercent, List<Slot> slots) {

    public Terms {
      if (price == null) {
        throw new IllegalArgumentException("price is required");
      }
      components = components == null ? List.of() : List.copyOf(components);
      minimumPurchaseAmount = minimumPurchaseAmount == null ? BigDecimal.ZERO : minimumPurchaseAmount;
      vatPercent = vatPercent == null ? BigDecimal.ZERO : vatPercent;
      slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /** A tariff with only a price per kWh. */
    public static Terms of(BigDecimal price) {
      return new Terms(price, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, List.of());
    }
  }

  /** The result of pricing: what is paid, the energy it buys, the unit price used and the VAT included. */
  public record Purchase(BigDecimal amount, BigDecimal energy, BigDecimal unitPrice, BigDecimal vat) {}

  /**
   * The terms of a stored tariff. {@code vatEnergy} is {@code main_settings.vat_energy} (a percentage, may be null).
   * Time-of-use rows whose times are not {@code HH:MM} are skipped.
   */
  public static Terms terms(Tariff tariff, List<TariffPricingComponent> components, List<TimeOfUsage> tous,
      Double vatEnergy) {
    List<BigDecimal> prices = new ArrayList<>();
    for (TariffPricingComponent c : components == null ? List.<TariffPricingComponent>of() : components) {
      prices.add(BigDecimal.valueOf(c.getPrice()));
    }
    List<Slot> slots = new ArrayList<>();
    for (TimeOfUsage t : tous == null ? List.<TimeOfUsage>of() : tous) {
      try {
        slots.add(new Slot(LocalTime.parse(t.getStart()), LocalTime.parse(t.getEnd()),
            BigDecimal.valueOf(t.getValue())));
      } catch (DateTimeParseException | NullPointerException e) {
        // a slot MPM's console could not have written; it has no effect on pricing
      }
    }
    return new Terms(BigDecimal.valueOf(tariff.getPrice()), prices,
        BigDecimal.valueOf(tariff.getMinimumPurchaseAmount()),
        vatEnergy == null ? BigDecimal.ZERO : BigDecimal.valueOf(vatEnergy), slots);
  }

  /** Price of one kWh: the energy price plus every pricing component (MPM's {@code total_price}). */
  public static BigDecimal unitPrice(Terms terms) {
    BigDecimal total = terms.price();
    for (BigDecimal c : terms.components()) {
      total = total.add(c);
    }
    return total;
  }

  /**
   * Price of one kWh at a time of day: the first slot containing the time scales the energy price by its percentage
   * (the components are added unscaled); without a matching slot it is {@link #unitPrice}.
   */
  public static BigDecimal unitPriceAt(Terms terms, LocalTime time) {
    for (Slot s : terms.slots()) {
      if (s.contains(time)) {
        BigDecimal total = terms.price().multiply(s.percent()).divide(HUNDRED);
        for (BigDecimal c : terms.components()) {
          total = total.add(c);
        }
        return total;
      }
    }
    return unitPrice(terms);
  }

  /**
   * The energy an amount buys.
   *
   * @param deviceSerial only for the message of a purchase below the minimum (MPM's "Minimum purchase amount not
   *     reached for {serial}"); may be null
   * @throws PricingException if the amount is ≤ 0, below the minimum purchase, buys less than 1 Wh, or the tariff
   *     has no positive unit price
   */
  public static Purchase energyFor(Terms terms, BigDecimal amount, String deviceSerial) {
    if (amount == null || amount.signum() <= 0) {
      throw new PricingException(Reason.AMOUNT_NOT_POSITIVE, "The amount must be greater than 0.");
    }
    checkMinimum(terms, amount, deviceSerial);
    BigDecimal unit = positiveUnitPrice(terms);
    BigDecimal energy = amount.divide(unit, ENERGY_SCALE, RoundingMode.HALF_UP);
    if (energy.signum() <= 0) {
      throw new PricingException(Reason.TOO_SMALL, "The amount is too small to buy any energy.");
    }
    return new Purchase(amount, energy, unit, vatIncluded(amount, terms.vatPercent()));
  }

  /**
   * What an energy quantity costs.
   *
   * @throws PricingException if the energy is ≤ 0, the cost is below the minimum purchase, or the tariff has no
   *     positive unit price
   */
  public static Purchase costOf(Terms terms, BigDecimal energy, String deviceSerial) {
    if (energy == null || energy.signum() <= 0) {
      throw new PricingException(Reason.AMOUNT_NOT_POSITIVE, "The amount must be greater than 0.");
    }
    BigDecimal unit = positiveUnitPrice(terms);
    BigDecimal kwh = energy.setScale(ENERGY_SCALE, RoundingMode.DOWN);
    if (kwh.signum() <= 0) {
      throw new PricingException(Reason.TOO_SMALL, "The amount is too small to buy any energy.");
    }
    BigDecimal cost = kwh.multiply(unit).setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    checkMinimum(terms, cost, deviceSerial);
    return new Purchase(cost, kwh, unit, vatIncluded(cost, terms.vatPercent()));
  }

  /** The VAT contained in a VAT-inclusive amount: amount × vat / (100 + vat), two decimals, half up. */
  public static BigDecimal vatIncluded(BigDecimal amount, BigDecimal vatPercent) {
    if (vatPercent == null || vatPercent.signum() <= 0) {
      return BigDecimal.ZERO.setScale(MONEY_SCALE);
    }
    return amount.multiply(vatPercent).divide(HUNDRED.add(vatPercent), MONEY_SCALE, RoundingMode.HALF_UP);
  }

  private static void checkMinimum(Terms terms, BigDecimal amount, String deviceSerial) {
    if (terms.minimumPurchaseAmount().signum() > 0 && amount.compareTo(terms.minimumPurchaseAmount()) < 0) {
      throw new PricingException(Reason.BELOW_MINIMUM, "Minimum purchase amount not reached"
          + (deviceSerial == null || deviceSerial.isBlank() ? "" : " for " + deviceSerial));
    }
  }

  private static BigDecimal positiveUnitPrice(Terms terms) {
    BigDecimal unit = unitPrice(terms);
    if (unit.signum() <= 0) {
      throw new PricingException(Reason.NO_PRICE, "This tariff has no price per kWh, so energy cannot be priced.");
    }
    return unit;
  }
}
