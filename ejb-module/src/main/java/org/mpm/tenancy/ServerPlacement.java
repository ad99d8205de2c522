package org.mpm.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a new company's database goes: on the server with the most room, room being the companies a server may
 * still take (its capacity less the companies it holds; a server without a capacity has unlimited room). Among
 * servers with equal room the one holding the fewest companies wins, then the one listed first (the central
 * database's server before the others). A server without room takes no new company.
 */
public final class ServerPlacement {

  private ServerPlacement() {}

  /**
   * @param servers the configured servers, in their order
   * @param companies the companies each server holds now, by server name (a missing name holds none)
   * @return the chosen server, empty when none has room
   */
  public static Optional<DatabaseServer> choose(List<DatabaseServer> servers, Map<String, Long> companies) {
    DatabaseServer best = null;
    long bestRoom = 0;
    long bestCount = 0;
    for (DatabaseServer s : servers) {
      long count = companies.getOrDefault(s.name(), 0L);
      long room = s.hasLimit() ? s.capacity() - count : Long.MAX_VALUE;
      if (room <= 0) {
        continue;
      }
      if (best == null || room > bestRoom || room == bestRoom && count < bestCount) {
        best = s;
        bestRoom = room;
        bestCount = count;
      }
    }
    return Optional.ofNullable(best);
  }
}
