package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpm.st.Db.exec;
import static org.mpm.st.Db.insert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Benchmark, not part of the Test command: agent payments over HTTP against the server, end to end to the token.
 * One company with {@code mpm.bench.customers} customers (meters of the demo meter manufacturer, a tariff with an
 * access rate, so every payment is allocated), {@code mpm.bench.agents} agents logged in through the agent app.
 *
 * <ol>
 *   <li>Throughput: {@code mpm.bench.clients} clients send {@code mpm.bench.payments} payments (each with an
 *       Idempotency-Key) as fast as answers come; payments per second from the first request to the last token.
 *   <li>Latency: payments at a fixed {@code mpm.bench.rate} per second for {@code mpm.bench.seconds} seconds;
 *       median and 99th percentile of the ingress call.
 *   <li>Baseline: the same rows written with plain JDBC (the provider row, the transaction, the agent's balance
 *       and histories, the allocation, the token, the energy history, the SMS and the jobs), one transaction per
 *       payment, by the same number of clients.
 * </ol>
 *
 * <p>Each part starts after a restart of the server and {@code mpm.bench.warmup} payments (printed in blocks), so that
 * the figures are those of a warm server: on two cores the JIT compiler is busy for the first ~20,000 (see the warm-up
 * rates printed). The time from the restart to the first answer and the first block's rate are those of the first
 * minutes after a restart.
 *
 * <pre>mvn -B verify -pl system-tests -am -Dit.test=PaymentBenchmark</pre>
 */
class PaymentBenchmark {

  static final int WARMUP_BLOCK = 3000;

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void agentPayments() throws Exception {
    int customers = Integer.getInteger("mpm.bench.customers", 2000);
    int agents = Integer.getInteger("mpm.bench.agents", 8);
    int clients = Integer.getInteger("mpm.bench.clients", 16);
    int payments = Integer.getInteger("mpm.bench.payments", 4000);
    int rate = Integer.getInteger("mpm.bench.rate", 50);
    int seconds = Integer.getInteger("mpm.bench.seconds", 30);
    int warmup = Integer.getInteger("mpm.bench.warmup", 24_000);
    TestServer server = TestServer.get();
    Api api = new Api(server);
    Tenant t = api.registerCompany("bench-pay");
    List<String> tokens = seed(api, t, customers, agents);

    // A restart, so that the warm-up starts from a cold JVM as after a deployment: the time until the server answers
    // and the first block's rate are the figures of the first minutes after a restart.
    phase("restart");
    long r0 = System.nanoTime();
    server.restart();
    double ready = (System.nanoTime() - r0) / 1e9;

    // Warm-up, in blocks whose rates are printed. On two cores the server's JIT compiler (one C2 thread) still takes
    // about half of the server's CPU after 3,000 payments and much of the code still runs at its profiling tier; the
    // rate climbs in the first blocks and levels off after some 20,000 payments.
    phase("warm-up");
    List<String> warm = new ArrayList<>();
    for (int done = 0; done < warmup; done += WARMUP_BLOCK) {
      int block = Math.min(WARMUP_BLOCK, warmup - done);
      long w0 = System.nanoTime();
      closedLoop(server, tokens, customers, clients, block, "warm" + done);
      awaitTokens(server, t, done + block);
      warm.add(String.format("%.0f", block / ((System.nanoTime() - w0) / 1e9)));
    }

    // 1. Throughput, end to end to the token.
    phase("throughput");
    long before = tokenCount(server, t);
    long t0 = System.nanoTime();
    List<Long> loaded = closedLoop(server, tokens, customers, clients, payments, "load");
    long ingressDone = System.nanoTime();
    awaitTokens(server, t, before + payments);
    long t1 = System.nanoTime();
    double e2e = payments / ((t1 - t0) / 1e9);
    double ingressRate = payments / ((ingressDone - t0) / 1e9);

    // 2. Ingress latency at a fixed rate.
    phase("latency");
    List<Long> paced = openLoop(server, tokens, customers, rate, seconds);

    // 3. Plain JDBC baseline: the same rows, one transaction per payment.
    phase("jdbc");
    double jdbc = jdbcBaseline(server, t, customers, agents, clients, payments);

    System.out.printf("%nPaymentBenchmark (%d customers, %d agents, %d clients; MPM_CDS %s, MPM_JAVA_OPTS %s;"
        + " load average %s)%n", customers, agents, clients, System.getenv("MPM_CDS"), System.getenv("MPM_JAVA_OPTS"),
        loadAverage());
    System.out.printf("  after a restart: ready in %.1f s; first %d payments %s/s; warm (after %d) %.0f/s end to end%n",
        ready, WARMUP_BLOCK, warm.isEmpty() ? "-" : warm.get(0), warmup, e2e);
    System.out.printf("  warm-up, %d payments in blocks of %d: %s payments/s%n", warmup, WARMUP_BLOCK,
        String.join(", ", warm));
    System.out.printf("  end to end (HTTP → token), %d payments: %.0f payments/s (ingress alone %.0f/s;"
        + " ingress median %.1f ms, p99 %.1f ms under that load)%n", payments, e2e, ingressRate,
        pct(loaded, 50), pct(loaded, 99));
    System.out.printf("  ingress at %d payments/s for %d s: median %.1f ms, p99 %.1f ms%n", rate, seconds,
        pct(paced, 50), pct(paced, 99));
    System.out.printf("  plain JDBC, same rows, one transaction per payment: %.0f payments/s"
        + " (pipeline = %.0f %% of it)%n%n", jdbc, 100 * e2e / jdbc);
  }

