package org.mpm.customer.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpm.rest.JsonBody;

/**
 * The onboarding answers of {@code PUT /api/people/{person}/onboarding} (MPM's PersonOnboardingRequest): a body
 * {@code {"answers": [{"question", "answer"}]}} — {@code answers} present and a list of at most 50 rows, each
 * {@code question} a string of at most 255 characters that no other row repeats (ignoring case), each
 * {@code answer} a string of at most 1,000 characters or null. Stored in {@code people.onboarding_json} as MPM
 * stores them: an object of answers keyed by question, in the order of the rows, an empty answer null; no rows
 * clear it (null).
 */
public final class Onboarding {

  /** The most answers a person's onboarding may hold (MPM's {@code PersonOnboardingRequest::MAX_ANSWERS}). */
  static final int MAX_ANSWERS = 50;

  private static final JsonProvider JSON = JsonProvider.provider();

  private Onboarding() {}

  /** The answers as the JSON text to store (null for none), or a 422 naming what is wrong. */
  public static String answers(String body) {
    JsonBody b = JsonBody.parse(body);
    JsonValue raw = b.raw("answers");
    List<JsonBody> rows = List.of();
    if (raw == null) {
      b.mustBePresent("answers");
    } else if (raw.getValueType() == JsonValue.ValueType.OBJECT) {
      b.error("answers", "The answers field must be a list.");
    } else if (!(raw instanceof JsonArray)) {
      b.error("answers", "The answers field must be an array.");
    } else {
      List<JsonBody> listed = b.list("answers", false, MAX_ANSWERS);
      rows = listed == null ? List.of() : listed;
    }
    List<String> questions = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (JsonBody row : rows) {
      questions.add(row.string("question", true, 0, 255));
      answers.add(row.string("answer", false, 0, 1000));
    }
    Map<String, Integer> seen = new HashMap<>();
    questions.forEach(q -> {
      if (q != null) {
        seen.merge(q.toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    });
    // Row i is item i of the list unless an item was no object (then the list is refused anyway).
    boolean aligned = raw instanceof JsonArray items && items.size() == rows.size();
    for (int i = 0; aligned && i < questions.size(); i++) {
      String q = questions.get(i);
      if (q != null && seen.get(q.toLowerCase(Locale.ROOT)) > 1) {
        rows.get(i).error("question", "The answers." + i + ".question field has a duplicate value.");
      }
    }
    b.validate();
    if (questions.isEmpty()) {
      return null;
    }
    JsonObjectBuilder stored = JSON.createObjectBuilder();
    for (int i = 0; i < questions.size(); i++) {
      stored.add(questions.get(i), answers.get(i) == null ? JsonValue.NULL : JSON.createValue(answers.get(i)));
    }
    return stored.build().toString();
  }
}
