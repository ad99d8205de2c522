package org.mpm.st;

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
import java.util.Comparator;
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
 * The EAR on a full Payara Server 6 (the distribution from Maven Central, unpacked by the build's
 * {@code ear-check} profile), against an embedded MariaDB that checks passwords: a domain on free ports, the
 * JDBC driver in its {@code lib} folder, the {@code MPM_*} configuration in its environment. A first deployment
 * fails because the database user does not exist yet; once it does, the next deployment must work without a
 * restart of the domain. Then a company is registered (its pool created at run time), its owner logs in, creates
 * a customer and an agent, the agent pays for the customer's meter and the token is read; the EAR is redeployed
 * and the domain restarted with the company's pool in {@code domain.xml} pointing at another server, and the
 * data must still be there. Everything started here is stopped at the end, also when a step fails.
 *
 * <p>Run by {@code mvn -B verify -Pear-check -pl system-tests -am -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PayaraServerEarIT}; not part of the ordinary suite.
 */
class PayaraServerEarIT {

  static final String DOMAIN = "mpm";
  /** The database password: characters that a URL or the admin commands' syntax would misread. */
  static final String DB_PASSWORD = "Ear-check:pw=1&x";
  static final String JWT_SECRET = "ear-check-secret-0123456789abcdef0123456789";

  static Path work;
  static Path payara;
  static Path domains;
  static EmbeddedDatabase db;
  static Connection root;
  static int portBase;
  static Map<String, String> env;
  static boolean domainStarted;

