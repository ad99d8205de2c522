package org.mpm.transaction.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mpm.common.ValidationException;

/**
 * The rules of a payment on an installment plan (MPM's AppliancePaymentService), on a sale's rates read under lock:
 * which amounts are accepted, how a payment pays the rates (oldest due first, a rate paid in part stays open for
 * the rest), what one day of the plan costs (what a solar home system's token is priced at) and whether the plan
 * is monthly or weekly.
 */
public final class InstallmentRules {

  /** Days between two rates when the schedule does not tell (MPM's default). */
  public static final int DEFAULT_DAYS_BETWEEN_RATES = 30;
  /** Rates at most this many days apart make a weekly plan. */
  static final int WEEKLY_MAX_DAYS = 10;

  private InstallmentRules() {}

  /** A rate of the schedule: whole currency units, as {@code appliance_rates} keeps them. */
  public record Rate(long id, long cost, long remaining, LocalDateTime due) {}

  /** What a payment takes off one rate. */
  public record Paid(Rate rate, long amount) {}

  /** The rates in schedule order: by due date, then by id. */
  public static List<Rate> inScheduleOrder(List<Rate> rates) {
    return rates.stream().sorted(Comparator.comparing(Rate::due).thenComparing(Rate::id)).toList();
  }

  /** What is left to pay on the plan. */
  public static long remaining(List<Rate> rates) {
    return rates.stream().mapToLong(Rate::remaining).sum();
  }

  /**
   * Refuses an amount MPM refuses: more than is left; less than what is left of the next rate unless it pays the
   * plan off; a fraction of a currency unit (rates are whole units); on an energy-service plan, less than its
   * minimum payable amount.
   */
  public static void checkAmount(boolean energyService, Long minimumPayable, List<Rate> rates, BigDecimal amount) {
    if (energyService) {
      if (minimumPayable != null && minimumPayable > 0 && amount.compareTo(BigDecimal.valueOf(minimumPayable)) < 0) {
        throw ValidationException.field("amount", "Payment amount can not be less than minimum payable amount ("
            + minimumPayable + ")");
      }
      return;
    }
    if (amount.stripTrailingZeros().scale() > 0) {
      throw ValidationException.field("amount", "The amount of an installment payment must be a whole number.");
    }
    long total = remaining(rates);
    if (amount.compareTo(BigDecimal.valueOf(total)) > 0) {
      throw ValidationException.field("amount", "Payment Amount can not bigger than Total Remaining Amount");
    }
    Rate next = next(rates);
    long floor = next == null ? 0 : next.remaining();
    if (amount.compareTo(BigDecimal.valueOf(floor)) < 0 && amount.compareTo(BigDecimal.valueOf(total)) != 0) {
      throw ValidationException.field("amount", "Payment amount can not smaller than installment cost");
    }
  }

  /** The oldest rate still open, or null. */
  public static Rate next(List<Rate> rates) {
    return inScheduleOrder(rates).stream().filter(r -> r.remaining() > 0).findFirst().orElse(null);
  }

  /** The waterfall: the amount over the open rates, oldest due first; what it takes off each. */
  public static List<Paid> pay(List<Rate> rates, long amount) {
    List<Paid> out = new ArrayList<>();
    long left = amount;
    for (Rate r : inScheduleOrder(rates)) {
      if (left <= 0) {
        break;
      }
      if (r.remaining() <= 0) {
        continue;
      }
      long paid = Math.min(r.remaining(), left);
      out.add(new Paid(r, paid));
      left -= paid;
    }
    return out;
  }

  /**
   * Days between the next open rate and its neighbour (the following one, else the one before): the period the
   * money pays for; {@value #DEFAULT_DAYS_BETWEEN_RATES} when the schedule does not tell.
   */
  public static long daysBetweenRates(List<Rate> rates) {
    List<Rate> ordered = inScheduleOrder(rates);
    int current = -1;
    for (int i = 0; i < ordered.size(); i++) {
      if (ordered.get(i).remaining() > 0) {
        current = i;
        break;
      }
    }
    if (current < 0) {
      return DEFAULT_DAYS_BETWEEN_RATES;
    }
    Rate neighbour = current + 1 < ordered.size() ? ordered.get(current + 1)
        : current > 0 ? ordered.get(current - 1) : null;
    if (neighbour == null) {
      return DEFAULT_DAYS_BETWEEN_RATES;
    }
    long days = Math.abs(ChronoUnit.DAYS.between(ordered.get(current).due().toLocalDate(),
        neighbour.due().toLocalDate()));
    return days > 0 ? days : DEFAULT_DAYS_BETWEEN_RATES;
  }

  /** {@code weekly} when the rates are at most {@value #WEEKLY_MAX_DAYS} days apart, else {@code monthly}. */
  public static String rateType(List<Rate> rates) {
    return daysBetweenRates(rates) <= WEEKLY_MAX_DAYS ? "weekly" : "monthly";
  }

  /**
   * What a day of the plan costs: the energy-service price per day, or the next open rate's cost over the days it
   * covers; null when nothing is left to price.
   */
  public static BigDecimal dailyPrice(boolean energyService, Long pricePerDay, List<Rate> rates) {
    if (energyService) {
      return pricePerDay == null || pricePerDay <= 0 ? null : BigDecimal.valueOf(pricePerDay);
    }
    Rate next = next(rates);
    if (next == null || next.cost() <= 0) {
      return null;
    }
    return BigDecimal.valueOf(next.cost()).divide(BigDecimal.valueOf(daysBetweenRates(rates)), 4,
        RoundingMode.HALF_UP);
  }
}
