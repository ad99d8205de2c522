package org.mpm.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times of a request: {@code yyyy-mm-dd}, optionally followed by a time ({@code T} or a space, then
 * {@code HH:mm}, seconds, a fraction and {@code Z} or an offset, all optional). Times are UTC, as MPM keeps them.
 */
final class Dates {

  /** Timestamps are MySQL TIMESTAMPs: dates outside these bounds cannot match anything. */
  static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  /** Days of a DATE column (a birth date): MySQL's DATE range. */
  static final LocalDate DAY_EARLIEST = LocalDate.of(1000, 1, 1);
  static final LocalDate DAY_LATEST = LocalDate.of(9999, 12, 31);

  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})"
      + "(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

  private Dates() {}

  /** The date and time in UTC, or null when the text is not one. */
  static LocalDateTime parse(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      if (m.group(4) == null) {
        return day.atStartOfDay();
      }
      String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
      LocalDateTime t = day.atTime(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6),
          Integer.parseInt(fraction));
      String zone = m.group(8);
      if (zone == null || zone.equals("Z")) {
        return t;
      }
      ZoneOffset offset = ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      return OffsetDateTime.of(t, offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
