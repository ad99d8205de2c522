package org.mpm.geography.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.mpm.geography.GridRevenueService.DateRange;
import org.mpm.geography.RevenuePeriod;
import org.mpm.rest.JsonBody;

/**
 * The date range and period of the revenue routes, read from the request with the request reader: Laravel's
 * {@code date}, {@code after_or_equal} and {@code in} rules, and MPM's defaults for what the caller left out.
 * Ranges are whole days (a time after a date is ignored).
 */
public final class RevenueQuery {

  private RevenueQuery() {}

  /** {@code ?period}: monthly (the default), weekly or weekMonth. */
  public static RevenuePeriod period(JsonBody q) {
    String name = q.string("period", false);
    if (name == null) {
      return RevenuePeriod.MONTHLY;
    }
    return RevenuePeriod.of(name).orElseGet(() -> {
      q.error("period", "The selected period is invalid.");
      return RevenuePeriod.MONTHLY;
    });
  }

  /**
   * {@code fromField..toField}, each defaulting to its own default; a 422 (with everything else found) when a date
   * is bad or both are given and the end comes first. A default that falls after a given end leaves the range
   * empty, as in MPM.
   */
  public static DateRange range(JsonBody q, String fromField, LocalDate defaultFrom, String toField,
      LocalDate defaultTo) {
    LocalDate from = q.date(fromField, false);
    LocalDate to = q.date(toField, false);
    q.notBefore(toField, to, fromField, from);
    q.validate();
    return new DateRange(from == null ? defaultFrom : from, to == null ? defaultTo : to);
  }

  /** Both dates, or (as MPM) the 31 days before today when either is missing. */
  public static DateRange bothOrLastMonth(JsonBody q, String fromField, String toField) {
    LocalDate from = q.date(fromField, false);
    LocalDate to = q.date(toField, false);
    q.notBefore(toField, to, fromField, from);
    q.validate();
    if (from == null || to == null) {
      return new DateRange(today().minusDays(31), today().minusDays(1));
    }
    return new DateRange(from, to);
  }

  /** {@code startDate} (default 1 January) to {@code endDate} (default the end of this month). */
  public static DateRange thisYear(JsonBody q) {
    return range(q, "startDate", today().withDayOfYear(1), "endDate", endOfMonth());
  }

  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  public static LocalDate endOfMonth() {
    LocalDate today = today();
    return today.withDayOfMonth(today.lengthOfMonth());
  }
}
