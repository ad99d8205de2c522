package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerPlacementTest {

  private static DatabaseServer server(String name, long capacity) {
    return new DatabaseServer(name, "jdbc:mysql://" + name + ":3306/x", "root", "", null, capacity);
  }

  private static String choose(List<DatabaseServer> servers, Map<String, Long> companies) {
    return ServerPlacement.choose(servers, companies).map(DatabaseServer::name).orElse("none");
  }

  @Test
  void theServerWithTheMostRoomWinsThenTheFewestCompaniesThenTheFirstListed() {
    List<DatabaseServer> servers = List.of(server("central", 12), server("b", 4));
    Map<String, Long> companies = new HashMap<>(Map.of("central", 10L));
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      String chosen = choose(servers, companies);
      order.append(chosen).append(' ');
      companies.merge(chosen, 1L, Long::sum);
    }
    // room 2/4 → b, 2/3 → b, 2/2 with 10 against 2 companies → b, 2/1 → central, 1/1 (11 against 3) → b,
    // 1/0 → central, then no room anywhere
    assertEquals("b b b central b central none ", order.toString());
  }

  @Test
  void withoutCapacitiesTheCompaniesAreSpreadEvenly() {
    List<DatabaseServer> servers = List.of(server("central", Long.MAX_VALUE), server("b", Long.MAX_VALUE),
        server("c", Long.MAX_VALUE));
    assertEquals("b", choose(servers, Map.of("central", 3L, "c", 1L)));
    assertEquals("central", choose(servers, Map.of()));
    assertEquals("c", choose(servers, Map.of("central", 1L, "b", 1L)));
  }

  @Test
  void anUnlimitedServerHasMoreRoomThanALimitedOne() {
    assertEquals("central", choose(List.of(server("central", Long.MAX_VALUE), server("b", 1000)),
        Map.of("central", 5000L)));
  }

  @Test
  void aFullOrZeroCapacityServerTakesNothing() {
    assertTrue(ServerPlacement.choose(List.of(server("central", 0), server("b", 2)), Map.of("b", 2L)).isEmpty());
    assertEquals("b", choose(List.of(server("central", 0), server("b", 3)), Map.of("b", 2L)));
  }
}
