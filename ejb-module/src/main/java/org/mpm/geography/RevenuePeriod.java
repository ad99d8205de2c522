package org.mpm.geography;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How MPM's revenue charts slice a date range: by month ({@code "2025-03"}), by ISO week ({@code "2025-09"}, ISO
 * week-year and two-digit week), or by month and within it by ISO week ({@code weekMonth}).
 */
public enum RevenuePeriod {
  MONTHLY("monthly"),
  WEEKLY("weekly"),
  WEEK_MONTH("weekMonth");

  private final String wire;

  RevenuePeriod(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<RevenuePeriod> of(String name) {
    for (RevenuePeriod p : values()) {
      if (p.wire.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** {@code yyyy-MM} of a day. */
  public static String month(LocalDate day) {
    return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
  }

  /** The ISO week of a day as {@code <week-based year>-<two-digit week>}, PHP's {@code o-W}. */
  public static String isoWeek(LocalDate day) {
    return String.format("%04d-%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** MySQL's {@code YEARWEEK(d, 3)} (e.g. 202509) in the form of {@link #isoWeek}. */
  public static String isoWeek(long yearWeek) {
    return String.format("%04d-%02d", yearWeek / 100, yearWeek % 100);
  }

  /**
   * The empty slots of the range {@code from..to} (both inclusive), in order, each made by {@code initial}:
   * every month the range touches; every ISO week it touches; or every month it touches with the ISO weeks of
   * that whole month.
   */
  public Map<String, Object> slots(LocalDate from, LocalDate to, Supplier<Object> initial) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (this) {
      case MONTHLY -> {
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
          out.put(month(m), initial.get());
        }
      }
      case WEEKLY -> {
        for (LocalDate w = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !w.isAfter(to);
            w = w.plusWeeks(1)) {
          out.put(isoWeek(w), initial.get());
        }
      }
      case WEEK_MONTH -> {
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
          Map<String, Object> weeks = new LinkedHashMap<>();
          for (LocalDate d = m; d.getMonth() == m.getMonth(); d = d.plusDays(1)) {
            weeks.computeIfAbsent(isoWeek(d), k -> initial.get());
          }
          out.put(month(m), weeks);
        }
      }
      default -> throw new IllegalStateException(name());
    }
    return out;
  }

  /**
   * The key path of an amount booked in {@code month} ({@code yyyy-MM}) and ISO week {@code yearWeek}
   * ({@code YEARWEEK(…, 3)}): one key, or two for {@code weekMonth}.
   */
  public String[] slotOf(String month, long yearWeek) {
    return switch (this) {
      case MONTHLY -> new String[] {month};
      case WEEKLY -> new String[] {isoWeek(yearWeek)};
      case WEEK_MONTH -> new String[] {month, isoWeek(yearWeek)};
    };
  }
}
