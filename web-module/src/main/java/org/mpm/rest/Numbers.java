package org.mpm.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Numbers of a request as PHP reads them: JSON numbers, and strings that hold a number. */
final class Numbers {

  private Numbers() {}

  /**
   * The value as a decimal: a JSON number, or a string matching {@code pattern}; null otherwise, also when the
   * number cannot be represented (an exponent beyond any bound).
   */
  static BigDecimal decimal(JsonValue v, Pattern pattern) {
    try {
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue();
      }
      if (v instanceof JsonString s && pattern.matcher(s.getString().trim()).matches()) {
        return new BigDecimal(s.getString().trim());
      }
    } catch (RuntimeException unreadable) {
      // NumberFormatException or the parser's own limits: not a number this API can take
    }
    return null;
  }

  /** Whether a decimal is a whole number (1.0 and 1e2 are: PHP's FILTER_VALIDATE_INT takes such floats). */
  static boolean integral(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }
}
