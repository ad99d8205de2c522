package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.mpm.common.ApiException;

/**
 * Schema management with Flyway, outside JTA (MySQL DDL commits implicitly): the central database from
 * {@code db/migration/central}, every tenant database, on its {@link DatabaseServer}, from
 * {@code db/migration/tenant}. Flyway's named lock serialises concurrent nodes per database.
 */
@ApplicationScoped
public class DatabaseMigrator {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  private static final String TENANT_FOLDER = "db/migration/tenant";
  private static final String TENANT_LOCATION = "classpath:" + TENANT_FOLDER;

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

  /**
   * Creates a new database; fails if one of that name exists, so two companies never share a database.
   *
   * @throws ApiException 503 when the server cannot be reached or refuses the login
   */
  public void createDatabase(DatabaseServer server, String database) {
    DatabaseNames.requireSafe(database);
    try (Connection c = DatabaseConfig.openDirect(server, null); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08") || state.equals("28000")) {
        LOG.warning(() -> "Could not create database " + database + ": the database server " + server.name()
            + " (" + server.address() + ") " + e.getMessage());
        throw new ApiException(503, "Service Unavailable");
      }
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
    return migrate(server, DatabaseNames.requireSafe(database), TENANT_LOCATION);
  }

  /**
   * The schema of a new company's database, just created and empty: the tenant migrations' scripts, in their
   * order, sent as one script over one connection, then Flyway's history started at the last of them (its
   * baseline), so that every later migration is applied to this database as to any other. Flyway applying them one
   * by one (a history row, a commit and a look at the history for each) takes some 40 % longer, and migrations
   * are most of a registration. When the migrations cannot be sent as one script (one that is not plain SQL, uses
   * Flyway's placeholders or does not end its last statement), Flyway applies them one by one.
   */
  public void createTenantSchema(DatabaseServer server, String database) {
    DatabaseNames.requireSafe(database);
    Optional<TenantScript> script = tenantScript(server, database);
    if (script.isEmpty()) {
      migrateTenant(server, database);
      return;
    }
    try (Connection c = DatabaseConfig.openForScripts(server, database); Statement s = c.createStatement()) {
      boolean results = s.execute(script.get().sql());
      while (results || s.getUpdateCount() != -1) {
        results = s.getMoreResults();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the schema of " + database, e);
    }
    flyway(server, database, TENANT_LOCATION)
        .baselineVersion(script.get().version())
        .baselineDescription("Migrations up to " + script.get().version() + " run as one script")
        .load()
        .baseline();
  }

  /** The tenant migrations as one script, and the version of the last; read on first use. */
  record TenantScript(String sql, String version) {}

  private volatile Optional<TenantScript> tenantScript;

  private Optional<TenantScript> tenantScript(DatabaseServer server, String emptyDatabase) {
    Optional<TenantScript> script = tenantScript;
    if (script == null) {
      script = readTenantScript(flyway(server, emptyDatabase, TENANT_LOCATION).load().info().all());
      tenantScript = script;
    }
    return script;
  }

  private Optional<TenantScript> readTenantScript(MigrationInfo[] migrations) {
    StringBuilder sql = new StringBuilder();
    for (MigrationInfo m : migrations) {
      if (m.getType() != CoreMigrationType.SQL || m.getVersion() == null) {
        return Optional.empty();
      }
      String text;
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(TENANT_FOLDER + "/" + m.getScript())) {
        if (in == null) {
          return Optional.empty();
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (text.startsWith("\uFEFF") || text.contains("${") || !text.endsWith(";")) {
        return Optional.empty();
      }
      sql.append(text).append('\n');
    }
    if (migrations.length == 0) {
      return Optional.empty();
    }
    return Optional.of(new TenantScript(sql.toString(), migrations[migrations.length - 1].getVersion().getVersion()));
  }

  private FluentConfiguration flyway(DatabaseServer server, String database, String location) {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(server.urlOf(database), server.user(), server.password())
        .locations(location)
        .connectRetries(10);
  }

  private MigrateResult migrate(DatabaseServer server, String database, String location) {
    long start = System.nanoTime();
    MigrateResult result = flyway(server, database, location)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    LOG.fine(() -> "Migrated " + database + " (" + result.migrationsExecuted + " migrations) in "
        + (System.nanoTime() - start) / 1_000_000 + " ms");
    return result;
  }
}
