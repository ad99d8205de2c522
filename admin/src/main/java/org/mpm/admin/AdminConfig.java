package org.mpm.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.mpm.tenancy.DatabaseConfig;
import org.mpm.tenancy.DatabaseServer;

/**
 * Where the installation's databases are: MPM_DB_URL, MPM_DB_USER and MPM_DB_PASSWORD (and the other database
 * servers, MPM_DB_SERVERS with their MPM_DB_SERVER_&lt;NAME&gt;_* entries) as the server reads them,
 * or, without MPM_DB_URL, the embedded database that {@code ./run.sh} started for the data folder (its URL is in
 * {@code <MPM_DATA_DIR>/embedded-db.url} while it runs).
 */
final class AdminConfig {

  /** The file the launcher writes the embedded database's URL to, in the data folder. */
  static final String EMBEDDED_URL_FILE = "embedded-db.url";

  private final DatabaseConfig database;

  private AdminConfig(DatabaseConfig database) {
    this.database = database;
  }

  static AdminConfig from(Map<String, String> env) {
    String url = blankToNull(env.get("MPM_DB_URL"));
    String user = blankToNull(env.get("MPM_DB_USER"));
    String password = env.get("MPM_DB_PASSWORD");
    if (url == null) {
      Path dataDir = Path.of(env.getOrDefault("MPM_DATA_DIR", "data"));
      Path file = dataDir.resolve(EMBEDDED_URL_FILE);
      if (!Files.isReadable(file)) {
        throw new AdminException("no database: set MPM_DB_URL (and MPM_DB_USER, MPM_DB_PASSWORD), or start the"
            + " installation of " + dataDir.toAbsolutePath() + " with ./run.sh so that its embedded database runs");
      }
      try {
        url = Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new AdminException("cannot read " + file + ": " + e.getMessage());
      }
      user = user == null ? "root" : user;
      password = password == null ? "" : password;
    }
    try {
      return new AdminConfig(DatabaseConfig.of(url, user == null ? "root" : user, password, env));
    } catch (IllegalArgumentException e) {
      throw new AdminException(e.getMessage());
    }
  }

  DatabaseConfig database() {
    return database;
  }

  /** A connection to one database on the central database's server (null: the server only). */
  Connection open(String databaseName) {
    return open(database.central(), databaseName);
  }

  /** A connection to one database on a server (null: the server only). */
  Connection open(DatabaseServer server, String databaseName) {
    try {
      return DatabaseConfig.openDirect(server, databaseName);
    } catch (SQLException e) {
      throw new AdminException("cannot connect to " + withoutQuery(server.urlOf(""))
          + (databaseName == null ? "" : " database " + databaseName) + ": " + e.getMessage(), 1, e);
    }
  }

  /** A connection to a company's database, on its server. */
  Connection open(Tenants.Tenant tenant) {
    return open(server(tenant.server()), tenant.database());
  }

  /** A configured database server by name. */
  DatabaseServer server(String name) {
    return database.server(name).orElseThrow(() -> new AdminException("the database server \"" + name
        + "\" is not configured (MPM_DB_SERVERS)"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A JDBC URL without its query part, for messages (a password may be in the query). */
  static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
