package org.mpm.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mpm.common.ValidationException;

/**
 * A JSON request body validated the way Laravel does it, with Laravel's messages. Strings are trimmed and an
 * empty string counts as absent (TrimStrings, ConvertEmptyStringsToNull). Every rule records its error and the
 * caller ends with {@link #validate()}, which throws one 422 listing all of them.
 */
public final class JsonBody {

  /** Looked up once: {@code Json.createReader} would search the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final JsonObject json;
  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  /** Parses a body; an empty body is an empty object, anything but a JSON object is a 400. */
  public static JsonBody parse(String body) {
    JsonValue value = parseValue(body);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequestBody(400, "The request body must be a JSON object.");
    }
    return new JsonBody(value.asJsonObject());
  }

  /** Parses a body holding any JSON value; an empty body is an empty object, malformed JSON a 400. */
  public static JsonValue parseValue(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (body.length() > PreflightFilter.MAX_BODY_BYTES) {
      throw new BadRequestBody(413, "The request body is too large.");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (jakarta.json.JsonException e) {
      throw new BadRequestBody(400, "The request body is not valid JSON.");
    }
  }

  public boolean has(String field) {
    JsonValue v = raw(field);
    return v != null && v.getValueType() != JsonValue.ValueType.NULL
        && !(v instanceof JsonString s && s.getString().trim().isEmpty());
  }

  /**
   * True when the field is absent (missing, null or an empty string); then a required field records Laravel's
   * "required" error.
   */
  public boolean missing(String field, boolean required) {
    if (has(field)) {
      return false;
    }
    if (required) {
      error(field, "The " + label(field) + " field is required.");
    }
    return true;
  }

  /** A string field; numbers and booleans are taken as their text, as PHP does. */
  public String string(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString().trim();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    error(field, "The " + label(field) + " field must be a string.");
    return null;
  }

  public String string(String field, boolean required, int min, int max) {
    String s = string(field, required);
    if (s != null && s.codePointCount(0, s.length()) < min) {
      error(field, "The " + label(field) + " field must be at least " + min + " characters.");
      return null;
    }
    if (s != null && s.codePointCount(0, s.length()) > max) {
      error(field, "The " + label(field) + " field must not be greater than " + max + " characters.");
      return null;
    }
    return s;
  }

  public String email(String field, boolean required) {
    String s = string(field, required, 0, 191);
    if (s != null && !EMAIL.matcher(s).matches()) {
      error(field, "The " + label(field) + " field must be a valid email address.");
      return null;
    }
    return s;
  }

  public Long integer(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    try {
      if (v instanceof JsonNumber n && n.isIntegral()) {
        return n.longValueExact();
      }
      if (v instanceof JsonString s && s.getString().trim().matches("-?\\d{1,18}")) {
        return Long.parseLong(s.getString().trim());
      }
    } catch (ArithmeticException tooLarge) {
      // reported below
    }
    error(field, "The " + label(field) + " field must be an integer.");
    return null;
  }

  public Boolean bool(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    String text = v instanceof JsonString s ? s.getString().trim() : v instanceof JsonNumber n ? n.toString() : "";
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

  /** An array of strings; null when absent. */
  public List<String> strings(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (v instanceof JsonString s) {
      return List.of(s.getString().trim());
    }
    if (!(v instanceof JsonArray array)) {
      error(field, "The " + label(field) + " field must be an array.");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString s) {
        out.add(s.getString().trim());
      } else {
        error(field + "." + i, "The " + field + "." + i + " field must be a string.");
      }
    }
    return out;
  }

  /** A nested object, or null (with a "must be an array" error when it is something else). */
  public JsonBody object(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      error(field, "The " + label(field) + " field must be an array.");
      return null;
    }
    return new JsonBody(v.asJsonObject()).prefixed(field, this);
  }

  /** The raw array of a field, or null. */
  public JsonArray array(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      error(field, "The " + label(field) + " field must be an array.");
      return null;
    }
    return a;
  }

  public void error(String field, String message) {
    (parent != null ? parent.errors : errors)
        .computeIfAbsent(prefix + field, k -> new ArrayList<>()).add(message.replace(
            "The " + label(field) + " field", "The " + label(prefix + field) + " field"));
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

  private String prefix = "";
  private JsonBody parent;

  private JsonBody prefixed(String field, JsonBody parentBody) {
    this.prefix = parentBody.prefix + field + ".";
    this.parent = parentBody.parent != null ? parentBody.parent : parentBody;
    return this;
  }

  /** The raw JSON value of a field, or null when absent. */
  public JsonValue raw(String field) {
    return json.get(field);
  }

  /** Laravel's attribute label: underscores become spaces. */
  static String label(String field) {
    return field.replace('_', ' ');
  }
}
