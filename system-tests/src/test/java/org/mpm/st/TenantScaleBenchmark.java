package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Tenant;

/**
 * Benchmark, not part of the Test command: registers many companies through the API, has each serve a request,
 * and prints provisioning time per company, server heap per company and database connections.
 *
 * <p>The server runs with an installation's clocks for its background work (the README's defaults), not the
 * suite's quick ones: each poll asks every company's database whether it has work due, so the suite's clocks
 * (six polls every 2–3 s) put some ten times an installation's load on the database and let it grow with the
 * number of companies. {@code -Dmpm.bench.clocks=suite} keeps the suite's clocks.
 *
 * <pre>mvn -B verify -pl system-tests -am -Dit.test=TenantScaleBenchmark -Dmpm.bench.companies=200</pre>
 */
class TenantScaleBenchmark {

  /** Companies per line of the curve. */
  static final int BLOCK = 100;

  /** The suite's quick clocks left unset, so that the server takes its defaults (an empty entry is no entry). */
  static final Map<String, String> INSTALLATION_CLOCKS = Map.of("MPM_PAYMENTS_POLL_SECONDS", "",
      "MPM_ACCESS_RATE_CHECK_SECONDS", "", "MPM_APPLIANCE_REMINDERS_CHECK_SECONDS", "",
      "MPM_SWIFTA_EXPIRY_CHECK_SECONDS", "", "MPM_SMS_PARSER_RETRY_SECONDS", "", "MPM_TEXTBEE_POLL_SECONDS", "");

  @Test
  void registerManyCompanies() throws Exception {
    int companies = Integer.getInteger("mpm.bench.companies", 200);
    TestServer server = TestServer.get();
    boolean suiteClocks = "suite".equals(System.getProperty("mpm.bench.clocks"));
    if (!suiteClocks) {
      server.restart(INSTALLATION_CLOCKS);
    }
    Api api = new Api(server);
    api.registerCompany("warmup");
    long heapBefore = heapAfterGc(server);
    int connectionsBefore = threadsConnected(server);

    List<Long> millis = new ArrayList<>();
    List<Tenant> tenants = new ArrayList<>();
    System.out.printf("%n== tenant scale (%s clocks), per %d companies: registration (register + owner login)"
        + " median and p95, then database connections, opened tables and the database's CPU seconds in the block%n",
        suiteClocks ? "the suite's" : "an installation's", BLOCK);
    long t0 = System.nanoTime();
    List<Long> block = new ArrayList<>();
    long openedBefore = globalStatus("Opened_tables");
    long cpuBefore = databaseCpuTicks(server);
    for (int i = 0; i < companies; i++) {
      long s = System.nanoTime();
      tenants.add(api.registerCompany("scale" + i));
      long ms = (System.nanoTime() - s) / 1_000_000;
      millis.add(ms);
      block.add(ms);
      if (block.size() == BLOCK || i == companies - 1) {
        Collections.sort(block);
        long opened = globalStatus("Opened_tables");
        long cpu = databaseCpuTicks(server);
        System.out.printf("companies %4d-%4d: median %5d ms, p95 %5d ms; connections %4d; opened tables %6d;"
            + " database CPU %5.1f s%n", i + 2 - block.size(), i + 1, block.get(block.size() / 2),
            block.get((int) (block.size() * 0.95)), threadsConnected(server), opened - openedBefore,
            (cpu - cpuBefore) / 100.0);
        openedBefore = opened;
        cpuBefore = cpu;
        block.clear();
      }
    }
    long registerSeconds = (System.nanoTime() - t0) / 1_000_000_000;
    for (Tenant t : tenants) {
      assertEquals(200, api.get("/api/users", t.token()).status());
    }
    int connectionsAfterRequests = threadsConnected(server);
    long heapAfter = heapAfterGc(server);
    TimeUnit.SECONDS.sleep(75);
    int connectionsAfterIdle = threadsConnected(server);

    Collections.sort(millis);
    System.out.printf("%n== tenant scale: %d companies registered through POST /api/companies in %d s%n",
        companies, registerSeconds);
    System.out.printf("provisioning (register + owner login) per company: median %d ms, p95 %d ms, max %d ms%n",
        millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.get(millis.size() - 1));
    System.out.printf("server heap after GC: %.1f MB before, %.1f MB after; %.1f KB per company%n",
        heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1024.0 / companies);
    System.out.printf("database connections (Threads_connected): %d before, %d after every company served a"
        + " request, %d after the pools' idle timeout%n", connectionsBefore, connectionsAfterRequests,
        connectionsAfterIdle);
    // A restart checks every company's schema with Flyway before the server answers.
    long restart = System.nanoTime();
    server.restart();
    System.out.printf("restart with %d companies: answering after %.1f s%n",
        Db.countCentral("SELECT COUNT(*) FROM companies"), (System.nanoTime() - restart) / 1e9);
    assertEquals(200, api.get("/api/users", tenants.get(tenants.size() - 1).token()).status());
  }

  /** Used heap of the server JVM after a full GC, from jcmd. */
  static long heapAfterGc(TestServer server) throws Exception {
    long pid = server.pid();
    run("jcmd", Long.toString(pid), "GC.run");
    String info = run("jcmd", Long.toString(pid), "GC.heap_info");
    // e.g. " garbage-first heap   total 262144K, used 123456K [..."
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  static int threadsConnected(TestServer server) throws Exception {
    try (Connection c = Db.central();
        ResultSet rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
      rs.next();
      return rs.getInt(2) - 1;
    }
  }

  static long globalStatus(String name) throws Exception {
    try (Connection c = Db.central();
        ResultSet rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  /** The database server's CPU time so far (user + system, in clock ticks), from /proc; 0 when not found. */
  static long databaseCpuTicks(TestServer server) throws Exception {
    long total = 0;
    for (String pid : run("pgrep", "-f", "mariadb.*--port=" + server.databasePort()).split("\\s+")) {
      if (pid.isBlank()) {
        continue;
      }
      Path stat = Path.of("/proc", pid.strip(), "stat");
      if (Files.exists(stat)) {
        String[] f = Files.readString(stat).replaceAll("^.*\\) ", "").split(" ");
        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
      }
    }
    return total;
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
