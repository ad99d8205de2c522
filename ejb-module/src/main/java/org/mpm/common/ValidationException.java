package org.mpm.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invalid input: answered 422 with Laravel's body, {@code {"message": …, "errors": {field: [messages]}}}.
 * An exception with a message and no field errors is answered {@code {"message": …}}; the routes that answer in
 * MPM's resource envelope use {@link #enveloped}.
 */
public class ValidationException extends ApiException {

  private static final long serialVersionUID = 1L;
  private final Map<String, List<String>> errors;
  private final boolean enveloped;

  public ValidationException(Map<String, List<String>> errors) {
    this(summary(errors), errors, false);
  }

  private ValidationException(String message, Map<String, List<String>> errors, boolean enveloped) {
    super(422, message);
    this.errors = new LinkedHashMap<>(errors);
    this.enveloped = enveloped;
  }

  /** A 422 with only a message, as MPM's domain exceptions answer (e.g. "Company already exists"). */
  public static ValidationException message(String message) {
    return new ValidationException(message, Map.of(), false);
  }

  public static ValidationException field(String field, String message) {
    return new ValidationException(Map.of(field, List.of(message)));
  }

  /**
   * The errors in the envelope of MPM's API resources, {@code {"data": [], "meta": {"message": "The given data was
   * invalid", "errors": {…}}}}, as the tariff routes answer.
   */
  public static ValidationException enveloped(Map<String, List<String>> errors) {
    return new ValidationException("The given data was invalid", errors, true);
  }

  public Map<String, List<String>> errors() {
    return errors;
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = messageBody(getMessage());
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    if (!enveloped) {
      return body;
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", List.of());
    envelope.put("meta", body);
    return envelope;
  }

  /** Laravel's summary: the first message, plus "(and N more error[s])". */
  public static String summary(Map<String, List<String>> errors) {
    String first = null;
    int total = 0;
    for (List<String> messages : errors.values()) {
      for (String m : messages) {
        if (first == null) {
          first = m;
        }
        total++;
      }
    }
    if (first == null) {
      return "The given data was invalid.";
    }
    int more = total - 1;
    return more == 0 ? first : first + " (and " + more + " more error" + (more == 1 ? "" : "s") + ")";
  }
}
