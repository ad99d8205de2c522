package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.launcher.EmbeddedDatabase;

/**
 * The EAR on WildFly (the distribution from Maven Central, unpacked by the build's {@code ear-check} profile),
 * set up as README "Deployment" tells an operator: EclipseLink's jars in WildFly's {@code org.eclipse.persistence}
 * module, the MySQL driver as a module registered as {@code mysql}, the MicroProfile Health and OpenAPI
 * subsystems, the central XA data source with its URL, user and password as expressions of the server's
 * environment, bound at {@code java:global/jdbc/mpm-central}. Against an embedded MariaDB that checks passwords,
 * a company is registered (its pool created at run time through WildFly's management API), its owner logs in,
 * creates a customer and an agent, the agent pays for the customer's meter and the token is read; a second company
 * goes to a second database server with a user and password of its own, and does the same, while a cap of one
 * connection empties the first company's pool; the EAR is
 * redeployed and the server restarted with the company's pool in its configuration pointing at another server,
 * and the data must still be there. Everything started here is stopped at the end, also when a step fails.
 *
 * <p>Run by {@code mvn -B verify -Pear-check -pl system-tests -am -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WildFlyEarIT}; not part of the ordinary suite.
 */
class WildFlyEarIT {

  /** The database password: characters that a URL or the management CLI's syntax would misread. */
  static final String DB_PASSWORD = "Ear-check:pw=1&x";
  static final String SECOND_PASSWORD = "Second:srv=2&y";
  static final String JWT_SECRET = "ear-check-secret-0123456789abcdef0123456789";
  /** The ports of WildFly's standard configuration, shifted by the port offset. */
  static final int[] PORTS = {8080, 8443, 8009, 9990, 9993, 4712, 4713};
  static final String MYSQL_XA = "com.mysql.cj.jdbc.MysqlXADataSource";
  static final String CHECKER = "org.jboss.jca.adapters.jdbc.extensions.mysql.MySQLValidConnectionChecker";
  static final String SORTER = "org.jboss.jca.adapters.jdbc.extensions.mysql.MySQLExceptionSorter";

  static Path work;
  static Path wildfly;
  static Path base;
  static EmbeddedDatabase db;
  static Connection root;
  /** A second database server for companies' databases (MPM_DB_SERVERS), with a user of its own. */
  static EmbeddedDatabase second;
  static Connection secondRoot;
  static int offset;
  static Map<String, String> env;
  static Process server;

