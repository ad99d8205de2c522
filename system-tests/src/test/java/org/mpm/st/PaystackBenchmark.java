package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * Benchmark, not part of the Test command: Paystack webhook callbacks per second end to end (signed
 * {@code charge.success} → signature check → payment pipeline → token), next to agent payments in the same run and
 * on the same company ({@link PaymentBenchmark#seed}: {@code mpm.bench.customers} customers with demo meters,
 * {@code mpm.bench.agents} agents). The Paystack payments are initialised beforehand (pending rows written straight
 * into the company's database: initialisation is not measured). After {@code mpm.bench.warmup} payments of each
 * kind, {@code mpm.bench.rounds} rounds alternate {@code mpm.bench.payments} agent payments and as many webhooks, each
 * sent by {@code mpm.bench.clients} clients as fast as answers come; each rate runs from the first request to the
 * last token.
 *
 * <pre>mvn -B verify -pl system-tests -am -Dit.test=PaystackBenchmark</pre>
 */
class PaystackBenchmark {

  static final String SECRET = "sk_test_bench0123456789abcdef0123456789abcdef";

  @Test
  void webhooksNextToAgentPayments() throws Exception {
    int customers = Integer.getInteger("mpm.bench.customers", 2000);
    int agents = Integer.getInteger("mpm.bench.agents", 8);
    int clients = Integer.getInteger("mpm.bench.clients", 16);
    int payments = Integer.getInteger("mpm.bench.payments", 3000);
    int warmup = Integer.getInteger("mpm.bench.warmup", 6000);
    int rounds = Integer.getInteger("mpm.bench.rounds", 2);
    TestServer server = TestServer.get();
    Api api = new Api(server);
    Tenant t = api.registerCompany("bench-paystack");
    List<String> tokens = PaymentBenchmark.seed(api, t, customers, agents);
    assertEquals(200, api.put("/api/plugins/25", "{\"checked\":true}", t.token()).status());
    Resp cred = api.put("/api/paystack/credential", "{\"secret_key\":\"" + SECRET + "\",\"public_key\":"
        + "\"pk_test_bench\",\"callback_url\":\"https://pay.example.com/result\",\"merchant_name\":\"Bench\","
        + "\"merchant_email\":\"pay@example.com\",\"environment\":\"test\"}", t.token());
    assertEquals(200, cred.status(), cred.body());
    int webhooks = warmup + rounds * payments;
    List<String> bodies = initialised(t, customers, webhooks);

    PaymentBenchmark.phase("warm-up");
    long done = PaymentBenchmark.tokenCount(server, t);
    PaymentBenchmark.closedLoop(server, tokens, customers, clients, warmup, "warm");
    PaymentBenchmark.awaitTokens(server, t, done += warmup);
    callbacks(server, t, bodies.subList(0, warmup), clients);
    PaymentBenchmark.awaitTokens(server, t, done += warmup);

    List<String> agentRates = new ArrayList<>();
    List<String> webhookRates = new ArrayList<>();
    double agentSum = 0;
    double webhookSum = 0;
    for (int round = 0; round < rounds; round++) {
      PaymentBenchmark.phase("agents-" + round);
      long t0 = System.nanoTime();
      PaymentBenchmark.closedLoop(server, tokens, customers, clients, payments, "load" + round);
      PaymentBenchmark.awaitTokens(server, t, done += payments);
      double agentRate = payments / ((System.nanoTime() - t0) / 1e9);
      PaymentBenchmark.phase("webhooks-" + round);
      long t1 = System.nanoTime();
      int from = warmup + round * payments;
      callbacks(server, t, bodies.subList(from, from + payments), clients);
      PaymentBenchmark.awaitTokens(server, t, done += payments);
      double webhookRate = payments / ((System.nanoTime() - t1) / 1e9);
      agentRates.add(String.format("%.0f", agentRate));
      webhookRates.add(String.format("%.0f", webhookRate));
      agentSum += agentRate;
      webhookSum += webhookRate;
    }
    assertEquals(webhooks, Db.count(t, "SELECT COUNT(*) FROM paystack_transactions WHERE status = 1"));
    System.out.printf("%nPaystackBenchmark (%d customers, %d clients, %d warm-up each, %d per round)%n", customers,
        clients, warmup, payments);
    System.out.printf("  agent payments, end to end (HTTP → token): %s payments/s%n", String.join(", ", agentRates));
    System.out.printf("  Paystack webhooks, end to end (signed callback → token): %s callbacks/s%n",
        String.join(", ", webhookRates));
    System.out.printf("  webhooks / agent payments: %.2f%n%n", webhookSum / agentSum);
  }

  /** Pending Paystack payments for random customers, written straight in; their charge.success webhook bodies. */
  static List<String> initialised(Tenant t, int customers, int n) throws Exception {
    List<String> bodies = new ArrayList<>();
    Random r = new Random(11);
    try (Connection c = Db.tenant(t); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (int start = 0; start < n; start += 500) {
        StringBuilder sql = new StringBuilder("INSERT INTO paystack_transactions (amount, currency, order_id,"
            + " reference_id, status, customer_id, serial_id, device_type, paystack_reference, metadata, attempts,"
            + " created_at, updated_at) VALUES ");
        for (int i = start; i < Math.min(n, start + 500); i++) {
          int customer = r.nextInt(customers);
          int amount = 1000 + r.nextInt(19) * 1000;
          String reference = "bench-" + t.companyId() + "-" + i;
          sql.append(i == start ? "" : ",").append("(").append(amount).append(",'NGN','")
              .append(UUID.randomUUID()).append("','").append(UUID.randomUUID()).append("',0,").append(1000 + customer)
              .append(",'").append(PaymentBenchmark.serial(customer)).append("','meter','").append(reference)
              .append("','{\"sender\":\"+2557").append(20_000_000 + customer).append("\"}',1,NOW(),NOW())");
          bodies.add("{\"event\":\"charge.success\",\"data\":{\"id\":" + (5_000_000_000L + i) + ",\"domain\":\"test\","
              + "\"status\":\"success\",\"reference\":\"" + reference + "\",\"amount\":" + amount * 100
              + ",\"message\":null,\"gateway_response\":\"Successful\",\"channel\":\"card\",\"currency\":\"NGN\","
              + "\"customer\":{\"id\":84312,\"email\":\"pay@example.com\"}}}");
        }
        s.executeUpdate(sql.toString());
      }
      c.commit();
    }
    return bodies;
  }

  /** Sends the webhooks, signed, from {@code clients} clients back to back. */
  static void callbacks(TestServer server, Tenant t, List<String> bodies, int clients) throws Exception {
    String url = server.baseUrl() + "/api/paystack/webhook/" + t.companyId();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
          String body = bodies.get(i);
          HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
              .header("x-paystack-signature", PaystackSimulator.sign(body, SECRET))
              .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build();
          HttpResponse<String> res = PaymentBenchmark.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
          if (res.statusCode() != 200 || !res.body().contains("success")) {
            throw new IllegalStateException(res.statusCode() + " " + res.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }
}
