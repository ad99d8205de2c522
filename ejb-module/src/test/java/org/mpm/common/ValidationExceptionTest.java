package org.mpm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void summarisesLikeLaravel() {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    errors.put("name", List.of("The name field is required."));
    assertEquals("The name field is required.", new ValidationException(errors).getMessage());
    errors.put("email", List.of("The email field is required."));
    assertEquals("The name field is required. (and 1 more error)", new ValidationException(errors).getMessage());
    errors.put("phone", List.of("a", "b"));
    assertEquals("The name field is required. (and 3 more errors)", new ValidationException(errors).getMessage());
  }
}
