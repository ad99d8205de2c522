package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Tenant;

/**
 * Benchmark, not part of the Test command: seeds one company with customers, their meters and transactions (each
 * with its cash row) straight into its database, then times {@code GET /api/export/transactions} as CSV and as
 * Excel, reading the whole streamed answer, and prints the seconds, the bytes and the server's heap: used after a
 * full GC before, and the highest use seen (sampled every 250 ms, garbage included) while the export ran.
 *
 * <pre>mvn -B verify -pl system-tests -am -Dit.test=ExportBenchmark -Dmpm.bench.transactions=2000000
 *     -Dmpm.bench.customers=200000</pre>
 */
class ExportBenchmark {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  @Test
  void exportAllTransactions() throws Exception {
    int transactions = Integer.getInteger("mpm.bench.transactions", 2_000_000);
    int customers = Integer.getInteger("mpm.bench.customers", 200_000);
    TestServer server = TestServer.get();
    Api api = new Api(server);
    Tenant t = api.registerCompany("export-bench");
    long s0 = System.nanoTime();
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      seed(s, customers, transactions);
    }
    System.out.printf("%n== export benchmark: %d customers with a meter each, %d transactions seeded in %d s%n",
        customers, transactions, (System.nanoTime() - s0) / 1_000_000_000);
    for (String format : new String[] {"csv", "excel"}) {
      export(server, t, format);
    }
  }

  static void export(TestServer server, Tenant t, String format) throws Exception {
    long heapBefore = TenantScaleBenchmark.heapAfterGc(server);
    AtomicLong peak = new AtomicLong(heapBefore);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        try {
          Matcher m = USED.matcher(TenantScaleBenchmark.run("jcmd", Long.toString(server.pid()), "GC.heap_info"));
          if (m.find()) {
            peak.accumulateAndGet(Long.parseLong(m.group(1)) * 1024, Math::max);
          }
          Thread.sleep(250);
        } catch (Exception e) {
          return;
        }
      }
    });
    sampler.start();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/export/transactions?format=" + format))
        .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + t.token()).GET().build();
    long start = System.nanoTime();
    HttpResponse<InputStream> resp = client.send(r, HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = System.nanoTime();
    long bytes = 0;
    try (InputStream in = resp.body()) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
      }
    }
    long end = System.nanoTime();
    running.set(false);
    sampler.join();
    assertEquals(200, resp.statusCode());
    System.out.printf("GET /api/export/transactions?format=%s: %.1f s (first byte after %.2f s), %.1f MB;"
        + " server heap after GC before %.0f MB, highest used while exporting %.0f MB (+%.0f MB, garbage"
        + " included)%n", format, (end - start) / 1e9, (firstByte - start) / 1e9, bytes / 1048576.0,
        heapBefore / 1048576.0, peak.get() / 1048576.0, (peak.get() - heapBefore) / 1048576.0);
  }

  /** Customers, a meter each (device rows), transactions spread over the meters, each with a cash row. */
  static void seed(Statement s, int customers, int transactions) throws SQLException {
    s.execute("SET SESSION unique_checks = 0");
    int step = 100_000;
    for (int from = 1; from <= customers; from += step) {
      int to = Math.min(customers, from + step - 1);
      s.execute("INSERT INTO people (id, name, surname, is_customer, type, created_at, updated_at)"
          + " SELECT seq, CONCAT('Name', seq), CONCAT('Surname', seq), 1, 'customer', NOW(), NOW()"
          + " FROM seq_" + from + "_to_" + to);
      s.execute("INSERT INTO devices (id, person_id, device_type, device_id, device_serial, created_at, updated_at)"
          + " SELECT seq, seq, 'meter', seq, CONCAT('BM-', seq), NOW(), NOW() FROM seq_" + from + "_to_" + to);
    }
    step = 200_000;
    for (int from = 1; from <= transactions; from += step) {
      int to = Math.min(transactions, from + step - 1);
      s.execute("INSERT INTO cash_transactions (id, user_id, status, created_at, updated_at)"
          + " SELECT seq, 1, 1, NOW() - INTERVAL (seq % 700) DAY, NOW() FROM seq_" + from + "_to_" + to);
      s.execute("INSERT INTO transactions (id, original_transaction_id, original_transaction_type, amount, type,"
          + " sender, message, created_at, updated_at) SELECT seq, seq, 'cash_transaction', 100 + (seq % 900) + 0.5,"
          + " 'energy', 'User-1', CONCAT('BM-', 1 + seq % " + customers + "), NOW() - INTERVAL (seq % 700) DAY,"
          + " NOW() FROM seq_" + from + "_to_" + to);
    }
  }
}
