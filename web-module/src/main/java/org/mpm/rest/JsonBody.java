package org.mpm.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpm.common.ValidationException;

/**
 * The one way a resource reads its input: a JSON body, the query parameters or path segments, validated the way
 * Laravel does it, with Laravel's messages. Strings are trimmed and an empty string counts as absent (TrimStrings,
 * ConvertEmptyStringsToNull); numbers in strings are numbers, as PHP takes them. Every rule knows the bounds of what
 * it reads (a string's length, an integer's column, a list's size), records its error and returns null, and the
 * caller ends with {@link #validate()}, which throws one 422 listing all of them. Nested objects and list items
 * record their errors in the same bag, under their dotted keys.
 */
public final class JsonBody extends JsonFields {

  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonBody(JsonValue root, String prefix, boolean implicit, Map<String, List<String>> errors) {
    super(root, prefix, implicit, errors);
  }

  private static JsonBody root(JsonValue value) {
    return new JsonBody(value, "", false, new LinkedHashMap<>());
  }

  // ---- where the input comes from

  /** A body that must be a JSON object (an empty body is an empty object); anything else is a 400. */
  public static JsonBody parse(String body) {
    JsonValue value = JsonText.parse(body);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequestBody(400, "The request body must be a JSON object.");
    }
    return root(value);
  }

  /** A body that must be a JSON array, read with {@link #items}; anything else is a 400. */
  public static JsonBody parseArray(String body) {
    JsonValue value = JsonText.parse(body);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadRequestBody(400, "The request body must be a JSON array.");
    }
    return root(value);
  }

  /** A body holding any JSON value, for routes that take more than one shape; see {@link #of}. */
  public static JsonValue parseValue(String body) {
    return JsonText.parse(body);
  }

  /** An object read as a body (e.g. a body wrapped by a route that takes more than one shape). */
  public static JsonBody of(JsonObject object) {
    return root(object);
  }

  /** The query parameters (the first value of each), as string fields. */
  public static JsonBody query(UriInfo uri) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    uri.getQueryParameters().forEach((k, v) -> {
      if (!v.isEmpty() && v.get(0) != null) {
        b.add(k, v.get(0));
      }
    });
    return root(b.build());
  }

  /**
   * A JSON object body merged with the query parameters, the body's fields first: Laravel's
   * {@code $request->input()}, for routes whose clients send the same fields either way.
   */
  public static JsonBody input(String body, UriInfo uri) {
    JsonObjectBuilder b = JSON.createObjectBuilder(query(uri).json);
    parse(body).json.forEach(b::add);
    return root(b.build());
  }

  /** Named text values (path segments, form fields) as string fields; null values are absent. */
  public static JsonBody fields(Map<String, String> values) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    values.forEach((k, v) -> {
      if (v != null) {
        b.add(k, v);
      }
    });
    return root(b.build());
  }

  // ---- phone numbers

  /**
   * A phone number in international form that is a valid number of its country (laravel-phone's
   * {@code phone:INTERNATIONAL}, MPM's rule for an address's phone), returned in E.164 as MPM's address model
   * stores it; {@code min} is the least length of the text as sent (a route's {@code min} rule), 0 for none.
   */
  public String phone(String field, boolean required, int min) {
    String text = string(field, required, min, MAX_STRING);
    String e164 = PhoneNumbers.e164(text);
    if (text != null && e164 == null) {
      error(field, "The " + label(field) + " field must be a valid number.");
    }
    return e164;
  }

  // ---- lists and objects

  /** A raw array of at most {@value #MAX_ITEMS} items, or null. */
  public JsonArray array(String field, boolean required) {
    return array(field, required, MAX_ITEMS);
  }

  public JsonArray array(String field, boolean required, int maxItems) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      error(field, "The " + label(field) + " field must be an array.");
      return null;
    }
    if (a.size() > maxItems) {
      error(field, "The " + label(field) + " field must not have more than " + maxItems + " items.");
      return null;
    }
    return a;
  }

  /** An array of strings (a single string is a list of one), each at most {@value #MAX_STRING} characters. */
  public List<String> strings(String field, boolean required) {
    return strings(field, required, 0, MAX_STRING, false);
  }

  /** An array of strings of {@code min} to {@code max} characters each (Laravel's {@code between}); the valid ones. */
  public List<String> strings(String field, boolean required, int min, int max) {
    return strings(field, required, min, max, true);
  }

  private List<String> strings(String field, boolean required, int min, int max, boolean between) {
    JsonValue v = raw(field);
    if (v instanceof JsonString && has(field)) {
      String s = between ? stringBetween(field, required, min, max) : string(field, required, min, max);
      return s == null ? null : List.of(s);
    }
    JsonArray array = array(field, required);
    if (array == null) {
      return null;
    }
    JsonBody items = items(field, array);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String key = Integer.toString(i);
      String s = between ? items.stringBetween(key, true, min, max) : items.string(key, true, min, max);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Laravel's {@code distinct}: each item of the array that repeats an earlier one records an error. */
  public void distinct(String field) {
    if (raw(field) instanceof JsonArray array) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < array.size(); i++) {
        JsonValue v = array.get(i);
        String text = v instanceof JsonString js ? js.getString().trim() : v.toString();
        if (!seen.add(text)) {
          items(field, array).error(Integer.toString(i), "The " + prefix + field + "." + i
              + " field has a duplicate value.");
        }
      }
    }
  }

  /**
   * A list of record ids, each a positive integer or an object with an {@code id} (as MPM's console sends them);
   * distinct, in order; null when absent.
   */
  public List<Long> ids(String field, boolean required) {
    JsonArray array = array(field, required);
    if (array == null) {
      return null;
    }
    JsonBody items = items(field, array);
    Set<Long> out = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String key = Integer.toString(i);
      Long id = array.get(i) instanceof JsonObject o
          ? new JsonBody(o, items.prefix + key + ".", true, errors).integer("id", true, 1, MAX_INT)
          : items.integer(key, true, 1, MAX_INT);
      if (id != null) {
        out.add(id);
      }
    }
    return new ArrayList<>(out);
  }

  /** A nested object whose errors are recorded under {@code field.}; null when absent or not an object. */
  public JsonBody object(String field, boolean required) {
    JsonValue v = raw(field);
    if (missing(field, required)) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      error(field, "The " + label(field) + " field must be an array.");
      return null;
    }
    return new JsonBody(v, prefix + field + ".", implicit, errors);
  }

  /** A list of objects (at most {@code maxItems}), each read as a body under {@code field.i.}; null when absent. */
  public List<JsonBody> list(String field, boolean required, int maxItems) {
    JsonArray array = array(field, required, maxItems);
    return array == null ? null : items(field, array).objects(array);
  }

  /** The items of an array body ({@link #parseArray}), each read as a body under {@code i.}. */
  public List<JsonBody> items(int maxItems) {
    JsonArray array = root.asJsonArray();
    if (array.size() > maxItems) {
      throw ValidationException.message("The request body must not have more than " + maxItems + " items.");
    }
    return new JsonBody(array, prefix, true, errors).objects(array);
  }

  private JsonBody items(String field, JsonArray array) {
    return new JsonBody(indexed(array), prefix + field + ".", true, errors);
  }

  private List<JsonBody> objects(JsonArray array) {
    List<JsonBody> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonObject o) {
        out.add(new JsonBody(o, prefix + i + ".", true, errors));
      } else {
        error(Integer.toString(i), "The " + label(Integer.toString(i)) + " field must be an array.");
      }
    }
    return out;
  }

  /** An array as an object keyed by index, so its items are read with the field rules. */
  private static JsonObject indexed(JsonArray array) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    for (int i = 0; i < array.size(); i++) {
      b.add(Integer.toString(i), array.get(i));
    }
    return b.build();
  }

  // ---- query conventions

  /** Laravel's paginator page: anything but a positive number is page 1. */
  public int page() {
    return Paginator.page(text("page"));
  }

  /** A page size (1 to 1000); anything else is the default, as MPM's lists take it. */
  public int size(String field, int fallback) {
    return Paginator.size(text(field), fallback);
  }

  /**
   * The page size of a list that MPM pages only when asked ({@code ?limit}, {@code ?per_page}): null when the
   * field is absent or not a positive number (the whole list), else 1 to 1000.
   */
  public Integer pageSize(String field) {
    int n = Paginator.size(text(field), 0);
    return n == 0 ? null : n;
  }

  /** spatie's query builder sort, {@code field} or {@code -field}; a field not allowed is its 400. */
  public record Sort(String field, boolean descending) {}

  public Sort sort(List<String> allowed, String fallback) {
    JsonValue v = raw("sort");
    String s = v instanceof JsonString js && !js.getString().isBlank() ? js.getString().trim() : fallback;
    boolean desc = s.startsWith("-");
    String field = desc ? s.substring(1) : s;
    if (!allowed.contains(field)) {
      throw new BadRequestBody(400, "Requested sort(s) `" + field + "` is not allowed. Allowed sort(s) are `"
          + String.join(", ", allowed) + "`.");
    }
    return new Sort(field, desc);
  }
}
