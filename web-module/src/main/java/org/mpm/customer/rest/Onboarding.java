package org.mpm.customer.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mpm.rest.JsonBody;

/**
 * The onboarding answers of {@code PUT /api/people/{person}/onboarding}: a list of {@code {question, answer}}
 * objects, either as the body itself or under {@code onboarding_json}; stored as given in
 * {@code people.onboarding_json}.
 */
final class Onboarding {

  private Onboarding() {}

  /** The answers as JSON text, or a 422 naming what is wrong. */
  static String answers(String body) {
    JsonValue root = JsonBody.parseValue(body);
    JsonValue list = root;
    if (root.getValueType() == JsonValue.ValueType.OBJECT) {
      list = root.asJsonObject().get("onboarding_json");
    }
    JsonBody errors = JsonBody.parse("{}");
    if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
      errors.error("onboarding_json", "The onboarding json field is required.");
    } else if (list.getValueType() != JsonValue.ValueType.ARRAY) {
      errors.error("onboarding_json", "The onboarding json field must be an array.");
    } else {
      JsonArray items = list.asJsonArray();
      for (int i = 0; i < items.size(); i++) {
        JsonValue item = items.get(i);
        if (item.getValueType() != JsonValue.ValueType.OBJECT) {
          errors.error("onboarding_json." + i, "The onboarding_json." + i + " field must be an array.");
          continue;
        }
        JsonObject o = item.asJsonObject();
        JsonValue q = o.get("question");
        if (q == null || q.getValueType() != JsonValue.ValueType.STRING || o.getString("question").isBlank()) {
          errors.error("onboarding_json." + i + ".question",
              "The onboarding_json." + i + ".question field is required.");
        }
        if (!o.containsKey("answer")) {
          errors.error("onboarding_json." + i + ".answer", "The onboarding_json." + i + ".answer field must be present.");
        }
      }
    }
    errors.validate();
    return list.toString();
  }
}
