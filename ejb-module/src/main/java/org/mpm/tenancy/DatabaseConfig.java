package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the databases are: the central database URL and the credentials every tenant database shares (as in
 * MPM, tenant databases live on the central database's server). Also opens the plain JDBC connections used
 * outside JTA for DDL and Flyway.
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

  /** A plain JDBC connection (not enlisted in JTA) to a database on the server; null means the server only. */
  public Connection openDirect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password());
    return DriverManager.getConnection(DatabaseNames.withDatabase(url, database == null ? "" : database), props);
  }
}
