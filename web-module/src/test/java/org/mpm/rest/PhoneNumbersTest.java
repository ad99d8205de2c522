package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.common.ValidationException;

class PhoneNumbersTest {

  @Test
  void internationalNumbersAreTakenInE164() {
    assertEquals("+255713000001", PhoneNumbers.e164("+255713000001"));
    assertEquals("+255713000001", PhoneNumbers.e164("+255 713 000 001"));
    assertEquals("+255713000001", PhoneNumbers.e164("+255-713-000-001"));
    assertEquals("+16502530000", PhoneNumbers.e164("+1 (650) 253-0000"));
    assertEquals("+2348031234567", PhoneNumbers.e164("+234 803 123 4567"));
  }

  @Test
  void numbersNotInInternationalFormOrNotValidAreRefused() {
    assertNull(PhoneNumbers.e164("0713000001"), "a national number: no country code");
    assertNull(PhoneNumbers.e164("255713000001"), "digits without the +");
    assertNull(PhoneNumbers.e164("+255 713"), "too short for Tanzania");
    assertNull(PhoneNumbers.e164("+2557130000011111"), "too long");
    assertNull(PhoneNumbers.e164("+999 713000001"), "no such country code");
    assertNull(PhoneNumbers.e164("phone"));
    assertNull(PhoneNumbers.e164(""));
    assertNull(PhoneNumbers.e164(null));
  }

  @Test
  void theRuleAnswersLaravelPhonesMessage() {
    JsonBody b = JsonBody.parse("{\"phone\":\"0713000001\",\"other\":\"+255 713 000 002\",\"short\":\"+1\"}");
    assertNull(b.phone("phone", false, 0));
    assertEquals("+255713000002", b.phone("other", true, 11));
    assertNull(b.phone("short", false, 11));
    assertNull(b.phone("missing", false, 0));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The phone field must be a valid number."), e.errors().get("phone"));
    assertEquals(List.of("The short field must be at least 11 characters."), e.errors().get("short"));
    assertEquals(2, e.errors().size());
  }
}
