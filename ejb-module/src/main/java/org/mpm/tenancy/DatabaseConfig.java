package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the databases are: the central database (its URL and credentials) and the servers that hold the companies'
 * databases ({@link DatabaseServer}): the central database's server, as in MPM, and any others configured. Also
 * opens the plain JDBC connections used outside JTA for DDL and Flyway.
 */
@ApplicationScoped
public class DatabaseConfig {

  @Inject
  @ConfigProperty(name = "mpm.db.url", defaultValue = "jdbc:mysql://127.0.0.1:3306/micro_power_manager")
  String url;

  @Inject
  @ConfigProperty(name = "mpm.db.user", defaultValue = "root")
  String user;

  @Inject
  @ConfigProperty(name = "mpm.db.password")
  Optional<String> password;

  /** The servers for companies' databases, the central one first; read from the configuration on first use. */
  private volatile List<DatabaseServer> servers;
  private Function<String, Optional<String>> settings;

  /**
   * The configuration outside the container (the operator's command-line tool): the central database's URL and
   * the credentials, as MPM_DB_URL, MPM_DB_USER and MPM_DB_PASSWORD give them to the server; no other server.
   */
  public static DatabaseConfig of(String url, String user, String password) {
    return of(url, user, password, Map.of());
  }

  /**
   * As {@link #of(String, String, String)}, with the other database servers from the environment as the server
   * reads them (MPM_DB_SERVERS, MPM_DB_SERVER_&lt;NAME&gt;_URL …).
   */
  public static DatabaseConfig of(String url, String user, String password, Map<String, String> environment) {
    DatabaseConfig config = new DatabaseConfig();
    config.url = url;
    config.user = user;
    config.password = Optional.ofNullable(password);
    config.settings = key -> Optional.ofNullable(environment.get(DatabaseServer.env(key)))
        .filter(v -> !v.isBlank());
    return config;
  }

  /** The servers that hold companies' databases, the central database's server first. */
  public List<DatabaseServer> servers() {
    List<DatabaseServer> s = servers;
    if (s == null) {
      Function<String, Optional<String>> lookup = settings != null ? settings
          : key -> ConfigProvider.getConfig().getOptionalValue(key, String.class);
      s = DatabaseServer.configured(url, user, password(), lookup);
      servers = s;
    }
    return s;
  }

  /** The central database's server. */
  public DatabaseServer central() {
    return servers().get(0);
  }

  /** A configured server by name. */
  public Optional<DatabaseServer> server(String name) {
    return servers().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public String centralUrl() {
    return url;
  }

  public String user() {
    return user;
  }

  /** The password, "" when none is configured. */
  public String password() {
    return password.orElse("");
  }

  /** The name of the central database, from its URL. */
  public String centralDatabase() {
    return DatabaseNames.databaseOf(url);
  }

  /** The URL of a database on the central database's server, keeping the central URL's parameters. */
  public String urlOf(String database) {
    return DatabaseNames.withDatabase(url, database);
  }

  /**
   * Connector/J settings the pools use unless the configured URL sets them: parsed statements are kept per
   * connection (the payment pipeline's statements are longer than the driver's default limit of 256 characters),
   * the session's autocommit and isolation are tracked locally instead of asked for, and the driver opens no
   * OpenTelemetry span per statement (it would whenever the OpenTelemetry API is present, traced or not).
   */
  static final Map<String, String> POOL_DRIVER_DEFAULTS = Map.of(
      "cachePrepStmts", "true",
      "openTelemetry", "DISABLED",
      "prepStmtCacheSize", "500",
      "prepStmtCacheSqlLimit", "8192",
      "useLocalSessionState", "true");

  /**
   * The URL of a database on a server with {@link #POOL_DRIVER_DEFAULTS} for what the server's URL leaves unset:
   * the URL of a pool.
   */
  public static String pooledUrlOf(DatabaseServer server, String database) {
    StringBuilder url = new StringBuilder(server.urlOf(database));
    String lower = url.toString().toLowerCase(Locale.ROOT);
    boolean query = lower.indexOf('?') >= 0;
    for (Map.Entry<String, String> e : new TreeMap<>(POOL_DRIVER_DEFAULTS).entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!lower.contains("?" + name + "=") && !lower.contains("&" + name + "=")) {
        url.append(query ? '&' : '?').append(e.getKey()).append('=').append(e.getValue());
        query = true;
      }
    }
    return url.toString();
  }

  /**
   * A plain JDBC connection (not enlisted in JTA) to a database on the central database's server; null means the
   * server only.
   */
  public Connection openDirect(String database) throws SQLException {
    return openDirect(central(), database);
  }

  /** A plain JDBC connection (not enlisted in JTA) to a database on a server; null means the server only. */
  public static Connection openDirect(DatabaseServer server, String database) throws SQLException {
    return DriverManager.getConnection(server.urlOf(database == null ? "" : database), login(server));
  }

  /** As {@link #openDirect(DatabaseServer, String)}, giving up when the server has not answered in the time given. */
  public static Connection openDirect(DatabaseServer server, String database, int timeoutMillis) throws SQLException {
    Properties props = login(server);
    props.setProperty("connectTimeout", Integer.toString(timeoutMillis));
    props.setProperty("socketTimeout", Integer.toString(timeoutMillis));
    return DriverManager.getConnection(server.urlOf(database == null ? "" : database), props);
  }

  /**
   * As {@link #openDirect(DatabaseServer, String)}, for running a script: one call may carry many statements
   * separated by semicolons.
   */
  public static Connection openForScripts(DatabaseServer server, String database) throws SQLException {
    Properties props = login(server);
    props.setProperty("allowMultiQueries", "true");
    return DriverManager.getConnection(server.urlOf(database), props);
  }

  private static Properties login(DatabaseServer server) {
    Properties props = new Properties();
    props.setProperty("user", server.user());
    props.setProperty("password", server.password());
    return props;
  }
}
