package org.mpm.appliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An installment schedule as MPM's ApplianceRateService makes it: an amount split into {@code count} rates of
 * {@code floor(amount / count)}, the last one taking the remainder, so that the rates add up to the amount exactly;
 * rate i falls due i months (or weeks) after the base date. A month after the 31st is the last day of the shorter
 * month (MPM's PHP date arithmetic rolls over into the next month).
 */
public final class RateSchedule {

  public static final String MONTHLY = "monthly";
  public static final String WEEKLY = "weekly";

  private RateSchedule() {}

  /** A rate to create: its cost (whole currency units) and its due day. */
  public record Planned(long cost, LocalDate due) {}

  /** The costs of {@code count} rates adding up to {@code amount}, the remainder on the last. */
  public static List<Long> split(long amount, int count) {
    List<Long> costs = new ArrayList<>();
    if (count < 1) {
      return costs;
    }
    long base = Math.floorDiv(amount, count);
    for (int i = 1; i <= count; i++) {
      costs.add(i == count ? amount - (long) (count - 1) * base : base);
    }
    return costs;
  }

  /** The schedule of {@code amount} in {@code count} rates, {@code monthly} or {@code weekly} after {@code base}. */
  public static List<Planned> plan(long amount, int count, String rateType, LocalDate base) {
    List<Long> costs = split(amount, count);
    List<Planned> out = new ArrayList<>();
    for (int i = 0; i < costs.size(); i++) {
      out.add(new Planned(costs.get(i), due(base, i + 1, rateType)));
    }
    return out;
  }

  /** The due day of the {@code n}th rate after {@code base}. */
  public static LocalDate due(LocalDate base, int n, String rateType) {
    return WEEKLY.equals(rateType) ? base.plusWeeks(n) : base.plusMonths(n);
  }
}