  @BeforeAll
  static void start() throws Exception {
    payara = Path.of(System.getProperty("mpm.payara.home", "target/servers/payara6")).toAbsolutePath();
    if (!Files.exists(payara.resolve("bin/asadmin"))) {
      throw new IllegalStateException("No Payara Server at " + payara + ": run with -Pear-check");
    }
    work = Path.of(System.getProperty("mpm.ear.work.dir", "target/ear-check")).toAbsolutePath();
    delete(work);
    Files.createDirectories(work);
    db = EmbeddedDatabase.start(work.resolve("mariadb"), 0);
    // Root's connection stays open to create the application's user later.
    root = PasswordCheckingDatabase.checkPasswords(db);
    portBase = freePortBase();
    env = Map.ofEntries(
        Map.entry("AS_JAVA", System.getProperty("java.home")),
        Map.entry("MPM_DB_URL", "jdbc:mysql://127.0.0.1:" + db.port() + "/micro_power_manager?sslMode=DISABLED"
            + "&createDatabaseIfNotExist=true&allowPublicKeyRetrieval=true"),
        Map.entry("MPM_DB_USER", "mpm"),
        Map.entry("MPM_DB_PASSWORD", DB_PASSWORD),
        Map.entry("MPM_JWT_SECRET", JWT_SECRET),
        Map.entry("MPM_DEMO_ENABLED", "false"),
        Map.entry("MPM_STORAGE_DIR", work.resolve("storage").toString()));
    domains = work.resolve("domains");
    asadmin(Duration.ofMinutes(3), "create-domain", "--nopassword", "--domaindir", domains.toString(),
        "--portbase", Integer.toString(portBase), DOMAIN);
    Files.copy(Path.of(System.getProperty("mpm.it.driver")), domains.resolve(DOMAIN).resolve("lib")
        .resolve("mysql-connector-j.jar"), StandardCopyOption.REPLACE_EXISTING);
    startDomain();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (domainStarted) {
        stopDomain();
      }
    } finally {
      if (root != null) {
        root.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void deploysOperatesRedeploysAndRestarts() throws Exception {
    // 1. The database user does not exist yet: the deployment fails, and must not spoil the next one.
    Out failed = asadminMayFail(Duration.ofMinutes(5), "--port", adminPort(), "deploy", "--name", DOMAIN, ear());
    assertNotEquals(0, failed.code(), failed.text());
    PasswordCheckingDatabase.createUser(root, "mpm", DB_PASSWORD);
    asadmin(Duration.ofMinutes(8), "--port", adminPort(), "deploy", "--name", DOMAIN, ear());
    awaitUp();
    Api api = new Api(baseUrl());

    // 2. A company registered at run time gets its pool; the pool holds no secret.
    long companyId = EarSmokeFlow.register(api);
    String database = scalar("SELECT database_name FROM micro_power_manager.company_databases WHERE company_id = "
        + companyId);
    String domainXml = Files.readString(domainXml());
    assertTrue(domainXml.contains("mpm-tenant-" + database), "the company's pool is in domain.xml");
    assertFalse(domainXml.contains(DB_PASSWORD), "no password in clear in domain.xml");
    assertTrue(domainXml.contains("${MPCONFIG=mpm.db.password}"), "the pool's password is a reference");

    // 3. The owner logs in, builds a village with an agent, a customer with a meter, and the agent pays.
    EarSmokeFlow.Paid paid = EarSmokeFlow.operate(api, PayaraServerEarIT::jdbc, database);

    // 4. Redeployed: the same data through the re-created pool.
    asadmin(Duration.ofMinutes(8), "--port", adminPort(), "deploy", "--force=true", "--name", DOMAIN, ear());
    awaitUp();
    EarSmokeFlow.assertStillThere(api, paid);

    // 5. Restarted, with the company's pool left in domain.xml pointing at a server that is not there: the pool
    // follows the configuration, not what it finds.
    stopDomain();
    String xml = Files.readString(domainXml());
    String stale = xml.replace("127.0.0.1:" + db.port() + "/" + database, "127.0.0.1:1/" + database);
    assertNotEquals(xml, stale);
    Files.writeString(domainXml(), stale);
    startDomain();
    awaitUp();
    EarSmokeFlow.assertStillThere(api, paid);
    assertFalse(Files.readString(domainXml()).contains("127.0.0.1:1/" + database), "the stale pool was replaced");
  }

  static String scalar(String sql) throws Exception {
    try (Statement s = root.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static Connection jdbc(String database) throws Exception {
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.port() + "/" + database
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", "mpm", DB_PASSWORD);
  }

  static String ear() {
    return Path.of(System.getProperty("mpm.ear", "../ear/target/mpm.ear")).toAbsolutePath().toString();
  }

  static Path domainXml() {
    return domains.resolve(DOMAIN).resolve("config").resolve("domain.xml");
  }

  static String adminPort() {
    return Integer.toString(portBase + 48);
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + (portBase + 80);
  }

  static void startDomain() throws Exception {
    domainStarted = true;
    asadmin(Duration.ofMinutes(10), "start-domain", "--domaindir", domains.toString(), DOMAIN);
  }

  static void stopDomain() throws Exception {
    Out out = asadminMayFail(Duration.ofMinutes(2), "stop-domain", "--domaindir", domains.toString(), DOMAIN);
    Path pid = domains.resolve(DOMAIN).resolve("config").resolve("pid");
    if (out.code() != 0 && Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
    }
    domainStarted = false;
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
    throw new IllegalStateException("The application did not answer /up within 5 minutes");
  }

  record Out(int code, String text) {}

  static void asadmin(Duration timeout, String... args) throws Exception {
    Out out = asadminMayFail(timeout, args);
    if (out.code() != 0) {
      throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed (" + out.code() + "):\n"
          + out.text() + "\n" + serverLogTail());
    }
  }

  static Out asadminMayFail(Duration timeout, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    // Through sh: an unpacked archive need not keep the script's executable bit.
    cmd.add("sh");
    cmd.add(payara.resolve("bin/asadmin").toString());
    cmd.add("--interactive=false");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path log = work.resolve("asadmin.log");
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long before = Files.exists(log) ? Files.size(log) : 0;
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("asadmin " + String.join(" ", args) + " did not finish in " + timeout);
    }
    byte[] all = Files.readAllBytes(log);
    return new Out(p.exitValue(), new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8));
  }

  static String serverLogTail() throws IOException {
    Path log = domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  /** A port base whose hundred ports are free (the domain uses base + 37 … base + 86). */
  static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
      if (allFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("No free range of 100 ports found");
  }

  private static boolean allFree(int base) {
    for (int port = base; port < base + 100; port++) {
      try (ServerSocket s = new ServerSocket(port)) {
        s.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }

  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
