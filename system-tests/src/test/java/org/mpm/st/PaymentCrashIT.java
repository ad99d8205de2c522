package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * {@code kill -9} of the server while agents post payments: several clients post agent payments with unique
 * {@code Idempotency-Key}s without pause, the server is killed after a random moment and restarted, and every
 * payment whose answer was lost is sent again with its key, as the agent app retries. After three crashes every
 * accepted payment completes with exactly one token, none is half written, and a key sent again gives the one
 * transaction it gave (or would have given) the first time. Each crash follows the commit of a payment whose answer
 * is never read, so both fates of a lost answer occur (booked before the crash, or not yet), and the test asserts
 * that they and vends left to the restarted server did occur.
 */
class PaymentCrashIT {

  static final int ROUNDS = 3;
  static final int CLIENTS = 6;
  static final int METERS = 8;
  static final Duration COMPLETION_WAIT = Duration.ofSeconds(60);

  static TestServer server;
  static Api api;
  static Tenant t;
  static long agentId;
  static String agentToken;
  static final List<String> SERIALS = new ArrayList<>();

  /** One payment as a client sends it: the same key, serial and amount every time. */
  record Payment(String key, String serial, int amount) {
    String body() {
      return "{\"device_serial\":\"" + serial + "\",\"amount\":" + amount + "}";
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.get();
    api = new Api(server);
    PeopleIT.api = api;
    t = api.registerCompany("payment-crash");
    Resp tariff = api.post("/api/tariffs", "{\"name\":\"Household\",\"price\":250,\"currency\":\"TZS\"}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    Resp type = api.post("/api/meter-types", "{\"online\":false,\"phase\":1,\"max_current\":10}", t.token());
    assertEquals(201, type.status(), type.body());
    Resp manufacturer = api.post("/api/manufacturers", "{\"name\":\"Demo Meter Manufacturer\",\"type\":\"meter\","
        + "\"api_name\":\"DemoMeterManufacturerApi\"}", t.token());
    assertEquals(201, manufacturer.status(), manufacturer.body());
    // Half the meters are vended by a remote vendor, through the queue after the payment commits; the others by
    // the local demo integration, in the transaction that accepts the payment.
    Resp remote = api.post("/api/manufacturers", "{\"name\":\"Remote Vendor\",\"type\":\"meter\","
        + "\"api_name\":\"SimulatedVendorMeterApi\"}", t.token());
    assertEquals(201, remote.status(), remote.body());
    for (int i = 1; i <= METERS; i++) {
      String serial = String.valueOf(47_120_000_00L + i);
      Resp meter = api.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":"
          + GeographyIT.id(i % 2 == 0 ? remote : manufacturer) + ",\"meter_type_id\":" + GeographyIT.id(type)
          + ",\"in_use\":1,"
          + "\"tariff_id\":" + GeographyIT.id(tariff) + "}", t.token());
      assertEquals(201, meter.status(), meter.body());
      Resp person = PeopleIT.create(t, "Crash" + i, "Payer", "+2557159" + (10_000 + i), null);
      assertEquals(201, person.status(), person.body());
      Db.exec(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at,"
          + " updated_at) VALUES (" + PersonDevicesPaymentsIT.id(person) + ", 'meter', " + GeographyIT.id(meter)
          + ", '" + serial + "', NOW(), NOW())");
      SERIALS.add(serial);
    }
    agentId = insertAgent();
    Resp login = api.post("/api/app/login", "{\"email\":\"" + agentEmail() + "\",\"password\":\"123123\"}", null);
    assertEquals(200, login.status(), login.body());
    agentToken = login.obj().getString("access_token");
  }

  static String agentEmail() {
    return "crash-agent-" + t.companyId() + "@example.com";
  }

  /** An agent (password 123123) on a commission plan whose risk balance no test run reaches. */
  static long insertAgent() throws Exception {
    // Db.insertAgent puts its agent on commission plan 2.
    Db.exec(t, "INSERT INTO agent_commissions (id, name, energy_commission, appliance_commission, risk_balance,"
        + " created_at, updated_at) VALUES (2, 'Crash test', 0.05, 0.03, 1000000000000, NOW(), NOW())");
    return Db.insertAgent(t.companyId(), agentEmail(), t.companyId());
  }

