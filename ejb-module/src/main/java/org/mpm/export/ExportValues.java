package org.mpm.export;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How MPM's exports write values: amounts with thousands separators, dates as {@code Y-m-d H:i:s}. */
public final class ExportValues {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ExportValues() {}

  /**
   * MPM's {@code readable}: the whole part with {@code ,} between thousands, and two decimals when the amount has
   * any (truncated, not rounded: {@code 12.345} is {@code 12.34}); null is {@code 0}.
   */
  public static String readable(Double amount) {
    if (amount == null) {
      return "0";
    }
    BigDecimal value = BigDecimal.valueOf(amount);
    BigDecimal whole = value.setScale(0, RoundingMode.DOWN);
    BigDecimal fraction = value.subtract(whole).abs();
    DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String text = grouped.format(whole);
    if (value.signum() < 0 && whole.signum() == 0) {
      text = "-" + text;
    }
    if (fraction.signum() == 0) {
      return text;
    }
    String decimals = fraction.setScale(2, RoundingMode.DOWN).toPlainString();
    decimals = decimals.substring(decimals.indexOf('.') + 1);
    return "00".equals(decimals) ? text : text + "." + decimals;
  }

  /** A timestamp as MPM's exports write it ({@code 2026-03-01 09:15:02}); empty for none. */
  public static String dateTime(LocalDateTime t) {
    return t == null ? "" : DATE_TIME.format(t);
  }

  /** A date as MPM's customer export writes it ({@code 01/03/2026}); null for none. */
  public static String day(LocalDateTime t) {
    return t == null ? null : DAY.format(t);
  }

  /**
   * MPM's {@code latitudeLongitude} written as the customer export does: {@code "lat, long"} from a GeoJSON
   * feature's {@code geometry.coordinates} ({@code [long, lat]}); null when there are not two numbers.
   */
  public static String latitudeLongitude(String geoJson) {
    if (geoJson == null || geoJson.isBlank()) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(geoJson))) {
      JsonValue root = reader.readValue();
      if (!(root instanceof JsonObject o) || !(o.get("geometry") instanceof JsonObject g)
          || !(g.get("coordinates") instanceof JsonArray c) || c.size() < 2
          || !(c.get(0) instanceof JsonNumber lng) || !(c.get(1) instanceof JsonNumber lat)) {
        return null;
      }
      return plain(lat.bigDecimalValue()) + ", " + plain(lng.bigDecimalValue());
    } catch (JsonException e) {
      return null;
    }
  }

  private static String plain(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }
}
