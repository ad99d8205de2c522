package org.mpm.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mpm.common.ValidationException;

/**
 * One object of a request read by {@link JsonBody} (the body, a nested object, a list item, the query): whether
 * each field is there, the rules that read a field's value with Laravel's coercion and messages, and the error bag
 * it shares with the objects read from it, under their dotted keys.
 */
public abstract class JsonFields {

  /** A string rule without a maximum takes the common column length. */
  public static final int MAX_STRING = 191;
  /** A list rule without a maximum takes this one. */
  public static final int MAX_ITEMS = 1000;
  /** An integer rule without bounds takes those of an INT column. */
  public static final long MIN_INT = Integer.MIN_VALUE;
  public static final long MAX_INT = Integer.MAX_VALUE;
  /** A number rule without bounds takes these (exact in a DOUBLE column, far above any amount of money). */
  public static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000000");
  public static final BigDecimal MIN_NUMBER = MAX_NUMBER.negate();

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,30}");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d{1,30}\\.?\\d{0,30}|\\.\\d{1,30})([eE][-+]?\\d{1,4})?");
  private static final Pattern YMD = Pattern.compile("[1-9]\\d{3}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  final JsonValue root;
  final JsonObject json;
  final String prefix;
  /** Items of a list are Laravel's implicit attributes: their messages name the raw key (items.0.name). */
  final boolean implicit;
  final Map<String, List<String>> errors;

  JsonFields(JsonValue root, String prefix, boolean implicit, Map<String, List<String>> errors) {
    this.root = root;
    this.json = root instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    this.prefix = prefix;
    this.implicit = implicit;
    this.errors = errors;
  }

  // ---- presence

  /** Present: not missing, not null, not an empty string. */
  public boolean has(String field) {
    JsonValue v = raw(field);
    return v != null && v.getValueType() != JsonValue.ValueType.NULL
        && !(v instanceof JsonString s && s.getString().trim().isEmpty());
  }

  /** Laravel's {@code present}: the key is there, whatever its value. */
  public boolean present(String field) {
    return json.containsKey(field);
  }

  /** Laravel's {@code present} rule: records an error when the key is not there. */
  public void mustBePresent(String field) {
    if (!present(field)) {
      error(field, "The " + label(field) + " field must be present.");
    }
  }

  /**
   * True when the field is absent; then a required field records Laravel's "required" error (for which an empty
   * array or object is absent too).
   */
  public boolean missing(String field, boolean required) {
    JsonValue v = raw(field);
    boolean empty = v instanceof JsonArray a && a.isEmpty() || v instanceof JsonObject o && o.isEmpty();
    if (has(field) && !(required && empty)) {
      return false;
    }
    if (required) {
      error(field, "The " + label(field) + " field is required.");
    }
    return true;
  }

  /** The raw JSON value of a field, or null when absent. */
  public JsonValue raw(String field) {
    return json.get(field);
  }

  /** A field's value as text, unchecked (for the lenient paging parameters). */
  String text(String field) {
    JsonValue v = raw(field);
    return v instanceof JsonString s ? s.getString().trim() : v instanceof JsonNumber n ? n.toString() : null;
  }

  // ---- text

  /** A string of at most {@value #MAX_STRING} characters; numbers are taken as their text, as PHP does. */
  public String string(String field, boolean required) {
    return string(field, required, 0, MAX_STRING);
  }

  public String string(String field, boolean required, int min, int max) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    String s = v instanceof JsonString js ? js.getString().trim() : v instanceof JsonNumber n ? n.toString() : null;
    if (s == null) {
      error(field, "The " + label(field) + " field must be a string.");
      return null;
    }
    int length = s.codePointCount(0, s.length());
    if (length < min) {
      error(field, "The " + label(field) + " field must be at least " + min + " characters.");
      return null;
    }
    if (length > max) {
      error(field, "The " + label(field) + " field must not be greater than " + max + " characters.");
      return null;
    }
    return s;
  }

  /** Laravel's {@code between:min,max} of a string: one rule, one message. */
  public String stringBetween(String field, boolean required, int min, int max) {
    String s = string(field, required, 0, Integer.MAX_VALUE);
    int length = s == null ? 0 : s.codePointCount(0, s.length());
    if (s != null && (length < min || length > max)) {
      error(field, "The " + label(field) + " field must be between " + min + " and " + max + " characters.");
      return null;
    }
    return s;
  }

  public String email(String field, boolean required) {
    String s = string(field, required);
    if (s != null && !EMAIL.matcher(s).matches()) {
      error(field, "The " + label(field) + " field must be a valid email address.");
      return null;
    }
    return s;
  }

  /** A string matching a pattern (Laravel's {@code regex}: "The … field format is invalid."). */
  public String matching(String field, boolean required, Pattern pattern) {
    String s = string(field, required);
    if (s != null && !pattern.matcher(s).matches()) {
      error(field, "The " + label(field) + " field format is invalid.");
      return null;
    }
    return s;
  }

  /** One of the allowed values (Laravel's {@code in}). */
  public String in(String field, boolean required, Collection<String> allowed) {
    String s = string(field, required);
    if (s != null && !allowed.contains(s)) {
      error(field, "The selected " + label(field) + " is invalid.");
      return null;
    }
    return s;
  }

  /** A time of day, {@code H:i}. */
  public String time(String field, boolean required) {
    String s = string(field, required);
    if (s != null && !TIME.matcher(s).matches()) {
      error(field, "The " + label(field) + " field must match the format H:i.");
      return null;
    }
    return s;
  }

  // ---- numbers

  /** An integer within an INT column's bounds. */
  public Long integer(String field, boolean required) {
    return integer(field, required, MIN_INT, MAX_INT);
  }

  public Long integer(String field, boolean required, long min, long max) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    BigDecimal d = Numbers.decimal(v, INTEGER);
    if (d == null || !Numbers.integral(d)) {
      error(field, "The " + label(field) + " field must be an integer.");
      return null;
    }
    return bounded(field, d, BigDecimal.valueOf(min), BigDecimal.valueOf(max)) ? d.longValueExact() : null;
  }

  /** A number within ±{@link #MAX_NUMBER}. */
  public BigDecimal number(String field, boolean required) {
    return number(field, required, MIN_NUMBER, MAX_NUMBER);
  }

  public BigDecimal number(String field, boolean required, BigDecimal min, BigDecimal max) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    BigDecimal d = Numbers.decimal(v, NUMBER);
    if (d == null) {
      error(field, "The " + label(field) + " field must be a number.");
      return null;
    }
    return bounded(field, d, min, max) ? d : null;
  }

  /**
   * The value as a decimal when it is a number (or a string holding one), null otherwise; records nothing: for
   * values whose rules are applied further on (a payment's amount, refused and kept by the payment pipeline).
   */
  public BigDecimal decimal(String field) {
    return has(field) ? Numbers.decimal(raw(field), NUMBER) : null;
  }

  private boolean bounded(String field, BigDecimal d, BigDecimal min, BigDecimal max) {
    if (d.compareTo(min) < 0) {
      error(field, "The " + label(field) + " field must be at least " + min.toPlainString() + ".");
      return false;
    }
    if (d.compareTo(max) > 0) {
      error(field, "The " + label(field) + " field must not be greater than " + max.toPlainString() + ".");
      return false;
    }
    return true;
  }

  public Boolean bool(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE;
    }
    String text = v instanceof JsonString s ? s.getString().trim().toLowerCase(Locale.ROOT)
        : v instanceof JsonNumber n ? n.toString() : "";
    switch (text) {
      case "1", "true" -> {
        return true;
      }
      case "0", "false" -> {
        return false;
      }
      default -> {
        error(field, "The " + label(field) + " field must be true or false.");
        return null;
      }
    }
  }

  // ---- dates

  /** A date ({@code yyyy-mm-dd}, a time after it ignored) between {@link Dates#EARLIEST} and {@link Dates#LATEST}. */
  public LocalDate date(String field, boolean required) {
    LocalDateTime t = dateTime(field, required);
    return t == null ? null : t.toLocalDate();
  }

  /**
   * A day kept in a DATE column, such as a birth date ({@code yyyy-mm-dd}, a time after it ignored): any day
   * MySQL's DATE holds, before 1970 too.
   */
  public LocalDate day(String field, boolean required) {
    LocalDateTime t = dateTime(field, required, Dates.DAY_EARLIEST, Dates.DAY_LATEST);
    return t == null ? null : t.toLocalDate();
  }

  /** A date (midnight) or a date and time ({@code 2025-03-01 10:00:00} or ISO-8601, UTC). */
  public LocalDateTime dateTime(String field, boolean required) {
    return dateTime(field, required, Dates.EARLIEST, Dates.LATEST);
  }

  private LocalDateTime dateTime(String field, boolean required, LocalDate earliest, LocalDate latest) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    LocalDateTime t = v instanceof JsonString s ? Dates.parse(s.getString().trim()) : null;
    if (t == null) {
      error(field, "The " + label(field) + " field must be a valid date.");
      return null;
    }
    if (t.toLocalDate().isBefore(earliest)) {
      error(field, "The " + label(field) + " field must be a date after or equal to " + earliest + ".");
      return null;
    }
    if (t.toLocalDate().isAfter(latest)) {
      error(field, "The " + label(field) + " field must be a date before or equal to " + latest + ".");
      return null;
    }
    return t;
  }

  /** A day in Laravel's {@code date_format:Y-m-d}. */
  public LocalDate ymd(String field, boolean required) {
    String s = string(field, required);
    LocalDateTime t = s != null && YMD.matcher(s).matches() ? Dates.parse(s) : null;
    if (s != null && t == null) {
      error(field, "The " + label(field) + " field must match the format Y-m-d.");
    }
    return t == null ? null : t.toLocalDate();
  }

  // ---- places

  /** A location: a GeoJSON Feature with a Point ([longitude, latitude]); returns the Feature's text to store. */
  public String point(String field, boolean required) {
    return missing(field, required) ? null : checked(field, GeoValues.point(raw(field)));
  }

  /** An area: any GeoJSON object with a type, returned as text to store. */
  public String area(String field, boolean required) {
    return missing(field, required) ? null : checked(field, GeoValues.area(raw(field)));
  }

  private String checked(String field, GeoValues.Checked c) {
    if (c.problem() != null) {
      error(field, "The " + label(field) + " field " + c.problem());
    }
    return c.value();
  }

  public Double latitude(String field, boolean required) {
    return coordinate(field, required, 90, "latitude");
  }

  public Double longitude(String field, boolean required) {
    return coordinate(field, required, 180, "longitude");
  }

  private Double coordinate(String field, boolean required, int limit, String what) {
    if (missing(field, required)) {
      return null;
    }
    Double d = GeoValues.coordinate(raw(field), limit);
    if (d == null) {
      error(field, "The " + label(field) + " field must be a " + what + " between -" + limit + " and " + limit
          + ".");
    }
    return d;
  }

  /**
   * Laravel's {@code after_or_equal:other}: records an error of {@code field} when both dates are there and its
   * date comes first.
   */
  public void notBefore(String field, LocalDate date, String otherField, LocalDate other) {
    if (date != null && other != null && date.isBefore(other)) {
      error(field, "The " + label(field) + " field must be a date after or equal to " + label(otherField) + ".");
    }
  }

  // ---- errors

  /** Records an error of a field of this body (its key prefixed as the body is). */
  public void error(String field, String message) {
    errors.computeIfAbsent(prefix + field, k -> new ArrayList<>()).add(message);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** Throws the collected errors as one 422. */
  public void validate() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** Throws the collected errors as one 422 in MPM's resource envelope ({@link ValidationException#enveloped}). */
  public void validateEnveloped() {
    if (!errors.isEmpty()) {
      throw ValidationException.enveloped(errors);
    }
  }

  /**
   * Laravel's attribute label: the snake-case name with spaces ({@code start_date} and {@code startDate} both read
   * "start date"); an item of a list keeps its raw key ({@code items.0.name}).
   */
  String label(String field) {
    String key = prefix + field;
    return implicit ? key : CAMEL.matcher(key).replaceAll("$1_$2").toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