  @BeforeAll
  static void start() throws Exception {
    wildfly = Path.of(System.getProperty("mpm.wildfly.home", "target/servers/wildfly")).toAbsolutePath();
    if (!Files.exists(wildfly.resolve("bin/standalone.sh"))) {
      throw new IllegalStateException("No WildFly at " + wildfly + ": run with -Pear-check");
    }
    work = Path.of(System.getProperty("mpm.ear.work.dir", "target/ear-check")).toAbsolutePath()
        .resolveSibling("wildfly-check");
    PayaraServerEarIT.delete(work);
    Files.createDirectories(work);
    db = EmbeddedDatabase.start(work.resolve("mariadb"), 0);
    root = PasswordCheckingDatabase.withUser(db, "mpm", DB_PASSWORD);
    second = EmbeddedDatabase.start(work.resolve("mariadb-second"), 0);
    secondRoot = PasswordCheckingDatabase.withUser(second, "mpm2", SECOND_PASSWORD);
    installModules();
    // A configuration of its own for this run: a copy of the distribution's standalone folder.
    base = work.resolve("standalone");
    copyTree(wildfly.resolve("standalone"), base);
    offset = freeOffset();
    env = Map.ofEntries(
        Map.entry("JAVA_HOME", System.getProperty("java.home")),
        Map.entry("MPM_DB_URL", "jdbc:mysql://127.0.0.1:" + db.port() + "/micro_power_manager?sslMode=DISABLED"
            + "&createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true"),
        Map.entry("MPM_DB_USER", "mpm"),
        Map.entry("MPM_DB_PASSWORD", DB_PASSWORD),
        Map.entry("MPM_JWT_SECRET", JWT_SECRET),
        Map.entry("MPM_DEMO_ENABLED", "false"),
        // One connection kept across the companies' pools: a second company empties the first one's pool.
        Map.entry("MPM_TENANT_CONNECTIONS_CAP", "1"),
        // The second company goes to the second server (the fewest companies).
        Map.entry("MPM_DB_SERVERS", "second"),
        Map.entry("MPM_DB_SERVER_SECOND_URL", "jdbc:mysql://127.0.0.1:" + second.port()
            + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true"),
        Map.entry("MPM_DB_SERVER_SECOND_USER", "mpm2"),
        Map.entry("MPM_DB_SERVER_SECOND_PASSWORD", SECOND_PASSWORD),
        Map.entry("MPM_STORAGE_DIR", work.resolve("storage").toString()));
    startServer();
    cli(Duration.ofMinutes(3), String.join("\n",
        "/subsystem=datasources/jdbc-driver=mysql:add(driver-name=mysql,driver-module-name=com.mysql,"
            + "driver-xa-datasource-class-name=" + MYSQL_XA + ")",
        "/extension=org.wildfly.extension.microprofile.health-smallrye:add",
        "/subsystem=microprofile-health-smallrye:add(security-enabled=false)",
        "/extension=org.wildfly.extension.microprofile.openapi-smallrye:add",
        "/subsystem=microprofile-openapi-smallrye:add",
        "xa-data-source add --name=mpm-central --jndi-name=java:jboss/datasources/mpm-central --driver-name=mysql"
            + " --xa-datasource-properties={\"URL\"=>\"${env.MPM_DB_URL}\"} --user-name=${env.MPM_DB_USER}"
            + " --password=${env.MPM_DB_PASSWORD} --recovery-username=${env.MPM_DB_USER}"
            + " --recovery-password=${env.MPM_DB_PASSWORD} --min-pool-size=0 --max-pool-size=32"
            + " --transaction-isolation=TRANSACTION_READ_COMMITTED --same-rm-override=false"
            + " --valid-connection-checker-class-name=" + CHECKER + " --validate-on-match=true"
            + " --background-validation=false --exception-sorter-class-name=" + SORTER,
        "/subsystem=naming/binding=java\\:global\\/jdbc\\/mpm-central:add(binding-type=lookup,"
            + "lookup=java:jboss/datasources/mpm-central)",
        "reload"));
    awaitRunning();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      stopServer();
    } finally {
      if (root != null) {
        root.close();
      }
      if (db != null) {
        db.close();
      }
      if (secondRoot != null) {
        secondRoot.close();
      }
      if (second != null) {
        second.close();
      }
    }
  }