  @Test
  void killedWhilePayingLosesNothingAndDoublesNothing() throws Exception {
    Random random = new Random(20261127L);
    Map<String, Long> accepted = new ConcurrentHashMap<>();
    List<Payment> resent = new ArrayList<>();
    int replayedAfterCrash = 0;
    int bookedAfterCrash = 0;
    long pendingAtCrash = 0;
    AtomicInteger seq = new AtomicInteger();
    for (int round = 0; round < ROUNDS; round++) {
      List<Payment> lost = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      HttpClient client = client();
      int atStart = accepted.size();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      int r = round;
      for (int c = 0; c < CLIENTS; c++) {
        int n = c;
        clients.execute(() -> {
          while (!stop.get()) {
            int i = seq.incrementAndGet();
            Payment p = new Payment("crash-" + r + "-" + n + "-" + i, SERIALS.get(i % METERS), 1000 + 500 * (i % 7));
            try {
              HttpResponse<String> answer = post(client, p);
              if (answer.statusCode() == 200) {
                accepted.put(p.key(), transactionId(answer.body()));
              } else {
                lost.add(p); // refused while the server went down: sent again below
              }
            } catch (IOException | RuntimeException e) {
              lost.add(p);
              return; // the connection is gone: this client waits for the server to come back
            } catch (InterruptedException e) {
              return;
            }
          }
        });
      }
      // The moment of the crash counts from the round's first answer: a restarted server is slow at first.
      long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (accepted.size() == atStart && lost.isEmpty() && System.nanoTime() < warm) {
        Thread.sleep(20);
      }
      long delay = 300 + random.nextInt(1201);
      Thread.sleep(delay);
      // One payment whose answer the agent never reads (its phone lost the network): the crash follows its commit,
      // so at least one lost answer per round belongs to a payment booked before the crash. Its meter is vended
      // remotely, through the queue: the crash leaves that vend to the restarted server.
      Payment abandoned = new Payment("crash-" + r + "-abandoned", SERIALS.get(1), 2500);
      CompletableFuture.runAsync(() -> {
        try {
          post(client, abandoned);
        } catch (IOException | InterruptedException e) {
          // the answer is not read anyway
        }
      });
      assertTrue(awaitBooked(abandoned), abandoned.key() + " was not booked");
      server.kill();
      lost.add(abandoned);
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
      int before = accepted.size();
      // What the crash left to do: accepted payments whose vend (or SMS) had not run yet.
      long vendsLeft;
      long smsLeft;
      try (Connection c = Db.tenant(t)) {
        vendsLeft = count(c, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'vend' AND state = 'pending'");
        smsLeft = count(c, "SELECT COUNT(*) FROM payment_jobs WHERE kind = 'sms' AND state = 'pending'");
      }
      pendingAtCrash += vendsLeft;
      server.restart();

      HttpClient fresh = client();
      int replayed = 0;
      for (Payment p : lost) {
        HttpResponse<String> answer = postRetrying(fresh, p);
        assertEquals(200, answer.statusCode(), p.key() + ": " + answer.body());
        long id = transactionId(answer.body());
        Long earlier = accepted.put(p.key(), id);
        assertTrue(earlier == null || earlier == id, p.key() + " answered " + earlier + " and then " + id);
        boolean replay = answer.headers().firstValue("Idempotent-Replayed").isPresent();
        if (replay) {
          replayed++;
        }
        if (p.equals(abandoned)) {
          assertTrue(replay, p.key() + " was booked before the crash: sent again, it is answered from that booking, "
              + answer.body());
        }
        resent.add(p);
      }
      replayedAfterCrash += replayed;
      bookedAfterCrash += lost.size() - replayed;
      System.out.println("PaymentCrashIT round " + round + ": killed " + delay + " ms after the first answer and"
          + " right after " + abandoned.key() + " was booked, " + before + " accepted so far, " + vendsLeft
          + " vends and " + smsLeft + " SMS left pending by the crash, " + lost.size() + " answers lost and sent"
          + " again: " + replayed + " had been booked before the crash (answered from the first booking), "
          + (lost.size() - replayed) + " had not (booked when sent again)");
    }

    Set<Long> ids = new HashSet<>(accepted.values());
    assertEquals(accepted.size(), ids.size(), "every key has its own transaction");
    int completed = awaitCompleted(ids);

    long duplicateTokens;
    long halfWritten;
    try (Connection c = Db.tenant(t)) {
      duplicateTokens = count(c, "SELECT COUNT(*) FROM (SELECT transaction_id FROM tokens GROUP BY transaction_id"
          + " HAVING COUNT(*) > 1) d");
      assertEquals(ids.size(), count(c, "SELECT COUNT(DISTINCT transaction_id) FROM tokens"),
          "a token for every accepted payment and for nothing else");
      halfWritten = count(c, "SELECT COUNT(*) FROM agent_transactions a WHERE (SELECT COUNT(*) FROM transactions t"
          + " WHERE t.original_transaction_type = 'agent_transaction' AND t.original_transaction_id = a.id) <> 1")
          + count(c, "SELECT COUNT(*) FROM transactions t LEFT JOIN agent_transactions a"
          + " ON a.id = t.original_transaction_id WHERE t.original_transaction_type <> 'agent_transaction'"
          + " OR a.id IS NULL")
          + count(c, "SELECT COUNT(*) FROM transactions t JOIN agent_transactions a ON a.id = t.original_transaction_id"
          + " WHERE a.status = 1 AND ABS(t.amount - (SELECT COALESCE(SUM(h.amount), 0) FROM payment_histories h"
          + " WHERE h.transaction_id = t.id)) > 0.005")
          + count(c, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE transaction_id IS NULL");
      assertEquals(ids.size(), count(c, "SELECT COUNT(*) FROM transactions"),
          "one transaction per accepted key: no payment of a lost answer was booked twice");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'pending'"), "no job left pending");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'failed'"), "no job gave up");
      try (PreparedStatement key = c.prepareStatement("SELECT COUNT(*), MIN(transaction_id) FROM"
          + " payment_idempotency_keys WHERE scope = ? AND idempotency_key = ?")) {
        for (Payment p : resent) {
          key.setString(1, "agent:" + agentId);
          key.setString(2, p.key());
          try (ResultSet rs = key.executeQuery()) {
            rs.next();
            assertEquals(1, rs.getInt(1), p.key());
            assertEquals(accepted.get(p.key()).longValue(), rs.getLong(2), p.key());
          }
        }
      }
    }
    System.out.println("PaymentCrashIT: " + ROUNDS + " kills, " + ids.size() + " accepted, " + completed
        + " completed, " + duplicateTokens + " duplicate tokens, " + halfWritten + " half-written, "
        + resent.size() + " re-sent after crash (" + replayedAfterCrash + " of them booked before the crash, "
        + bookedAfterCrash + " booked when sent again), " + pendingAtCrash + " vends carried out after a restart");
    assertEquals(ids.size(), completed, "every accepted payment completed");
    assertEquals(0, duplicateTokens, "one token per transaction");
    assertEquals(0, halfWritten, "no half-written payment");
    assertTrue(ids.size() > ROUNDS * CLIENTS, "the clients got payments through: " + ids.size());
    // Both fates of a payment whose answer a crash took away occurred, and the queue outlived a crash.
    assertTrue(replayedAfterCrash >= ROUNDS, "payments booked before a crash were sent again: " + replayedAfterCrash);
    assertTrue(bookedAfterCrash > 0, "payments the crash interrupted before booking were sent again");
    assertTrue(pendingAtCrash > 0, "a crash left vends to be carried out after the restart");
  }

