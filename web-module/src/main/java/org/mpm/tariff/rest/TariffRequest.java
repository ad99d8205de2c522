package org.mpm.tariff.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mpm.rest.BadRequestBody;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.tariff.TariffForm;
import org.mpm.tariff.TariffForm.AccessRateInput;
import org.mpm.tariff.TariffForm.ComponentInput;
import org.mpm.tariff.TariffForm.SocialTariffInput;
import org.mpm.tariff.TariffForm.TimeOfUseInput;

/**
 * The body of {@code POST}/{@code PUT /api/tariffs}: TariffCreateRequest's rules (name, price, currency, factor,
 * minimum_purchase_amount) plus the nested objects TariffPriceCalculator reads ({@code access_rate},
 * {@code social_tariff}, {@code time_of_usage}, {@code components}), checked here so that a missing key is a 422
 * rather than MPM's 500. Errors are answered in the tariff endpoints' own 422 shape,
 * {@code {"data":[],"meta":{"message":"The given data was invalid","errors":{…}}}}.
 */
final class TariffRequest {

  private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  /** The validation failure of a tariff request, carrying its response. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Response response;

    Invalid(Response response) {
      this.response = response;
    }
  }

  static TariffForm parse(String body) {
    JsonValue parsed = JsonBody.parseValue(body);
    if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequestBody(400, "The request body must be a JSON object.");
    }
    return new TariffRequest().read(parsed.asJsonObject());
  }

  /** The 422 of the tariff endpoints. */
  static Response invalid(Map<String, List<String>> errors) {
    return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.obj("data", List.of(),
        "meta", Json.obj("message", "The given data was invalid", "errors", errors))).build();
  }

  private TariffForm read(JsonObject o) {
    String name = string(o, "name", "name", true, 191);
    BigDecimal price = number(o, "price", "price", true);
    String currency = string(o, "currency", "currency", true, 20);
    Long factor = integer(o, "factor", "factor", false);
    AccessRateInput accessRate = null;
    JsonObject ar = object(o, "access_rate", "access_rate");
    if (ar != null) {
      BigDecimal amount = number(ar, "access_rate_amount", "access_rate.access_rate_amount", true);
      Long period = integer(ar, "access_rate_period", "access_rate.access_rate_period", true);
      if (period != null && period < 1) {
        error("access_rate.access_rate_period", "The access rate.access rate period field must be at least 1.");
        period = null;
      }
      if (amount != null && period != null) {
        accessRate = new AccessRateInput(amount, period.intValue());
      }
    }
    SocialTariffInput social = null;
    JsonValue st = o.get("social_tariff");
    if (st != null && (!present(o, "social_tariff") || st instanceof JsonObject e && e.isEmpty()
        || st instanceof JsonArray a && a.isEmpty())) {
      error("social_tariff", "The social tariff field is required.");
    } else if (st != null && !(st instanceof JsonObject)) {
      error("social_tariff", "The social tariff field must be an array.");
    }
    if (o.get("social_tariff") instanceof JsonObject s && !s.isEmpty()) {
      Long daily = integer(s, "daily_allowance", "social_tariff.daily_allowance", true);
      BigDecimal sPrice = number(s, "price", "social_tariff.price", true);
      BigDecimal budget = number(s, "initial_energy_budget", "social_tariff.initial_energy_budget", true);
      Long stacked = integer(s, "maximum_stacked_energy", "social_tariff.maximum_stacked_energy", true);
      if (daily != null && sPrice != null && budget != null && stacked != null) {
        social = new SocialTariffInput(daily.intValue(), sPrice, budget, stacked.intValue());
      }
    }
    List<ComponentInput> components = null;
    JsonArray cs = array(o, "components", "components");
    if (cs != null) {
      components = new ArrayList<>();
      for (int i = 0; i < cs.size(); i++) {
        String key = "components." + i;
        if (!(cs.get(i) instanceof JsonObject c)) {
          error(key, "The " + key + " field must be an array.");
          continue;
        }
        String cName = string(c, "name", key + ".name", true, 191);
        BigDecimal cPrice = number(c, "price", key + ".price", true);
        if (cName != null && cPrice != null) {
          components.add(new ComponentInput(cName, cPrice));
        }
      }
    }
    array(o, "tous", "tous");
    List<TimeOfUseInput> tous = null;
    JsonArray ts = array(o, "time_of_usage", "time_of_usage");
    if (ts != null) {
      tous = new ArrayList<>();
      for (int i = 0; i < ts.size(); i++) {
        String key = "time_of_usage." + i;
        if (!(ts.get(i) instanceof JsonObject t)) {
          error(key, "The " + label(key) + " field must be an array.");
          continue;
        }
        Long id = t.get("id") instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
        String start = time(t, "start", key + ".start");
        String end = time(t, "end", key + ".end");
        BigDecimal value = number(t, "value", key + ".value", true);
        if (start != null && end != null && value != null) {
          tous.add(new TimeOfUseInput(id, start, end, value));
        }
      }
    }
    BigDecimal minimum = number(o, "minimum_purchase_amount", "minimum_purchase_amount", false);
    if (!errors.isEmpty()) {
      throw new Invalid(invalid(errors));
    }
    return new TariffForm(name, price, currency, factor == null ? null : factor.intValue(), minimum, accessRate,
        social, tous, components);
  }

  private void error(String key, String message) {
    errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
  }

  private static String label(String key) {
    return key.replace('_', ' ');
  }

  /** Present: not missing, not null, not an empty string (Laravel's ConvertEmptyStringsToNull). */
  private static boolean present(JsonObject o, String field) {
    JsonValue v = o.get(field);
    return v != null && v.getValueType() != JsonValue.ValueType.NULL
        && !(v instanceof JsonString s && s.getString().trim().isEmpty());
  }

  private boolean absent(JsonObject o, String field, String key, boolean required) {
    if (present(o, field)) {
      return false;
    }
    if (required) {
      error(key, "The " + label(key) + " field is required.");
    }
    return true;
  }

  private String string(JsonObject o, String field, String key, boolean required, int max) {
    if (absent(o, field, key, required)) {
      return null;
    }
    JsonValue v = o.get(field);
    String s = v instanceof JsonString js ? js.getString().trim() : v instanceof JsonNumber n ? n.toString() : null;
    if (s == null) {
      error(key, "The " + label(key) + " field must be a string.");
      return null;
    }
    if (s.codePointCount(0, s.length()) > max) {
      error(key, "The " + label(key) + " field must not be greater than " + max + " characters.");
      return null;
    }
    return s;
  }

  private BigDecimal number(JsonObject o, String field, String key, boolean required) {
    if (absent(o, field, key, required)) {
      return null;
    }
    JsonValue v = o.get(field);
    try {
      if (v instanceof JsonNumber n) {
        return n.bigDecimalValue();
      }
      if (v instanceof JsonString s && s.getString().trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
        return new BigDecimal(s.getString().trim());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    error(key, "The " + label(key) + " field must be a number.");
    return null;
  }

  private Long integer(JsonObject o, String field, String key, boolean required) {
    if (absent(o, field, key, required)) {
      return null;
    }
    JsonValue v = o.get(field);
    try {
      if (v instanceof JsonNumber n && n.bigDecimalValue().stripTrailingZeros().scale() <= 0) {
        return n.bigDecimalValue().longValueExact();
      }
      if (v instanceof JsonString s && s.getString().trim().matches("[-+]?\\d{1,18}")) {
        return Long.parseLong(s.getString().trim());
      }
    } catch (ArithmeticException e) {
      // reported below
    }
    error(key, "The " + label(key) + " field must be an integer.");
    return null;
  }

  private JsonObject object(JsonObject o, String field, String key) {
    if (!present(o, field)) {
      return null;
    }
    if (o.get(field) instanceof JsonObject obj) {
      return obj;
    }
    error(key, "The " + label(key) + " field must be an array.");
    return null;
  }

  /** {@code sometimes|required|array}: absent is fine, present must be a non-empty array. */
  private JsonArray array(JsonObject o, String field, String key) {
    if (!o.containsKey(field)) {
      return null;
    }
    JsonValue v = o.get(field);
    if (!present(o, field) || v instanceof JsonArray a && a.isEmpty()) {
      error(key, "The " + label(key) + " field is required.");
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      error(key, "The " + label(key) + " field must be an array.");
      return null;
    }
    return a;
  }

  private String time(JsonObject o, String field, String key) {
    String s = string(o, field, key, true, 191);
    if (s != null && !TIME.matcher(s).matches()) {
      error(key, "The " + label(key) + " field must match the format H:i.");
      return null;
    }
    return s;
  }
}