  /**
   * Fills the company with {@code customers} customers (a demo meter each, on a tariff with an access rate) and
   * {@code agents} agents with an unbounded risk balance; the agents' app tokens.
   */
  static List<String> seed(Api api, Tenant t, int customers, int agents) throws Exception {
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\",\"factor\":1,"
        + "\"minimum_purchase_amount\":0,\"components\":[{\"name\":\"Service\",\"price\":50}],"
        + "\"access_rate\":{\"id\":null,\"access_rate_amount\":200,\"access_rate_period\":30}}", t.token());
    long tariffId = GeographyIT.id(tariff);
    long type = GeographyIT.id(api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}",
        t.token()));
    long maker = GeographyIT.id(api.post("/api/manufacturers", "{\"name\":\"Demo Meter\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token()));
    String hash = Db.demoPasswordHash();
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (int start = 0; start < customers; start += 500) {
        StringBuilder p = new StringBuilder("INSERT INTO people (id, name, surname, is_customer, type, created_at,"
            + " updated_at) VALUES ");
        StringBuilder a = new StringBuilder("INSERT INTO addresses (owner_type, owner_id, phone, email, street,"
            + " city_id, is_primary, created_at, updated_at) VALUES ");
        StringBuilder m = new StringBuilder("INSERT INTO meters (id, serial_number, meter_type_id, in_use,"
            + " manufacturer_id, connection_type_id, connection_group_id, tariff_id, created_at, updated_at) VALUES ");
        StringBuilder d = new StringBuilder("INSERT INTO devices (person_id, device_type, device_id, device_serial,"
            + " created_at, updated_at) VALUES ");
        for (int i = start; i < Math.min(customers, start + 500); i++) {
          long id = 1000 + i;
          String sep = i == start ? "" : ",";
          p.append(sep).append("(").append(id).append(",'Bench").append(i)
              .append("','Customer',1,'customer',NOW(),NOW())");
          a.append(sep).append("('person',").append(id).append(",'+2557").append(20_000_000 + i)
              .append("','','',1,1,NOW(),NOW())");
          m.append(sep).append("(").append(id).append(",'").append(serial(i)).append("',").append(type).append(",1,")
              .append(maker).append(",1,1,").append(tariffId).append(",NOW(),NOW())");
          d.append(sep).append("(").append(id).append(",'meter',").append(id).append(",'").append(serial(i))
              .append("',NOW(),NOW())");
        }
        s.executeUpdate(p.toString());
        s.executeUpdate(a.toString());
        s.executeUpdate(m.toString());
        s.executeUpdate(d.toString());
      }
      s.executeUpdate("INSERT INTO agent_commissions (id, name, energy_commission, appliance_commission,"
          + " risk_balance, created_at, updated_at) VALUES (1, 'Bench', 0.05, 0.03, 1e12, NOW(), NOW())");
      for (int i = 0; i < agents; i++) {
        s.executeUpdate("INSERT INTO agents (person_id, mini_grid_id, agent_commission_id, mobile_device_id, email,"
            + " password, fire_base_token, balance, commission_revenue, created_at, updated_at, connection) VALUES"
            + " (1, 1, 1, '', '" + agentEmail(t, i) + "', '" + hash + "', '', 0, 0, NOW(), NOW(), 'tenant')");
      }
      c.commit();
    }
    for (int i = 0; i < agents; i++) {
      Db.addLogin(agentEmail(t, i), t.companyId());
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      Resp login = api.post("/api/app/login", "{\"email\":\"" + agentEmail(t, i) + "\",\"password\":\"123123\"}",
          null);
      assertEquals(200, login.status(), login.body());
      tokens.add(login.obj().getString("access_token"));
    }
    return tokens;
  }

  /** The machine's load average over 1, 5 and 15 minutes (other work on it changes every figure). */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Marks the start of a part in the output (to line up a profiler or CPU counters with it). */
  static void phase(String name) {
    System.out.printf("PaymentBenchmark phase %s starts at %s%n", name, Instant.now());
  }

  static String serial(int i) {
    return "BENCH" + (100_000 + i);
  }

  static String agentEmail(Tenant t, int i) {
    return "bench-agent-" + t.companyId() + "-" + i + "@example.com";
  }

  /** Clients sending back to back; returns the ingress latencies in nanoseconds. */
  static List<Long> closedLoop(TestServer server, List<String> tokens, int customers, int clients, int payments,
      String label) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        Random r = new Random();
        for (int i = next.getAndIncrement(); i < payments; i = next.getAndIncrement()) {
          latencies.add(pay(server, tokens.get(i % tokens.size()), serial(r.nextInt(customers)),
              1000 + r.nextInt(19) * 1000, label + "-" + i));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return new ArrayList<>(latencies);
  }

  /** Payments started at a fixed rate whatever the answers; returns the ingress latencies in nanoseconds. */
  static List<Long> openLoop(TestServer server, List<String> tokens, int customers, int rate, int seconds)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newCachedThreadPool();
    Random r = new Random(7);
    long start = System.nanoTime();
    int total = rate * seconds;
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String serial = serial(r.nextInt(customers));
      String token = tokens.get(i % tokens.size());
      int n = i;
      done.add(pool.submit(() -> {
        latencies.add(pay(server, token, serial, 2000, "paced-" + n));
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return new ArrayList<>(latencies);
  }

  static long pay(TestServer server, String token, String serial, int amount, String key) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/app/agents/transactions"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString("{\"device_serial\":\"" + serial + "\",\"amount\":" + amount + "}"))
        .timeout(Duration.ofSeconds(60)).build();
    long t0 = System.nanoTime();
    HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - t0;
    if (res.statusCode() != 200) {
      throw new IllegalStateException(res.statusCode() + " " + res.body());
    }
    return took;
  }

  static long tokenCount(TestServer server, Tenant t) throws Exception {
    try (Connection c = Db.tenant(t); ResultSet rs = c.createStatement()
        .executeQuery("SELECT COUNT(*) FROM tokens")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void awaitTokens(TestServer server, Tenant t, long expected) throws Exception {
    long end = System.nanoTime() + 600_000_000_000L;
    while (tokenCount(server, t) < expected) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("Tokens did not reach " + expected);
      }
      Thread.sleep(20);
    }
  }

  /** The pipeline's rows for each payment, written with plain JDBC, one transaction each; payments per second. */
  static double jdbcBaseline(TestServer server, Tenant t, int customers, int agents, int clients, int payments)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        Random r = new Random();
        try (Connection db = Db.tenant(t)) {
          db.setAutoCommit(false);
          for (int i = next.getAndIncrement(); i < payments; i = next.getAndIncrement()) {
            jdbcPayment(db, 1 + (i % agents), r.nextInt(customers), 1000 + r.nextInt(19) * 1000, "jdbc-" + i);
            db.commit();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return payments / ((System.nanoTime() - t0) / 1e9);
  }

  static void jdbcPayment(Connection db, long agent, int customer, int amount, String key) throws Exception {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    long person = 1000 + customer;
    String serial = serial(customer);
    exec(db, "INSERT INTO payment_idempotency_keys (scope, idempotency_key, request_hash, created_at)"
        + " VALUES (?, ?, ?, ?)", "bench:" + agent, key, "0".repeat(64), now);
    query(db, "SELECT id, person_id, device_type, device_id FROM devices WHERE device_serial = ?", serial);
    query(db, "SELECT balance, commission_revenue, agent_commission_id, mobile_device_id FROM agents WHERE id = ?"
        + " FOR UPDATE", agent);
    query(db, "SELECT risk_balance, energy_commission FROM agent_commissions WHERE id = 1");
    query(db, "SELECT id FROM people WHERE id = ? FOR UPDATE", person);
    long row = insert(db, "INSERT INTO agent_transactions (agent_id, mobile_device_id, status, created_at,"
        + " updated_at) VALUES (?, '', 0, ?, ?)", agent, now, now);
    long tx = insert(db, "INSERT INTO transactions (original_transaction_id, original_transaction_type, amount,"
        + " type, sender, message, created_at, updated_at) VALUES (?, 'agent_transaction', ?, 'energy', ?, ?, ?, ?)",
        row, amount, "Agent-" + agent, serial, now, now);
    query(db, "SELECT r.id FROM appliance_rates r JOIN appliance_people ap ON ap.id = r.appliance_person_id"
        + " WHERE ap.person_id = ? AND r.remaining > 0 FOR UPDATE", person);
    query(db, "SELECT id, debt FROM access_rate_payments WHERE meter_id = ? AND debt > 0 FOR UPDATE", person);
    exec(db, "INSERT INTO agent_balance_histories (agent_id, trigger_type, trigger_id, amount, available_balance,"
        + " transaction_id, created_at, updated_at) VALUES (?, 'agent_transaction', ?, ?, 0, ?, ?, ?)",
        agent, row, -amount, tx, now, now);
    exec(db, "INSERT INTO agent_balance_histories (agent_id, trigger_type, trigger_id, amount, available_balance,"
        + " transaction_id, created_at, updated_at) VALUES (?, 'agent_commission', 1, ?, 0, ?, ?, ?)",
        agent, amount * 0.05, tx, now, now);
    exec(db, "UPDATE agents SET balance = balance - ?, commission_revenue = commission_revenue + ? WHERE id = ?",
        amount, amount * 0.05, agent);
    exec(db, "UPDATE payment_idempotency_keys SET transaction_id = ? WHERE scope = ? AND idempotency_key = ?",
        tx, "bench:" + agent, key);
    long job = insert(db, "INSERT INTO payment_jobs (kind, ref_id, amount, state, attempts, next_attempt_at,"
        + " created_at, updated_at) VALUES ('vend', ?, ?, 'pending', 0, ?, ?, ?)", tx, amount, now, now, now);
    long token = insert(db, "INSERT INTO tokens (transaction_id, token, token_amount, device_id, token_type,"
        + " token_unit, created_at, updated_at) VALUES (?, ?, ?, ?, 'energy', 'kWh', ?, ?)",
        tx, "12345678901234567890", amount / 300.0, person, now, now);
    exec(db, "INSERT INTO payment_histories (amount, transaction_id, payment_service, sender, payment_type,"
        + " paid_for_type, paid_for_id, payer_type, payer_id, created_at, updated_at) VALUES (?, ?,"
        + " 'agent_transaction', ?, 'energy', 'token', ?, 'person', ?, ?, ?)", amount, tx, "Agent-" + agent, token,
        person, now, now);
    exec(db, "UPDATE agent_transactions SET status = 1 WHERE id = ?", row);
    long sms = insert(db, "INSERT INTO sms (receiver, body, trigger_type, trigger_id, status, uuid, created_at,"
        + " updated_at) VALUES (?, ?, 'transaction', ?, 1, ?, ?, ?)", "+2557" + (20_000_000 + customer),
        "Dear Bench Customer, Token: 12345678901234567890", tx, key, now, now);
    exec(db, "UPDATE payment_jobs SET state = 'done' WHERE id = ?", job);
    exec(db, "INSERT INTO payment_jobs (kind, ref_id, state, attempts, next_attempt_at, created_at, updated_at)"
        + " VALUES ('sms', ?, 'done', 1, ?, ?, ?)", sms, now, now, now);
  }

  static void query(Connection db, String sql, Object... params) throws Exception {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
    }
  }

  static double pct(List<Long> nanos, int p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
