package org.mpm.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** GeoJSON and coordinates in a request: a location is a Feature with a Point in [longitude, latitude] order. */
final class GeoValues {

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d{1,30}\\.?\\d{0,30}|\\.\\d{1,30})");

  /** A checked value: the value to keep, or what is wrong with it (the end of "The … field …"). */
  record Checked(String value, String problem) {
    static Checked wrong(String problem) {
      return new Checked(null, problem);
    }
  }

  private GeoValues() {}

  /**
   * A location as MPM's GeoJsonPoint rule takes it, normalised (empty properties as an object) for storing.
   */
  static Checked point(JsonValue v) {
    if (!(v instanceof JsonObject feature)) {
      return Checked.wrong("must be valid GeoJSON.");
    }
    JsonValue geometry = feature.get("geometry");
    if (!(feature.get("type") instanceof JsonString t) || !"Feature".equals(t.getString())
        || !(geometry instanceof JsonObject g) || !(g.get("type") instanceof JsonString gt)
        || !"Point".equals(gt.getString())) {
      return Checked.wrong("must be a GeoJSON Feature with a Point geometry.");
    }
    if (!(g.get("coordinates") instanceof JsonArray c) || c.size() != 2
        || !(c.get(0) instanceof JsonNumber lng) || !(c.get(1) instanceof JsonNumber lat)) {
      return Checked.wrong("must be valid GeoJSON.");
    }
    double x = lng.doubleValue();
    double y = lat.doubleValue();
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
      return Checked.wrong("coordinates are out of range.");
    }
    JsonValue properties = feature.get("properties");
    String props = properties instanceof JsonObject p ? p.toString() : "{}";
    return new Checked("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + x + "," + y
        + "]},\"properties\":" + props + "}", null);
  }

  /** An area (a cluster's polygon): any GeoJSON object, stored as given. */
  static Checked area(JsonValue v) {
    if (!(v instanceof JsonObject o) || !(o.get("type") instanceof JsonString)) {
      return Checked.wrong("must be valid GeoJSON.");
    }
    return new Checked(o.toString(), null);
  }

  /** A coordinate (a number, or a string holding one) within ±limit; null otherwise. */
  static Double coordinate(JsonValue v, int limit) {
    BigDecimal d = Numbers.decimal(v, NUMBER);
    return d == null || d.abs().compareTo(BigDecimal.valueOf(limit)) > 0 ? null : d.doubleValue();
  }
}
