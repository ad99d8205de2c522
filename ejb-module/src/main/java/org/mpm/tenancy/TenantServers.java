package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.mpm.common.ApiException;

/**
 * Which {@link DatabaseServer} holds each company's database, as recorded in the central
 * {@code tenant_database_servers} (a database without a row is on the central database's server, as in MPM), and
 * where a new company's database goes ({@link ServerPlacement}). Answers are cached; a miss reads the central
 * database over a plain connection, outside any transaction, so asking never enlists the central database in a
 * tenant's transaction.
 */
@ApplicationScoped
public class TenantServers {

  private static final Logger LOG = Logger.getLogger(TenantServers.class.getName());

  @Inject DatabaseConfig config;

  @PersistenceContext(unitName = "central")
  EntityManager central;

  /** Database name to the name of its server. */
  private final Map<String, String> placed = new ConcurrentHashMap<>();

  /** A company's database on a server that is not (or no longer) configured: it cannot be reached. */
  public static class UnknownServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    UnknownServerException(String database, String server) {
      super(503, "Service Unavailable");
      LOG.warning(() -> "The database " + database + " is on the database server \"" + server
          + "\", which is not configured (MPM_DB_SERVERS)");
    }
  }

  /** The server that holds a company's database. */
  public DatabaseServer serverOf(String database) {
    DatabaseNames.requireSafe(database);
    String name = placed.get(database);
    if (name == null) {
      name = read(database);
      placed.put(database, name);
    }
    String server = name;
    return config.server(server).orElseThrow(() -> new UnknownServerException(database, server));
  }

  /** The name of the server a database is recorded on (central when it has no record). */
  private String read(String database) {
    try (Connection c = config.openDirect(config.centralDatabase());
        PreparedStatement ps = c.prepareStatement(
            "SELECT server FROM tenant_database_servers WHERE database_name = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : DatabaseServer.CENTRAL;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the database server of " + database, e);
    }
  }

  /**
   * Records the configured servers in the central database (at startup), so that placements can lock them, and
   * remembers where every company's database is.
   */
  public void recordConfigured() {
    try (Connection c = config.openDirect(config.centralDatabase())) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT IGNORE INTO database_servers (name, created_at) VALUES (?, UTC_TIMESTAMP())")) {
        for (DatabaseServer s : config.servers()) {
          ps.setString(1, s.name());
          ps.executeUpdate();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT database_name, server FROM tenant_database_servers")) {
        while (rs.next()) {
          placed.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the database servers", e);
    }
    for (DatabaseServer s : config.servers()) {
      LOG.info(() -> "Database server " + s + (s.hasLimit() ? ", capacity " + s.capacity() + " companies" : ""));
    }
  }

  /** How long the login on a server is tried before it is taken as unreachable. */
  static final int LOGIN_TIMEOUT_MILLIS = 5_000;

  /**
   * The configured servers, other than the central database's, that do not take this installation's login now, each
   * logged with its cause: those that refuse it (SQL state 28000: a wrong user or password) and those that cannot be
   * reached within {@value #LOGIN_TIMEOUT_MILLIS} ms. Asked once at start, so that their companies wait
   * ({@link WaitingCompanies}) rather than hold the start while Flyway retries each company's login for minutes.
   */
  public Set<String> unavailable() {
    Set<String> unavailable = new HashSet<>();
    for (DatabaseServer s : config.servers()) {
      if (s.name().equals(DatabaseServer.CENTRAL)) {
        continue;
      }
      try (Connection c = DatabaseConfig.openDirect(s, null, LOGIN_TIMEOUT_MILLIS)) {
        LOG.fine(() -> "Database server " + s + " takes the login of " + s.user());
      } catch (SQLException e) {
        unavailable.add(s.name());
        if ("28000".equals(e.getSQLState())) {
          String prefix = "mpm.db.server." + s.name() + ".";
          LOG.severe(() -> "The database server " + s.name() + " (" + s.address() + ") refuses the login of "
              + s.user() + ": " + e.getMessage() + ". Check " + DatabaseServer.env(prefix + "user") + " and "
              + DatabaseServer.env(prefix + "password") + " or " + DatabaseServer.env(prefix + "password-file")
              + "; its companies are not migrated and answer 503.");
        } else {
          LOG.severe(() -> "The database server " + s.name() + " (" + s.address() + ") cannot be reached: "
              + e.getMessage() + "; its companies are not migrated and answer 503 until it can.");
        }
      }
    }
    return unavailable;
  }

  /**
   * The configured servers, other than the central database's, that do not take this installation's login now
   * (tried once each, for up to {@value #LOGIN_TIMEOUT_MILLIS} ms), each logged: no new company is placed on them.
   */
  public Set<String> away() {
    Set<String> away = new HashSet<>();
    for (DatabaseServer s : config.servers()) {
      if (!s.name().equals(DatabaseServer.CENTRAL) && !takesLogin(s)) {
        away.add(s.name());
        LOG.warning(() -> "The database server " + s.name() + " (" + s.address() + ") does not take the login of "
            + s.user() + " now: no new company goes there");
      }
    }
    return away;
  }

  /** Whether a server takes this installation's login now. */
  public boolean takesLogin(DatabaseServer server) {
    try (Connection c = DatabaseConfig.openDirect(server, null, LOGIN_TIMEOUT_MILLIS)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** A configured server by its name. */
  public Optional<DatabaseServer> server(String name) {
    return config.server(name);
  }

  /**
   * Chooses the server of a new company's database and records it; call it in the central transaction that
   * reserves the company. Placements on all nodes are serialised by locking the servers' rows.
   *
   * @param away the servers that do not take the login now ({@link #away()}, asked before the transaction)
   * @throws ApiException 503 when no server has room, or none of those with room takes the login
   */
  public DatabaseServer place(String database, Set<String> away) {
    DatabaseNames.requireSafe(database);
    central.createNativeQuery("SELECT name FROM database_servers ORDER BY name FOR UPDATE").getResultList();
    Map<String, Long> companies = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows = central.createNativeQuery(
            "SELECT COALESCE(tds.server, '" + DatabaseServer.CENTRAL + "'), COUNT(*) FROM company_databases cd"
                + " LEFT JOIN tenant_database_servers tds ON tds.database_name = cd.database_name"
                + " GROUP BY COALESCE(tds.server, '" + DatabaseServer.CENTRAL + "')")
        .getResultList();
    for (Object[] row : rows) {
      companies.put((String) row[0], ((Number) row[1]).longValue());
    }
    List<DatabaseServer> reachable = config.servers().stream().filter(s -> !away.contains(s.name())).toList();
    DatabaseServer server = ServerPlacement.choose(reachable, companies).orElseThrow(() -> {
      if (ServerPlacement.choose(config.servers(), companies).isPresent()) {
        LOG.warning(() -> "The database servers with room for another company do not take the login: " + away);
        return new ApiException(503, "Service Unavailable");
      }
      LOG.warning(() -> "No database server has room for another company: " + companies);
      return new ApiException(503, "No database server has room for another company.");
    });
    central.createNativeQuery(
            "INSERT INTO tenant_database_servers (database_name, server, created_at) VALUES (?1, ?2, UTC_TIMESTAMP())")
        .setParameter(1, database)
        .setParameter(2, server.name())
        .executeUpdate();
    return server;
  }

  /** Forgets a removed company's database (its central rows are removed by the caller). */
  public void forget(String database) {
    placed.remove(database);
  }
}
