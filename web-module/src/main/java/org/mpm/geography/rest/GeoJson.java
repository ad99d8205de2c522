package org.mpm.geography.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.mpm.rest.JsonBody;

/** GeoJSON request fields: a location is a Feature with a Point in [longitude, latitude] order. */
final class GeoJson {

  private GeoJson() {}

  /**
   * A location field, validated as MPM's GeoJsonPoint rule does; returns the normalised Feature text (empty
   * properties as an object) or null.
   */
  static String point(JsonBody b, String field, boolean required) {
    JsonValue v = b.raw(field);
    if (b.missing(field, required)) {
      return null;
    }
    if (!(v instanceof JsonObject feature)) {
      b.error(field, "The " + label(field) + " field must be valid GeoJSON.");
      return null;
    }
    JsonValue geometry = feature.get("geometry");
    if (!(feature.get("type") instanceof JsonString t) || !"Feature".equals(t.getString())
        || !(geometry instanceof JsonObject g) || !(g.get("type") instanceof JsonString gt)
        || !"Point".equals(gt.getString())) {
      b.error(field, "The " + label(field) + " field must be a GeoJSON Feature with a Point geometry.");
      return null;
    }
    if (!(g.get("coordinates") instanceof JsonArray c) || c.size() != 2
        || !(c.get(0) instanceof JsonNumber lng) || !(c.get(1) instanceof JsonNumber lat)) {
      b.error(field, "The " + label(field) + " field must be valid GeoJSON.");
      return null;
    }
    double x = lng.doubleValue();
    double y = lat.doubleValue();
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      b.error(field, "The " + label(field) + " field coordinates are out of range.");
      return null;
    }
    JsonValue properties = feature.get("properties");
    String props = properties instanceof JsonObject p ? p.toString() : "{}";
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lng + "," + lat + "]},"
        + "\"properties\":" + props + "}";
  }

  /** An area (a cluster's polygon): any GeoJSON object, stored as given. */
  static String area(JsonBody b, String field, boolean required) {
    JsonValue v = b.raw(field);
    if (b.missing(field, required)) {
      return null;
    }
    if (!(v instanceof JsonObject o) || !(o.get("type") instanceof JsonString)) {
      b.error(field, "The " + label(field) + " field must be valid GeoJSON.");
      return null;
    }
    return o.toString();
  }

  private static String label(String field) {
    return field.replace('_', ' ');
  }
}
