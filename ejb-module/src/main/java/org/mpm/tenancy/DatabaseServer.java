package org.mpm.tenancy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A MySQL/MariaDB server that holds companies' databases. The central database's server is always one, named
 * {@value #CENTRAL}; more are configured by name in {@code mpm.db.servers}, each with its own URL, user and
 * password ({@code mpm.db.server.<name>.url}, {@code .user}, {@code .password} or {@code .password-file}) and a
 * capacity ({@code .capacity}: the companies it may hold; none means no limit).
 *
 * @param url a JDBC URL on the server; its database part is replaced by the company's database, its parameters kept
 * @param passwordKey the configuration key the password came from, so that a pool can refer to it instead of
 *     holding it; null when it was read from a file
 * @param capacity the most companies the server may hold, {@link Long#MAX_VALUE} for no limit
 */
public record DatabaseServer(String name, String url, String user, String password, String passwordKey,
    long capacity) {

  /** The name of the central database's server. */
  public static final String CENTRAL = "central";

  public DatabaseServer {
    DatabaseNames.requireSafe(name);
  }

  /** The URL of a database on this server, keeping this server's URL parameters. */
  public String urlOf(String database) {
    return DatabaseNames.withDatabase(url, database);
  }

  /** The environment entry that MicroProfile Config reads {@link #passwordKey} from, or null. */
  public String passwordEnvironmentName() {
    return passwordKey == null ? null : passwordKey.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  public boolean hasLimit() {
    return capacity != Long.MAX_VALUE;
  }

  /**
   * The configured servers, the central one first.
   *
   * @param central the central database's server (its URL and credentials come from {@code mpm.db.*})
   * @param setting a configuration value by key ({@code mpm.db.servers}, {@code mpm.db.server.<name>.url} …)
   */
  public static List<DatabaseServer> configured(String centralUrl, String centralUser, String centralPassword,
      Function<String, Optional<String>> setting) {
    List<DatabaseServer> servers = new ArrayList<>();
    servers.add(new DatabaseServer(CENTRAL, centralUrl, centralUser, centralPassword, "mpm.db.password",
        capacity(CENTRAL, setting)));
    Set<String> names = new LinkedHashSet<>();
    for (String name : setting.apply("mpm.db.servers").orElse("").split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      if (!n.matches("[a-z0-9]{1,32}")) {
        throw new IllegalArgumentException("MPM_DB_SERVERS: a server's name is 1 to 32 lower-case letters and"
            + " digits, not \"" + n + "\"");
      }
      if (n.equals(CENTRAL)) {
        throw new IllegalArgumentException("MPM_DB_SERVERS: \"" + CENTRAL + "\" is the central database's server;"
            + " list only the others");
      }
      if (!names.add(n)) {
        throw new IllegalArgumentException("MPM_DB_SERVERS: the server " + n + " is listed twice");
      }
    }
    for (String n : names) {
      String prefix = "mpm.db.server." + n + ".";
      String url = setting.apply(prefix + "url").orElseThrow(() -> new IllegalArgumentException(
          "The database server " + n + " has no URL (" + env(prefix + "url") + ")"));
      DatabaseNames.withDatabase(url, "");
      String user = setting.apply(prefix + "user").orElse(centralUser);
      Optional<String> file = setting.apply(prefix + "password-file");
      String password;
      String key;
      if (file.isPresent()) {
        try {
          password = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException("The password file of the database server " + n + " ("
              + env(prefix + "password-file") + ") cannot be read: " + e.getMessage(), e);
        }
        key = null;
      } else {
        password = setting.apply(prefix + "password").orElse("");
        key = prefix + "password";
      }
      servers.add(new DatabaseServer(n, url, user, password, key, capacity(n, setting)));
    }
    return List.copyOf(servers);
  }

  private static long capacity(String name, Function<String, Optional<String>> setting) {
    String key = "mpm.db.server." + name + ".capacity";
    Optional<String> value = setting.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    if (value.isEmpty()) {
      return Long.MAX_VALUE;
    }
    try {
      long capacity = Long.parseLong(value.get());
      if (capacity < 0) {
        throw new NumberFormatException();
      }
      return capacity;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(env(key) + " is a number of companies (0 or more), not " + value.get(), e);
    }
  }

  /** The environment entry of a configuration key, for messages. */
  static String env(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** The server's URL without a database and parameters, for messages. */
  public String address() {
    return DatabaseNames.withDatabase(url, "").replaceAll("\\?.*", "");
  }

  @Override
  public String toString() {
    // never the password
    return "DatabaseServer[" + name + " " + address() + "]";
  }
}