  /** Polls the company's database until the payment's key is booked with its transaction (at most 30 s). */
  static boolean awaitBooked(Payment p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = Db.tenant(t)) {
      while (System.nanoTime() < deadline) {
        if (count(c, "SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = ? AND idempotency_key = ?"
            + " AND transaction_id IS NOT NULL", "agent:" + agentId, p.key()) > 0) {
          return true;
        }
        Thread.sleep(5);
      }
    }
    return false;
  }

  /**
   * Polls each accepted payment's status until it is completed, then the queue until nothing is pending, both
   * within {@link #COMPLETION_WAIT}; returns how many payments completed.
   */
  static int awaitCompleted(Set<Long> ids) throws Exception {
    Set<Long> open = new HashSet<>(ids);
    long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      for (Long id : List.copyOf(open)) {
        Resp r = api.get("/api/app/agents/transactions/" + id + "/status", agentToken);
        assertEquals(200, r.status(), r.body());
        JsonObject status = r.obj().getJsonObject("data");
        assertTrue(!"failed".equals(status.getString("status")), id + ": " + r.body());
        if ("completed".equals(status.getString("status"))) {
          assertTrue(!status.isNull("token"), id + " completed without a token: " + r.body());
          open.remove(id);
        }
      }
      if (!open.isEmpty()) {
        Thread.sleep(500);
      }
    }
    // The confirmation SMS of the last vends may still be on their way.
    try (Connection c = Db.tenant(t)) {
      while (count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'pending'") > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
    }
    return ids.size() - open.size();
  }

  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static HttpResponse<String> post(HttpClient client, Payment p) throws IOException, InterruptedException {
    return post(client, server.baseUrl(), p);
  }

  /** Sends the payment to the server at {@code baseUrl} (one node of several). */
  static HttpResponse<String> post(HttpClient client, String baseUrl, Payment p)
      throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/app/agents/transactions"))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + agentToken)
        .header("Idempotency-Key", p.key()).POST(HttpRequest.BodyPublishers.ofString(p.body())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a payment again after a restart; a connection the old server left half open is tried once more. */
  static HttpResponse<String> postRetrying(HttpClient client, Payment p) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return post(client, p);
      } catch (IOException e) {
        if (attempt == 3) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  static long transactionId(String body) {
    return new Resp(200, body, null).obj().getJsonObject("data").getJsonNumber("id").longValue();
  }
}
