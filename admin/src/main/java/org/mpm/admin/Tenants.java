package org.mpm.admin;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.output.MigrateResult;
import org.mpm.tenancy.DatabaseMigrator;
import org.mpm.tenancy.DatabaseNames;
import org.mpm.tenancy.DatabaseServer;

/** The companies of an installation and their databases, read from the central database. */
final class Tenants {

  /**
   * One company's database and the name of the server it is on. {@code ready} is false while its registration has
   * not completed.
   */
  record Tenant(long companyId, String companyName, String database, String server, boolean ready) {}

  private final AdminConfig config;

  Tenants(AdminConfig config) {
    this.config = config;
  }

  /** Every company with a database, in company order. */
  List<Tenant> all() {
    String sql = "SELECT cd.company_id, COALESCE(c.name, ''), cd.database_name, COALESCE(tds.server, ?),"
        + " NOT EXISTS (SELECT 1 FROM tenant_provisionings tp WHERE tp.database_name = cd.database_name)"
        + " FROM company_databases cd LEFT JOIN companies c ON c.id = cd.company_id"
        + " LEFT JOIN tenant_database_servers tds ON tds.database_name = cd.database_name"
        + " ORDER BY cd.company_id, cd.id";
    try (Connection c = config.open(config.database().centralDatabase());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, DatabaseServer.CENTRAL);
      List<Tenant> tenants = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tenants.add(new Tenant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getBoolean(5)));
        }
      }
      return tenants;
    } catch (SQLException e) {
      throw new AdminException("cannot read the companies from the central database: " + e.getMessage(), 1, e);
    }
  }

  /** A company by id, database name or name (ignoring case); a failure names what was looked for. */
  Tenant resolve(String key) {
    List<Tenant> all = all();
    for (Tenant t : all) {
      if (key.matches("\\d{1,18}") && t.companyId() == Long.parseLong(key) || t.database().equals(key)) {
        return ready(t);
      }
    }
    List<Tenant> byName = all.stream()
        .filter(t -> t.companyName().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))).toList();
    if (byName.size() == 1) {
      return ready(byName.get(0));
    }
    if (byName.size() > 1) {
      throw new AdminException(byName.size() + " companies are called \"" + key + "\"; give the id or the database"
          + " (mpm-admin tenants:list)");
    }
    throw new AdminException("no company \"" + key + "\" (mpm-admin tenants:list)");
  }

  private static Tenant ready(Tenant t) {
    if (!t.ready()) {
      throw new AdminException("the registration of company " + t.companyId() + " has not completed (its database "
          + t.database() + " is being provisioned)");
    }
    DatabaseNames.requireSafe(t.database());
    return t;
  }

  /** The tenant migration a company's database is at, "-" when it has none (or its server is not reachable). */
  String schemaVersion(Tenant t) {
    String sql = "SELECT version FROM `" + DatabaseNames.requireSafe(t.database()) + "`.flyway_schema_history"
        + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";
    try (Connection c = config.open(config.server(t.server()), null);
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "-";
    } catch (SQLException | AdminException e) {
      return "-";
    }
  }

  int list(PrintStream out) {
    List<Tenant> all = all();
    out.printf("%-8s %-32s %-40s %-12s %-8s %s%n", "id", "company", "database", "server", "schema", "state");
    for (Tenant t : all) {
      out.printf("%-8d %-32s %-40s %-12s %-8s %s%n", t.companyId(), t.companyName(), t.database(), t.server(),
          t.ready() ? schemaVersion(t) : "-", t.ready() ? "ready" : "provisioning");
    }
    out.println(all.size() + (all.size() == 1 ? " company" : " companies"));
    return 0;
  }

  /** Migrates one company's database or every ready one; a failing company does not stop the others. */
  int migrate(String key, PrintStream out) {
    List<Tenant> targets = key == null ? all().stream().filter(Tenant::ready).toList() : List.of(resolve(key));
    DatabaseMigrator migrator = DatabaseMigrator.of(config.database());
    int failed = 0;
    for (Tenant t : targets) {
      try {
        MigrateResult result = migrator.migrateTenant(config.server(t.server()), t.database());
        out.printf("company %d (%s on %s): %d migration%s applied, at version %s%n", t.companyId(), t.database(),
            t.server(), result.migrationsExecuted, result.migrationsExecuted == 1 ? "" : "s", schemaVersion(t));
      } catch (RuntimeException e) {
        failed++;
        out.printf("company %d (%s on %s): FAILED: %s%n", t.companyId(), t.database(), t.server(), rootMessage(e));
      }
    }
    out.println(targets.size() - failed + " of " + targets.size() + " migrated");
    return failed == 0 ? 0 : 1;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
