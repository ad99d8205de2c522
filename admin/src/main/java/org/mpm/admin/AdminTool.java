package org.mpm.admin;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operator's command-line tool ({@code ./mpm-admin}): the companies' databases of an installation, their
 * migrations, a model's table in one company's database, and a JShell bound to one company. It talks to the
 * database server only, so it works whether the server is running or not.
 */
public final class AdminTool {

  static final String USAGE = """
      usage: mpm-admin <command> [arguments]

        tenants:list                           every company with its database, schema version and state
        tenants:migrate [--tenant X]           applies the tenant migrations to every company's database (or X's)
        model:show-tenant <Model> [--tenant X] a model's table in one company's database: columns, indexes,
                                               relations and row count (X defaults to the demo company)
        tenant:shell <company>                 JShell with that company's EntityManager (em) and JDBC
                                               connection (jdbc) bound

      X and <company>: a company id, its database name or its name.
      The database server: MPM_DB_URL, MPM_DB_USER, MPM_DB_PASSWORD as the server takes them; without MPM_DB_URL
      the embedded database of the installation in MPM_DATA_DIR (default ./data), which must be running.
      """;

  /** Flyway's progress lines; the tool prints its own summary. Held here so the setting is not collected. */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private AdminTool() {}

  public static void main(String[] args) {
    FLYWAY_LOG.setLevel(Level.WARNING);
    int code = run(List.of(args), System.getenv(), System.in, System.out, System.err);
    System.exit(code);
  }

  /** Runs one command; 0 when it succeeded, 1 when it failed, 2 for a wrong command line. */
  static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      (args.isEmpty() ? err : out).print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    String command = args.get(0);
    List<String> positional = new ArrayList<>();
    String tenant = null;
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--tenant") && i + 1 < args.size()) {
        tenant = args.get(++i);
      } else if (a.startsWith("--tenant=")) {
        tenant = a.substring("--tenant=".length());
      } else if (a.startsWith("--")) {
        err.println("mpm-admin: unknown option " + a);
        return 2;
      } else {
        positional.add(a);
      }
    }
    try {
      AdminConfig config = AdminConfig.from(env);
      Tenants tenants = new Tenants(config);
      switch (command) {
        case "tenants:list":
          return expect(positional, 0, err) ? tenants.list(out) : 2;
        case "tenants:migrate":
          return expect(positional, 0, err) ? tenants.migrate(tenant, out) : 2;
        case "model:show-tenant":
          if (!expect(positional, 1, err)) {
            return 2;
          }
          return new ModelInfo(config).show(positional.get(0), tenants.resolve(tenant == null ? "DemoCompany_1"
              : tenant), out);
        case "tenant:shell":
          if (!expect(positional, 1, err)) {
            return 2;
          }
          return new TenantShell(config).run(tenants.resolve(positional.get(0)), in, out, err);
        default:
          err.println("mpm-admin: unknown command " + command);
          err.print(USAGE);
          return 2;
      }
    } catch (AdminException e) {
      err.println("mpm-admin: " + e.getMessage());
      return e.exitCode();
    }
  }

  private static boolean expect(List<String> positional, int count, PrintStream err) {
    if (positional.size() != count) {
      err.println("mpm-admin: expected " + count + " argument" + (count == 1 ? "" : "s") + ", got "
          + positional.size() + " (mpm-admin --help)");
      return false;
    }
    return true;
  }
}
