package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Schema management with Flyway, outside JTA (MySQL DDL commits implicitly): the central database from
 * {@code db/migration/central}, every tenant database, on its {@link DatabaseServer}, from
 * {@code db/migration/tenant}. Flyway's named lock serialises concurrent nodes per database.
 */
@ApplicationScoped
public class DatabaseMigrator {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Inject DatabaseConfig config;

  /** The migrator outside the container (the operator's command-line tool), on the given databases. */
  public static DatabaseMigrator of(DatabaseConfig config) {
    DatabaseMigrator migrator = new DatabaseMigrator();
    migrator.config = config;
    return migrator;
  }

  private void createDatabaseIfMissing(String database) {
    DatabaseNames.requireSafe(database);
    try (Connection c = config.openDirect(null); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE DATABASE IF NOT EXISTS `" + database
          + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  /** Creates a new database; fails if one of that name exists, so two companies never share a database. */
  public void createDatabase(DatabaseServer server, String database) {
    DatabaseNames.requireSafe(database);
    try (Connection c = DatabaseConfig.openDirect(server, null); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  public void dropDatabase(DatabaseServer server, String database) {
    DatabaseNames.requireSafe(database);
    try (Connection c = DatabaseConfig.openDirect(server, null); Statement s = c.createStatement()) {
      s.executeUpdate("DROP DATABASE IF EXISTS `" + database + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop database " + database, e);
    }
  }

  public MigrateResult migrateCentral() {
    String database = config.centralDatabase();
    createDatabaseIfMissing(database);
    return migrate(config.central(), database, "classpath:db/migration/central");
  }

  public MigrateResult migrateTenant(DatabaseServer server, String database) {
    return migrate(server, DatabaseNames.requireSafe(database), "classpath:db/migration/tenant");
  }

  private MigrateResult migrate(DatabaseServer server, String database, String location) {
    long start = System.nanoTime();
    MigrateResult result = Flyway.configure(getClass().getClassLoader())
        .dataSource(server.urlOf(database), server.user(), server.password())
        .locations(location)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .connectRetries(10)
        .load()
        .migrate();
    LOG.fine(() -> "Migrated " + database + " (" + result.migrationsExecuted + " migrations) in "
        + (System.nanoTime() - start) / 1_000_000 + " ms");
    return result;
  }
}
