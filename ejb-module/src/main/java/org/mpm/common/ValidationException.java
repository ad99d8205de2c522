package org.mpm.common;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invalid input: answered 422 with Laravel's body, {@code {"message": …, "errors": {field: [messages]}}}.
 * An exception with a message and no field errors is answered {@code {"message": …}}.
 */
@ApplicationException(rollback = true)
public class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final Map<String, List<String>> errors;

  public ValidationException(Map<String, List<String>> errors) {
    super(summary(errors));
    this.errors = new LinkedHashMap<>(errors);
  }

  private ValidationException(String message) {
    super(message);
    this.errors = Map.of();
  }

  /** A 422 with only a message, as MPM's domain exceptions answer (e.g. "Company already exists"). */
  public static ValidationException message(String message) {
    return new ValidationException(message);
  }

  public static ValidationException field(String field, String message) {
    return new ValidationException(Map.of(field, List.of(message)));
  }

  public Map<String, List<String>> errors() {
    return errors;
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
