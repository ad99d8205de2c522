package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantRegistry.CompanyWork;

/**
 * Which companies have queued work due, asked in a few statements rather than a transaction in each company's
 * database: per database server, over one plain connection, one {@code UNION ALL} of the question for up to
 * {@value #CHUNK} company databases at a time. A poll that finds nothing due therefore opens no company's pool
 * and starts no transaction, however many companies there are, and the pools of idle companies stay empty.
 *
 * <p>When a server cannot be asked (it is away, or a company's table is missing), its companies are all handed to
 * the work, as a poll without this question would: nothing due is ever skipped because the question failed.
 */
@ApplicationScoped
public class DueWork {

  private static final Logger LOG = Logger.getLogger(DueWork.class.getName());

  /** Company databases asked in one statement. */
  static final int CHUNK = 200;

  @Inject TenantRegistry registry;
  @Inject TenantServers servers;

  /**
   * Queued work of a kind: a table and the condition of its due rows, where each {@code ?} stands for the time now
   * (UTC).
   */
  public record Queue(String table, String dueWhen) {

    public Queue {
      DatabaseNames.requireSafe(table);
    }

    int parameters() {
      return (int) dueWhen.chars().filter(ch -> ch == '?').count();
    }

    /** The statement that asks these databases (by their place in the list) whether any row is due. */
    String question(List<String> databases) {
      StringBuilder sql = new StringBuilder();
      for (int i = 0; i < databases.size(); i++) {
        DatabaseNames.requireSafe(databases.get(i));
        sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" FROM DUAL WHERE EXISTS (SELECT 1"
            + " FROM `").append(databases.get(i)).append("`.`").append(table).append("` WHERE ").append(dueWhen)
            .append(')');
      }
      return sql.toString();
    }
  }

  /**
   * Runs {@code work} on the calling thread for each company that has a row of {@code queue} due; one company's
   * failure is logged and the others go on ({@link TenantRegistry#forEach}).
   *
   * @param what the work's name in the log
   */
  public void forEachCompanyWith(String what, Queue queue, CompanyWork work) {
    registry.forEach(what, companiesWith(what, queue), Runnable::run, work);
  }

  /**
   * The companies ({@code [company id, database]}) that have a row of {@code queue} due, or may have (see above);
   * none when the companies cannot be listed.
   */
  public List<Object[]> companiesWith(String what, Queue queue) {
    List<Object[]> tenants;
    try {
      tenants = registry.allTenants();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not list the companies for " + what, e);
      return List.of();
    }
    Map<DatabaseServer, List<Object[]>> byServer = new LinkedHashMap<>();
    for (Object[] t : tenants) {
      try {
        byServer.computeIfAbsent(servers.serverOf((String) t[1]), s -> new ArrayList<>()).add(t);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "No server for " + t[1], e);
      }
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    List<Object[]> due = new ArrayList<>();
    for (Map.Entry<DatabaseServer, List<Object[]>> e : byServer.entrySet()) {
      due.addAll(due(what, queue, e.getKey(), e.getValue(), now));
    }
    return due;
  }

  /** The companies of one server with work due; all of them when the server cannot be asked. */
  private List<Object[]> due(String what, Queue queue, DatabaseServer server, List<Object[]> tenants, Timestamp now) {
    List<Object[]> due = new ArrayList<>();
    try (Connection c = DatabaseConfig.openDirect(server, null)) {
      for (int from = 0; from < tenants.size(); from += CHUNK) {
        List<Object[]> chunk = tenants.subList(from, Math.min(from + CHUNK, tenants.size()));
        try {
          due.addAll(askChunk(c, queue, chunk, now));
        } catch (SQLException failed) {
          LOG.log(Level.WARNING, what + ": could not ask " + chunk.size() + " databases on " + server.name()
              + " for due work; all of them are looked at", failed);
          due.addAll(chunk);
        }
      }
    } catch (SQLException failed) {
      LOG.warning(() -> what + ": the database server " + server.name() + " could not be asked for due work ("
          + failed.getMessage() + "); its companies are looked at one by one");
      return tenants;
    }
    return due;
  }

  private static List<Object[]> askChunk(Connection c, Queue queue, List<Object[]> chunk, Timestamp now)
      throws SQLException {
    List<String> databases = chunk.stream().map(t -> (String) t[1]).toList();
    List<Object[]> due = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(queue.question(databases))) {
      int each = queue.parameters();
      for (int i = 1; i <= databases.size() * each; i++) {
        ps.setTimestamp(i, now);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(chunk.get(rs.getInt(1)));
        }
      }
    }
    return due;
  }
}
