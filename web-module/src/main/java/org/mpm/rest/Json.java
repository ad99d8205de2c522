package org.mpm.rest;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building MPM's JSON: ordered objects, Laravel's timestamp format, the {@code data} envelope. */
public final class Json {

  private static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

  private Json() {}

  /** An ordered JSON object from alternating keys and values. */
  public static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** {@code {"data": value}}; null becomes {@code []} as Laravel's resource does. */
  public static Map<String, Object> data(Object value) {
    return obj("data", value == null ? List.of() : value);
  }

  public static Map<String, Object> message(String message) {
    return obj("message", message);
  }

  /** Stored JSON text (a {@code json} column) as a JSON value, so it is embedded rather than quoted. */
  public static JsonValue parsed(String jsonText) {
    if (jsonText == null) {
      return JsonValue.NULL;
    }
    try (JsonReader r = PROVIDER.createReader(new StringReader(jsonText))) {
      return r.readValue();
    }
  }

  /** Eloquent's timestamp: ISO-8601 UTC with microseconds, e.g. 2025-03-01T09:15:02.000000Z. */
  public static String ts(LocalDateTime t) {
    return t == null ? null : TIMESTAMP.format(t);
  }
}
