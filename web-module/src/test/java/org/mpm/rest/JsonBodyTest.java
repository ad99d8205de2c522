package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

  @Test
  void numbersBeyondTheirBoundsAre422NotInfinity() {
    JsonBody b = JsonBody.parse("{\"price\":1e309,\"id\":2147483648,\"big\":9223372036854775808,"
        + "\"neg\":-1e309,\"huge\":1e999999999,\"amount\":\"12.50\",\"whole\":3.0,\"part\":1.5}");
    assertNull(b.number("price", true));
    assertNull(b.integer("id", true));
    assertNull(b.integer("big", true, 0, Long.MAX_VALUE));
    assertNull(b.number("neg", true));
    assertNull(b.integer("huge", true));
    assertEquals(new BigDecimal("12.50"), b.number("amount", true));
    assertEquals(3L, b.integer("whole", true));
    assertNull(b.integer("part", true));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The price field must not be greater than 1000000000000000."), e.errors().get("price"));
    assertEquals(List.of("The id field must not be greater than 2147483647."), e.errors().get("id"));
    assertEquals(List.of("The big field must not be greater than 9223372036854775807."), e.errors().get("big"));
    assertEquals(List.of("The neg field must be at least -1000000000000000."), e.errors().get("neg"));
    assertEquals(List.of("The part field must be an integer."), e.errors().get("part"));
  }

  @Test
  void stringsAndListsHaveALength() {
    JsonBody b = JsonBody.parse("{\"name\":\"" + "x".repeat(192) + "\",\"tags\":" + List.of("a", "b", "c")
        .stream().map(t -> "\"" + t + "\"").toList() + ",\"many\":[" + "1,".repeat(1000) + "1]}");
    assertNull(b.string("name", true));
    assertEquals(List.of("a", "b", "c"), b.strings("tags", true));
    assertNull(b.array("many", true));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The name field must not be greater than 191 characters."), e.errors().get("name"));
    assertEquals(List.of("The many field must not have more than 1000 items."), e.errors().get("many"));
  }

  @Test
  void listItemsNameTheirRawKeyAndNestedObjectsTheirLabel() {
    JsonBody b = JsonBody.parse("{\"time_of_usage\":[{\"start\":\"25:00\"},7],\"access_rate\":"
        + "{\"access_rate_period\":0},\"startDate\":\"2025-02-30\"}");
    List<JsonBody> slots = b.list("time_of_usage", true, 10);
    assertEquals(1, slots.size());
    slots.get(0).time("start", true);
    b.object("access_rate", true).integer("access_rate_period", true, 1, 10);
    b.date("startDate", false);
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The time_of_usage.0.start field must match the format H:i."),
        e.errors().get("time_of_usage.0.start"));
    assertEquals(List.of("The time_of_usage.1 field must be an array."), e.errors().get("time_of_usage.1"));
    assertEquals(List.of("The access rate.access rate period field must be at least 1."),
        e.errors().get("access_rate.access_rate_period"));
    assertEquals(List.of("The start date field must be a valid date."), e.errors().get("startDate"));
  }

  @Test
  void requiredEmptyArraysAreMissingAndOptionalOnesAreKept() {
    JsonBody b = JsonBody.parse("{\"roles\":[],\"items\":[]}");
    assertEquals(List.of(), b.strings("roles", false));
    assertNull(b.array("items", true));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The items field is required."), e.errors().get("items"));
  }

  @Test
  void datesAreDaysOrUtcTimesWithinTimestampBounds() {
    JsonBody b = JsonBody.parse("{\"a\":\"2025-03-01\",\"b\":\"2025-03-01 10:15:00\",\"c\":"
        + "\"2025-03-01T12:00:00+02:00\",\"d\":\"1900-01-01\",\"e\":20250101,\"f\":\"1990-1-1\"}");
    assertEquals(LocalDate.of(2025, 3, 1), b.date("a", true));
    assertEquals(LocalDateTime.of(2025, 3, 1, 10, 15), b.dateTime("b", true));
    assertEquals(LocalDateTime.of(2025, 3, 1, 10, 0), b.dateTime("c", true));
    assertNull(b.date("d", true));
    assertNull(b.date("e", true));
    assertNull(b.ymd("f", true));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The d field must be a date after or equal to 1970-01-01."), e.errors().get("d"));
    assertEquals(List.of("The e field must be a valid date."), e.errors().get("e"));
    assertEquals(List.of("The f field must match the format Y-m-d."), e.errors().get("f"));
  }

  @Test
  void locationsAreGeoJsonPointsInRange() {
    JsonBody b = JsonBody.parse("{\"ok\":{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
        + "\"coordinates\":[39.2,-6.8]}},\"far\":{\"type\":\"Feature\",\"geometry\":{\"type\":"
        + "\"Point\",\"coordinates\":[1e309,0]}},\"lat\":\"91\",\"lng\":\"-180\"}");
    assertEquals("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[39.2,-6.8]},"
        + "\"properties\":{}}", b.point("ok", true));
    assertNull(b.point("far", true));
    assertNull(b.latitude("lat", true));
    assertEquals(-180.0, b.longitude("lng", true));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The far field coordinates are out of range."), e.errors().get("far"));
    assertEquals(List.of("The lat field must be a latitude between -90 and 90."), e.errors().get("lat"));
  }

  @Test
  void idsAreNumbersOrObjectsWithAnId() {
    JsonBody b = JsonBody.parse("{\"plugins\":[{\"id\":21},3,\"3\",{\"id\":\"x\"},-1]}");
    assertEquals(List.of(21L, 3L), b.ids("plugins", false));
    ValidationException e = assertThrows(ValidationException.class, b::validate);
    assertEquals(List.of("The plugins.3.id field must be an integer."), e.errors().get("plugins.3.id"));
    assertEquals(List.of("The plugins.4 field must be at least 1."), e.errors().get("plugins.4"));
  }

  @Test
  void theQueryIsReadWithTheSameRules() {
    UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getQueryParameters")) {
            MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
            m.add("city_id", "12");
            m.add("active_customer", "maybe");
            m.add("page", "x");
            m.add("sort", "-name");
            return m;
          }
          throw new UnsupportedOperationException(method.getName());
        });
    JsonBody q = JsonBody.query(uri);
    assertEquals(12L, q.integer("city_id", false));
    assertNull(q.bool("active_customer", false));
    assertEquals(1, q.page());
    assertEquals(new JsonBody.Sort("name", true), q.sort(List.of("id", "name"), "-id"));
    assertEquals(400, assertThrows(BadRequestBody.class, () -> q.sort(List.of("id"), "-id")).status());
    assertThrows(ValidationException.class, q::validate);
  }
}
