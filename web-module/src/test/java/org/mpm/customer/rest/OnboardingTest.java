package org.mpm.customer.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpm.common.ValidationException;

class OnboardingTest {

  @Test
  void answersAreKeyedByQuestionInTheirOrder() {
    assertEquals("{\"Main use\":\"Lighting\",\"Household size\":\"6\",\"Animals\":null,\"Roof\":null}",
        Onboarding.answers("{\"answers\":[{\"question\":\"Main use\",\"answer\":\"Lighting\"},"
            + "{\"question\":\" Household size \",\"answer\":6},{\"question\":\"Animals\",\"answer\":\"\"},"
            + "{\"question\":\"Roof\"}]}"));
  }

  @Test
  void noAnswersClearThem() {
    assertNull(Onboarding.answers("{\"answers\":[]}"));
  }

  @Test
  void duplicateQuestionsIgnoringCaseAreRefusedEachOfThem() {
    Map<String, List<String>> errors = errors("{\"answers\":[{\"question\":\"Roof\",\"answer\":\"tin\"},"
        + "{\"question\":\"Size\",\"answer\":\"3\"},{\"question\":\"ROOF\",\"answer\":\"grass\"}]}");
    assertEquals(List.of("The answers.0.question field has a duplicate value."), errors.get("answers.0.question"));
    assertEquals(List.of("The answers.2.question field has a duplicate value."), errors.get("answers.2.question"));
    assertEquals(2, errors.size());
  }

  @Test
  void laravelsRulesAndMessages() {
    assertEquals(List.of("The answers field must be present."), errors("{}").get("answers"));
    assertEquals(List.of("The answers field must be an array."), errors("{\"answers\":\"x\"}").get("answers"));
    assertEquals(List.of("The answers field must be an array."), errors("{\"answers\":null}").get("answers"));
    assertEquals(List.of("The answers field must be a list."), errors("{\"answers\":{\"a\":1}}").get("answers"));
    StringBuilder many = new StringBuilder("{\"answers\":[");
    for (int i = 0; i <= Onboarding.MAX_ANSWERS; i++) {
      many.append(i == 0 ? "" : ",").append("{\"question\":\"q").append(i).append("\"}");
    }
    assertEquals(List.of("The answers field must not have more than 50 items."),
        errors(many.append("]}").toString()).get("answers"));
    Map<String, List<String>> rows = errors("{\"answers\":[{\"answer\":\"x\"},{\"question\":\"" + "q".repeat(256)
        + "\"},{\"question\":\"ok\",\"answer\":\"" + "a".repeat(1001) + "\"}]}");
    assertEquals(List.of("The answers.0.question field is required."), rows.get("answers.0.question"));
    assertEquals(List.of("The answers.1.question field must not be greater than 255 characters."),
        rows.get("answers.1.question"));
    assertEquals(List.of("The answers.2.answer field must not be greater than 1000 characters."),
        rows.get("answers.2.answer"));
  }

  @Test
  void theFormerOnboardingJsonBodyIsRefused() {
    assertEquals(List.of("The answers field must be present."),
        errors("{\"onboarding_json\":[{\"question\":\"q\",\"answer\":\"a\"}]}").get("answers"));
  }

  private static Map<String, List<String>> errors(String body) {
    return assertThrows(ValidationException.class, () -> Onboarding.answers(body)).errors();
  }
}