  @Test
  void deploysOperatesRedeploysAndRestarts() throws Exception {
    long t0 = System.nanoTime();
    cli(Duration.ofMinutes(8), "deploy " + ear() + " --name=mpm.ear");
    awaitUp();
    System.out.printf("WildFly: EAR deployed and answering in %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
    Api api = new Api(baseUrl());

    // 1. A company registered at run time gets its pool in WildFly's configuration; the pool holds no secret.
    long companyId = EarSmokeFlow.register(api);
    String database = scalar("SELECT database_name FROM micro_power_manager.company_databases WHERE company_id = "
        + companyId);
    String config = Files.readString(standaloneXml());
    int pool = config.indexOf("\"mpm-tenant-" + database + "\"");
    assertTrue(pool > 0, "the company's pool is in the configuration");
    String poolXml = config.substring(pool, config.indexOf("</xa-datasource>", pool));
    assertTrue(poolXml.contains("${env.MPM_DB_PASSWORD}"), "the pool's password is an expression: " + poolXml);
    assertFalse(config.contains(DB_PASSWORD), "no password in clear in the configuration");

    // 2. The smoke flow: log in, a customer, an agent payment, its token.
    EarSmokeFlow.Paid paid = EarSmokeFlow.operate(api, WildFlyEarIT::jdbc, database);

    // 2b. A second company, on the second database server: its pool has that server's URL, user and password (as
    // an expression), and the smoke flow works there. Under a cap of one connection, its first transaction empties
    // the first company's idle pool (flush-idle-connection-in-pool); the first company is served again after.
    assertTrue(Long.parseLong(scalar("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + database
        + "'")) > 0, "the first company's pool holds a connection");
    long secondId = EarSmokeFlow.register(api, "second-company");
    String secondDatabase = scalar("SELECT database_name FROM micro_power_manager.company_databases"
        + " WHERE company_id = " + secondId);
    assertEquals("second", scalar("SELECT server FROM micro_power_manager.tenant_database_servers"
        + " WHERE database_name = '" + secondDatabase + "'"));
    String secondConfig = Files.readString(standaloneXml());
    int secondPool = secondConfig.indexOf("\"mpm-tenant-" + secondDatabase + "\"");
    assertTrue(secondPool > 0, "the second company's pool is in the configuration");
    String secondPoolXml = secondConfig.substring(secondPool, secondConfig.indexOf("</xa-datasource>", secondPool));
    assertTrue(secondPoolXml.contains(":" + second.port() + "/" + secondDatabase), secondPoolXml);
    assertTrue(secondPoolXml.contains("${env.MPM_DB_SERVER_SECOND_PASSWORD}"), secondPoolXml);
    assertFalse(secondConfig.contains(SECOND_PASSWORD), "no password in clear in the configuration");
    EarSmokeFlow.Paid paidOnSecond = EarSmokeFlow.operate(api, WildFlyEarIT::jdbcOnSecond, secondDatabase,
        "second-company");
    long left = -1;
    for (int i = 0; i < 50 && left != 0; i++) {
      Thread.sleep(100);
      left = Long.parseLong(scalar("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + database
          + "'"));
    }
    assertEquals(0, left, "the first company's pool was emptied");
    EarSmokeFlow.assertStillThere(api, paid);
    assertFalse(Files.readString(base.resolve("log").resolve("server.log")).contains("could not be emptied"));
    EarSmokeFlow.assertStillThere(api, paidOnSecond, "second-company");

    // 3. Redeployed: the same data through the pool found in the configuration.
    cli(Duration.ofMinutes(8), "deploy " + ear() + " --name=mpm.ear --force");
    awaitUp();
    EarSmokeFlow.assertStillThere(api, paid);

    // 4. Restarted, with the company's pool left in the configuration pointing at a server that is not there: the
    // pool follows the application's configuration, not what it finds.
    stopServer();
    String xml = Files.readString(standaloneXml());
    String stale = xml.replace("127.0.0.1:" + db.port() + "/" + database, "127.0.0.1:1/" + database);
    assertNotEquals(xml, stale);
    Files.writeString(standaloneXml(), stale);
    startServer();
    awaitUp();
    EarSmokeFlow.assertStillThere(api, paid);
    assertFalse(Files.readString(standaloneXml()).contains("127.0.0.1:1/" + database), "the stale pool was replaced");
    EarSmokeFlow.assertStillThere(api, paidOnSecond, "second-company");
    System.out.printf("WildFly check: %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
  }

  /**
   * EclipseLink in WildFly's {@code org.eclipse.persistence} module (which holds only WildFly's integration) and
   * the MySQL driver as the module {@code com.mysql}: files in the server's module folder, as an operator puts
   * them.
   */
  static void installModules() throws IOException {
    Path eclipselink = wildfly.resolve("modules/system/layers/base/org/eclipse/persistence/main");
    Path jars = Path.of(System.getProperty("mpm.eclipselink.dir", "target/eclipselink"));
    String descriptor = Files.readString(eclipselink.resolve("module.xml"));
    StringBuilder roots = new StringBuilder();
    try (Stream<Path> files = Files.list(jars)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        Files.copy(jar, eclipselink.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        String root = "<resource-root path=\"" + jar.getFileName() + "\"/>";
        if (!descriptor.contains(root)) {
          roots.append("\n        ").append(root);
        }
      }
    }
    descriptor = descriptor.replaceFirst("(<resource-root path=\"jipijapa-eclipselink[^\"]*\"/>)",
        "$1" + roots.toString().replace("$", "\\$"));
    for (String module : List.of("java.rmi", "java.sql", "java.xml", "java.desktop", "jdk.unsupported")) {
      if (!descriptor.contains("<module name=\"" + module + "\"/>")) {
        descriptor = descriptor.replace("<dependencies>", "<dependencies>\n        <module name=\"" + module + "\"/>");
      }
    }
    Files.writeString(eclipselink.resolve("module.xml"), descriptor);

    Path mysql = wildfly.resolve("modules/com/mysql/main");
    Files.createDirectories(mysql);
    Files.copy(Path.of(System.getProperty("mpm.it.driver")), mysql.resolve("mysql-connector-j.jar"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(mysql.resolve("module.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <module name="com.mysql" xmlns="urn:jboss:module:1.9">
            <resources>
                <resource-root path="mysql-connector-j.jar"/>
            </resources>
            <dependencies>
                <!-- The driver uses much of the platform (logging, JMX, SASL for password plugins …). -->
                <module name="java.se"/>
            </dependencies>
        </module>
        """);
  }

  static String scalar(String sql) throws Exception {
    try (Statement s = root.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static Connection jdbcOnSecond(String database) throws Exception {
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + second.port() + "/" + database
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", "mpm2", SECOND_PASSWORD);
  }

  static Connection jdbc(String database) throws Exception {
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.port() + "/" + database
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", "mpm", DB_PASSWORD);
  }

  static String ear() {
    return Path.of(System.getProperty("mpm.ear", "../ear/target/mpm.ear")).toAbsolutePath().toString();
  }

  static Path standaloneXml() {
    return base.resolve("configuration").resolve("standalone.xml");
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + (8080 + offset);
  }

  static String controller() {
    return "127.0.0.1:" + (9990 + offset);
  }

  static void startServer() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", wildfly.resolve("bin/standalone.sh").toString(),
        "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.out").toFile()));
    pb.environment().putAll(env);
    server = pb.start();
    awaitRunning();
  }

  static void stopServer() throws Exception {
    if (server == null) {
      return;
    }
    try {
      cliMayFail(Duration.ofMinutes(2), "shutdown");
      if (!server.waitFor(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("WildFly did not stop");
      }
    } finally {
      // The script's process and the server's JVM below it.
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
      server = null;
    }
  }

  /** Waits until the server's management answers that it is running. */
  static void awaitRunning() throws Exception {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < end) {
      if (server != null && !server.isAlive()) {
        throw new IllegalStateException("WildFly stopped:\n" + serverLogTail());
      }
      Out out = cliMayFail(Duration.ofMinutes(1), ":read-attribute(name=server-state)");
      if (out.code() == 0 && out.text().contains("\"running\"")) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("WildFly was not running within 5 minutes:\n" + serverLogTail());
  }

  /** Waits until the application answers {@code GET /up}. */
  static void awaitUp() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < end) {
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/up"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The application did not answer /up within 5 minutes:\n" + serverLogTail());
  }

  record Out(int code, String text) {}

  /** Runs management commands (one a line) through WildFly's CLI, connected to the running server. */
  static void cli(Duration timeout, String commands) throws Exception {
    Out out = cliMayFail(timeout, commands);
    if (out.code() != 0) {
      throw new IllegalStateException("jboss-cli failed (" + out.code() + "):\n" + commands + "\n" + out.text()
          + "\n" + serverLogTail());
    }
  }

  static Out cliMayFail(Duration timeout, String commands) throws Exception {
    Path script = Files.createTempFile(work, "cli", ".txt");
    Files.writeString(script, commands + "\n");
    List<String> cmd = new ArrayList<>(List.of("sh", wildfly.resolve("bin/jboss-cli.sh").toString(), "--connect",
        "--controller=" + controller(), "--file=" + script));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path log = work.resolve("cli.log");
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long before = Files.exists(log) ? Files.size(log) : 0;
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IllegalStateException("jboss-cli did not finish in " + timeout + ":\n" + commands);
    }
    byte[] all = Files.readAllBytes(log);
    return new Out(p.exitValue(), new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8));
  }

  static String serverLogTail() throws IOException {
    Path log = base.resolve("log").resolve("server.log");
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  /** A port offset that leaves all of the configuration's ports free. */
  static int freeOffset() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(100, 500) * 100;
      boolean free = true;
      for (int port : PORTS) {
        try (ServerSocket s = new ServerSocket(port + candidate)) {
          s.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
          break;
        }
      }
      if (free) {
        return candidate;
      }
    }
    throw new IllegalStateException("No free port offset found");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
