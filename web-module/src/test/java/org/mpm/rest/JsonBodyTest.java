package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.common.ValidationException;

class JsonBodyTest {

  @Test
  void trimsAndTreatsEmptyAsMissing() {
    JsonBody b = JsonBody.parse("{\"name\":\"  Jane  \",\"title\":\"   \"}");
    assertEquals("Jane", b.string("name", true));
    assertNull(b.string("title", false));
    b.validate();
  }

  @Test
  void collectsLaravelMessages() {
    JsonBody b = JsonBody.parse("{\"email\":\"nope\",\"password\":\"123\",\"age\":\"x\",\"on\":\"maybe\"}");
    b.string("name", true);
    b.email("email", true);
    b.string("password", true, 6, 191);
    b.integer("age", false);
    b.bool("on", false);
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals("The name field is required. (and 4 more errors)", e.getMessage());
    assertEquals(List.of("The password field must be at least 6 characters."), e.errors().get("password"));
    assertEquals(List.of("The age field must be an integer."), e.errors().get("age"));
    assertEquals(List.of("The on field must be true or false."), e.errors().get("on"));
  }

  @Test
  void nestedFieldsUseDottedNames() {
    JsonBody b = JsonBody.parse("{\"user\":{\"email\":\"x\"}}");
    JsonBody user = b.object("user", true);
    user.string("name", true);
    user.email("email", true);
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The user.name field is required."), e.errors().get("user.name"));
    assertEquals(List.of("The user.email field must be a valid email address."), e.errors().get("user.email"));
  }

  @Test
  void rejectsNonObjects() {
    assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonBody.parse("[1]")).status());
    assertEquals(400, assertThrows(BadRequestBody.class, () -> JsonBody.parse("{\"a\":")).status());
    JsonBody.parse("").validate();
  }
}
