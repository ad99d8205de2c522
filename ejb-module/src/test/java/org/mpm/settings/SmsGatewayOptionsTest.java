package org.mpm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mpm.settings.SmsGatewayOptions.Option;

class SmsGatewayOptionsTest {

  @Test
  void androidAlways() {
    assertEquals(List.of(new Option(2, "AndroidGateway", "Android Gateway (DEPRECATED)", true)),
        SmsGatewayOptions.available(Set.of()));
    assertEquals(List.of(2L), ids(Set.of(21L, 22L, 25L)));
  }

  @Test
  void activeGatewayPluginsInMpmsOrder() {
    assertEquals(List.of(2L, 18L, 26L, 10L), ids(Set.of(10L, 26L, 18L, 21L)));
    assertEquals(List.of(2L, 26L), ids(Set.of(26L)));
    assertEquals("Africa's Talking", SmsGatewayOptions.available(Set.of(18L)).get(1).label());
  }

  static List<Long> ids(Set<Long> active) {
    return SmsGatewayOptions.available(active).stream().map(Option::id).toList();
  }
}
