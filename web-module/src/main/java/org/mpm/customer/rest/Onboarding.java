package org.mpm.customer.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import org.mpm.rest.JsonBody;

/**
 * The onboarding answers of {@code PUT /api/people/{person}/onboarding}: a list of {@code {question, answer}}
 * objects, either as the body itself or under {@code onboarding_json}; stored as given in
 * {@code people.onboarding_json}.
 */
final class Onboarding {

  /** The most answers a person's onboarding may hold. */
  static final int MAX_ANSWERS = 200;

  private static final JsonProvider JSON = JsonProvider.provider();

  private Onboarding() {}

  /** The answers as JSON text, or a 422 naming what is wrong. */
  static String answers(String body) {
    JsonValue root = JsonBody.parseValue(body);
    JsonObject wrapped = root instanceof JsonArray a ? JSON.createObjectBuilder().add("onboarding_json", a).build()
        : root instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    JsonBody b = JsonBody.of(wrapped);
    if (!b.has("onboarding_json")) {
      b.missing("onboarding_json", true);
    } else {
      List<JsonBody> items = b.list("onboarding_json", false, MAX_ANSWERS);
      for (JsonBody item : items == null ? List.<JsonBody>of() : items) {
        item.string("question", true, 0, 1000);
        item.mustBePresent("answer");
      }
    }
    b.validate();
    return b.raw("onboarding_json").toString();
  }
}
