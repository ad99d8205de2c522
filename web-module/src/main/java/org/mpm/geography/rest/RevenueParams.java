package org.mpm.geography.rest;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpm.common.ValidationException;
import org.mpm.geography.GridRevenueService.DateRange;
import org.mpm.geography.RevenuePeriod;

/**
 * The date range and period of the revenue routes, checked as Laravel's {@code date}, {@code after_or_equal} and
 * {@code in} rules would, with their messages; all problems are answered together as one 422. A date is
 * {@code YYYY-MM-DD}, optionally followed by a time, which is ignored: ranges are whole days.
 */
final class RevenueParams {

  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  /** Transactions carry MySQL TIMESTAMPs; dates outside these bounds cannot match anything. */
  private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  /** The date fields the caller gave (valid ones). */
  private final java.util.Set<String> given = new java.util.HashSet<>();

  /** A date from a query parameter; null when absent or blank. */
  LocalDate date(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Matcher m = DATE.matcher(raw.trim());
    LocalDate day = null;
    if (m.matches() && (m.group(4) == null || Integer.parseInt(m.group(4)) < 24
        && Integer.parseInt(m.group(5)) < 60 && (m.group(6) == null || Integer.parseInt(m.group(6)) < 60))) {
      try {
        day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      } catch (DateTimeException invalid) {
        day = null;
      }
    }
    if (day == null) {
      error(field, "The " + label(field) + " field must be a valid date.");
      return null;
    }
    if (day.isBefore(EARLIEST)) {
      error(field, "The " + label(field) + " field must be a date after or equal to " + EARLIEST + ".");
      return null;
    }
    if (day.isAfter(LATEST)) {
      error(field, "The " + label(field) + " field must be a date before or equal to " + LATEST + ".");
      return null;
    }
    given.add(field);
    return day;
  }

  /** A date from a JSON body field, or from the query parameter of the same name when the body has none. */
  LocalDate date(String field, JsonValue bodyValue, String queryValue) {
    if (bodyValue == null || bodyValue.getValueType() == JsonValue.ValueType.NULL) {
      return date(field, queryValue);
    }
    if (bodyValue instanceof JsonString s) {
      return date(field, s.getString());
    }
    error(field, "The " + label(field) + " field must be a valid date.");
    return null;
  }

  /** {@code monthly} (the default), {@code weekly} or {@code weekMonth}. */
  RevenuePeriod period(String raw) {
    if (raw == null || raw.isBlank()) {
      return RevenuePeriod.MONTHLY;
    }
    return RevenuePeriod.of(raw.trim()).orElseGet(() -> {
      error("period", "The selected period is invalid.");
      return RevenuePeriod.MONTHLY;
    });
  }

  /**
   * The range {@code from..to}; a 422 (with everything else found) when a date is bad or when the caller gave both
   * and the end comes first. A default that falls after a given end leaves the range empty, as in MPM.
   */
  DateRange range(String fromField, LocalDate from, String toField, LocalDate to) {
    if (given.contains(fromField) && given.contains(toField) && to.isBefore(from)) {
      error(toField, "The " + label(toField) + " field must be a date after or equal to " + label(fromField) + ".");
    }
    validate();
    return new DateRange(from, to);
  }

  void validate() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private void error(String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  /** Laravel's attribute label: {@code startDate} and {@code start_date} both read "start date". */
  static String label(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
