package org.mpm.settings;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * MPM's currency list ({@code resources/data/currency.json}, kept here as {@code currency.json} beside this class):
 * an object keyed by ISO 4217 code, each with its symbol, name, native symbol, decimal digits, rounding, code and
 * plural name, in MPM's order. The web console offers its keys as the company's currency.
 */
public final class Currencies {

  private static final JsonObject LIST = load();

  private Currencies() {}

  /** The list as MPM serves it. */
  public static JsonObject list() {
    return LIST;
  }

  /** The currency codes (the list's keys). */
  public static Set<String> codes() {
    return LIST.keySet();
  }

  private static JsonObject load() {
    try (InputStream in = Currencies.class.getResourceAsStream("currency.json")) {
      if (in == null) {
        throw new IllegalStateException("currency.json is missing beside " + Currencies.class.getName());
      }
      try (JsonReader r = JsonProvider.provider().createReader(in)) {
        return r.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
