package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpm.st.Db.count;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpm.launcher.PayaraServer;
import org.mpm.st.Api.Resp;
import org.mpm.st.PaymentCrashIT.Payment;

/**
 * Two servers on one database, clustered with Payara's Hazelcast (found by TCP/IP on local ports): the suite's
 * server (A) restarted as a member, and a second one (B) started beside it. Agent payments and registrations sent
 * to both at once are each booked once; scheduled work (reminders, access-rate accrual) is done once; a logout, a
 * change of a user's roles or of a tariff's price on A holds on B at once (the per-server memory is told through the
 * cluster); and the queued work of A, killed with {@code kill -9}, is finished by B, nothing twice. The suite's
 * server is restarted alone afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static TestServer server;
  static PayaraServer nodeB;
  static Api a;
  static Api b;
  static String urlB;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.get();
    int hzA = TestServer.freePort();
    int hzB = TestServer.freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    Map<String, String> cluster = Map.of("MPM_CLUSTER_NAME", "mpm-st-" + ProcessHandle.current().pid(),
        "MPM_CLUSTER_MEMBERS", members);
    int portB = TestServer.freePort();
    urlB = "http://127.0.0.1:" + portB;
    // Both start at once: A restarted as a member, B beside it; each finds the other at its port.
    CompletableFuture<Void> startA = CompletableFuture.runAsync(() -> {
      try {
        server.restart(with(cluster, "MPM_CLUSTER_PORT", hzA));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    nodeB = server.startAnother("cluster-b", portB, with(cluster, "MPM_CLUSTER_PORT", hzB));
    startA.get(10, TimeUnit.MINUTES);
    nodeB.awaitReady(Duration.ofMinutes(8));
    a = new Api(server);
    b = new Api(urlB);
    assertTrue(awaitLogLine(logB(), "DG Size: 2"), "B joined a cluster of two: " + logB());
    // The payment set-up of the crash test: a company, its meters (half vended remotely), customers and an agent.
    PaymentCrashIT.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (nodeB != null) {
      nodeB.close();
    }
    // The suite's server as the other classes know it: alone.
    server.restart();
  }

  static Map<String, String> with(Map<String, String> base, String key, int value) {
    Map<String, String> out = new HashMap<>(base);
    out.put(key, Integer.toString(value));
    return out;
  }

  static Path logB() {
    return Path.of(System.getProperty("mpm.work.dir", "target/st"), "cluster-b", "payara.log");
  }

  static boolean awaitLogLine(Path log, String text) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  @Test
  @Order(1)
  void paymentsSentToBothAreEachBookedOnce() throws Exception {
    long transactionsBefore = Db.count(PaymentCrashIT.t, "SELECT COUNT(*) FROM transactions");
    HttpClient client = PaymentCrashIT.client();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<long[]>> answers = new ArrayList<>();
    int payments = 100;
    int sentTwice = 0;
    for (int i = 0; i < payments; i++) {
      Payment p = new Payment("cluster-" + i, PaymentCrashIT.SERIALS.get(i % PaymentCrashIT.SERIALS.size()),
          1000 + 100 * (i % 9));
      String first = i % 2 == 0 ? server.baseUrl() : urlB;
      answers.add(pool.submit(() -> new long[] {transactionId(PaymentCrashIT.post(client, first, p))}));
      if (i % 5 == 0) {
        // the agent app's retry of the same payment reaching the other node at the same moment
        String other = i % 2 == 0 ? urlB : server.baseUrl();
        answers.add(pool.submit(() -> new long[] {transactionId(PaymentCrashIT.post(client, other, p)), -1}));
        sentTwice++;
      }
    }
    Map<Integer, Long> byPayment = new ConcurrentHashMap<>();
    Set<Long> ids = new HashSet<>();
    int k = 0;
    for (int i = 0; i < payments; i++) {
      long id = answers.get(k++).get(2, TimeUnit.MINUTES)[0];
      ids.add(id);
      byPayment.put(i, id);
      if (i % 5 == 0) {
        long again = answers.get(k++).get(2, TimeUnit.MINUTES)[0];
        assertEquals(id, again, "payment " + i + " sent to both nodes at once gives one transaction");
      }
    }
    pool.shutdown();
    assertEquals(payments, ids.size(), "every payment has its own transaction");
    assertEquals(transactionsBefore + payments, Db.count(PaymentCrashIT.t, "SELECT COUNT(*) FROM transactions"),
        "no payment was booked twice although " + sentTwice + " were sent to both nodes at once");
    awaitQueueEmpty(Duration.ofSeconds(90));
    assertOneTokenEach(ids);
    System.out.println("ClusterIT: " + payments + " payments to two nodes (" + sentTwice + " also to the other"
        + " node at once): " + ids.size() + " transactions, one token each");
  }

  @Test
  @Order(2)
  void registrationsSentToBothCreateEachCompanyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<Resp>> calls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String unique = "cluster-reg-" + System.nanoTime() + "-" + i;
      names.add(unique + " Energy");
      String body = Api.registration(unique + " Energy", "info-" + unique + "@example.com",
          "owner-" + unique + "@example.com", 21);
      // the same registration to both nodes at once (a double click through a load balancer)
      calls.add(() -> a.post("/api/companies", body, null));
      calls.add(() -> b.post("/api/companies", body, null));
    }
    List<Future<Resp>> answers = pool.invokeAll(calls);
    pool.shutdown();
    for (int i = 0; i < names.size(); i++) {
      Resp first = answers.get(2 * i).get();
      Resp second = answers.get(2 * i + 1).get();
      int created = (first.status() == 201 ? 1 : 0) + (second.status() == 201 ? 1 : 0);
      assertEquals(1, created, names.get(i) + ": " + first.status() + " " + first.body() + " / " + second.status()
          + " " + second.body());
      Resp refused = first.status() == 201 ? second : first;
      assertTrue(refused.status() >= 400 && refused.status() < 500, refused.status() + " " + refused.body());
      assertEquals(1, Db.countCentral("SELECT COUNT(*) FROM companies WHERE name = ?", names.get(i)), names.get(i));
    }
  }

  @Test
  @Order(3)
  void remindersAreSentOnceWithBothNodesRunning() throws Exception {
    Api.Tenant t = a.registerCompany("cluster-reminders");
    Resp appliance = a.post("/api/appliances", "{\"appliance_type_id\":4,\"name\":\"Ice Cubes (5kg)\","
        + "\"price\":5000}", t.token());
    long ice = ApplianceSalesIT.applianceId(appliance, "Ice Cubes (5kg)");
    Resp policy = b.post("/api/sms-appliance-remind-rate", "{\"appliance_type_id\":" + ice
        + ",\"overdue_remind_rate\":1,\"remind_rate\":3,\"enabled\":true}", t.token());
    assertEquals(200, policy.status(), policy.body());
    PeopleIT.api = a;
    long buyer = PersonDevicesPaymentsIT.id(PeopleIT.create(t, "Rehema", "Kumbuka", "+255716000009", null));
    long userId = count(t, "SELECT id FROM users ORDER BY id LIMIT 1");
    Resp sale = a.post("/api/appliances/person/" + ice + "/people/" + buyer, "{\"user_id\":" + userId
        + ",\"cost\":5000,\"rate\":3,\"rate_type\":\"monthly\"}", t.token());
    assertEquals(200, sale.status(), sale.body());
    long saleId = sale.obj().getJsonObject("data").getJsonObject("appliance_person").getJsonNumber("id").longValue();
    List<Long> rates = new ArrayList<>();
    for (var v : b.get("/api/appliances/person/" + saleId + "/rates", t.token()).obj().getJsonArray("data")) {
      rates.add(v.asJsonObject().getJsonNumber("id").longValue());
    }
    assertEquals(3, rates.size());
    // the first rate 5 days overdue, the second due in 2 days: each is reminded once, by one node or the other
    Db.exec(t, "UPDATE appliance_rates SET due_date = CURRENT_DATE - INTERVAL 5 DAY WHERE id = " + rates.get(0),
        "UPDATE appliance_rates SET due_date = CURRENT_DATE + INTERVAL 2 DAY WHERE id = " + rates.get(1));
    String reminders = "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id IN ("
        + rates.get(0) + ", " + rates.get(1) + ")";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count(t, reminders) < 2 && System.nanoTime() < end) {
      Thread.sleep(250);
    }
    Thread.sleep(7_000); // two more rounds of each node's reminder clock
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id = "
        + rates.get(0)), "the overdue rate reminded once");
    assertEquals(1, count(t, "SELECT COUNT(*) FROM sms WHERE trigger_type = 'appliance_rate' AND trigger_id = "
        + rates.get(1)), "the rate due soon reminded once");
  }

  @Test
  @Order(4)
  void aLogoutOnOneNodeIsRefusedOnTheOtherAtOnce() {
    Api.Tenant t = b.registerCompany("cluster-logout");
    int rounds = 20;
    long logoutNanos = 0;
    for (int round = 0; round < rounds; round++) {
      String token = a.login(t.ownerEmail(), t.password());
      // B has seen the token (and remembers that it is not denied)
      assertEquals(200, b.get("/api/auth/me", token).status());
      assertEquals(200, b.get("/api/auth/me", token).status());
      long started = System.nanoTime();
      Resp out = a.post("/api/auth/logout", null, token);
      logoutNanos += System.nanoTime() - started;
      assertEquals(200, out.status(), out.body());
      Resp after = b.get("/api/auth/me", token);
      assertEquals(401, after.status(), "round " + round + ": " + after.body());
    }
    System.out.printf("ClusterIT: %d logouts on A refused on B at once; a logout took %.1f ms on average%n",
        rounds, logoutNanos / 1e6 / rounds);
  }

  @Test
  @Order(5)
  void aChangeOfRolesOnOneNodeHoldsOnTheOtherAtOnce() {
    Api.Tenant t = a.registerCompany("cluster-roles");
    for (int round = 0; round < 5; round++) {
      String email = "cluster-admin-" + System.nanoTime() + "@example.com";
      Resp created = a.post("/api/users", "{\"name\":\"Admin\",\"email\":\"" + email
          + "\",\"password\":\"secret123\",\"roles\":[\"admin\"]}", t.token());
      assertEquals(200, created.status(), created.body());
      long id = created.obj().getJsonObject("data").getJsonNumber("id").longValue();
      String admin = a.login(email, "secret123");
      // B remembers the user as an admin
      assertEquals(200, b.get("/api/users/1", admin).status());
      assertEquals(200, b.get("/api/users/1", admin).status());
      Resp demoted = a.put("/api/users/" + id, "{\"roles\":[\"user\"]}", t.token());
      assertEquals(200, demoted.status(), demoted.body());
      assertEquals(403, b.get("/api/users/1", admin).status(), "round " + round + ": the demoted user on B");
      Resp promoted = b.put("/api/users/" + id, "{\"roles\":[\"admin\"]}", t.token());
      assertEquals(200, promoted.status(), promoted.body());
      assertEquals(200, a.get("/api/users/1", admin).status(), "round " + round + ": the promoted user on A");
    }
  }

  @Test
  @Order(6)
  void aTariffChangeOnOneNodeIsUsedByTheOtherAtOnce() throws Exception {
    Api.Tenant t = PaymentCrashIT.t;
    Resp tariff = a.post("/api/tariffs", "{\"name\":\"Cluster tariff\",\"price\":250,\"currency\":\"TZS\"}",
        t.token());
    assertEquals(201, tariff.status(), tariff.body());
    long tariffId = GeographyIT.id(tariff);
    String serial = "CLUSTER-TARIFF-1";
    meterOnTariff(tariffId, serial, "Bahati", "+255715980001");
    HttpClient client = PaymentCrashIT.client();
    // B prices the first payment with 250 a kWh and remembers the tariff's terms (for 10 s).
    long before = transactionId(PaymentCrashIT.post(client, urlB, new Payment("cluster-tariff-1", serial, 1000)));
    Resp changed = a.put("/api/tariffs/" + tariffId, "{\"name\":\"Cluster tariff\",\"price\":400,"
        + "\"currency\":\"TZS\"}", t.token());
    assertEquals(200, changed.status(), changed.body());
    // at once, on B: the new price, not the remembered one
    long after = transactionId(PaymentCrashIT.post(client, urlB, new Payment("cluster-tariff-2", serial, 1000)));
    double first = tokenEnergy(before);
    double second = tokenEnergy(after);
    assertEquals(4.0, first, "1000 at the old price of 250 a kWh buys 4.000 kWh; B's first token has " + first);
    assertEquals(2.5, second, "1000 at the new price of 400 a kWh, changed on A, buys 2.500 kWh on B at once;"
        + " B's token has " + second + (second == 4.0 ? " (the old price B remembered)" : ""));
  }

  @Test
  @Order(7)
  void accessRateDebtsAreAccruedOnceWithBothNodesRunning() throws Exception {
    Api.Tenant t = PaymentCrashIT.t;
    Resp tariff = a.post("/api/tariffs", "{\"name\":\"Cluster access rate\",\"price\":250,\"currency\":\"TZS\","
        + "\"access_rate\":{\"id\":null,\"access_rate_amount\":150,\"access_rate_period\":7}}", t.token());
    assertEquals(201, tariff.status(), tariff.body());
    long meter = meterOnTariff(GeographyIT.id(tariff), "CLUSTER-ACCESS-1", "Upendo", "+255715980002");
    String account = "SELECT COUNT(*) FROM access_rate_payments WHERE meter_id = " + meter;
    // Either node's clock opens the meter's account (due one period ahead, no debt); both running open it once.
    long opened = awaitCount(t, account, 1);
    assertEquals(1, opened, "one access-rate account opened for the meter; found " + opened);
    // The account falls due: one period (7 days) is owed, which both nodes' clocks (every 3 s) look for.
    LocalDateTime due = LocalDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = Db.tenant(t)) {
      Db.exec(c, "UPDATE access_rate_payments SET due_date = ? WHERE meter_id = ?", due, meter);
    }
    awaitCount(t, account + " AND debt > 0", 1);
    Thread.sleep(10_000); // three more rounds of each node's accrual clock
    try (Connection c = Db.tenant(t); PreparedStatement s = c.prepareStatement("SELECT debt, unpaid_in_row,"
        + " due_date FROM access_rate_payments WHERE meter_id = ?")) {
      s.setLong(1, meter);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getDouble(1) + " owed, " + rs.getDouble(2) + " unpaid in a row, due " + rs.getObject(3,
              LocalDateTime.class));
        }
      }
      assertEquals(List.of(150.0 + " owed, " + 1.0 + " unpaid in a row, due " + due.plusDays(7)), rows,
          "one account, charged the one period that fell due once: 150 owed (charged by both nodes it would owe"
          + " 300, 2 unpaid)");
    }
  }

  @Test
  @Order(8)
  void theQueuedWorkOfAKilledNodeIsFinishedByTheOther() throws Exception {
    Api.Tenant t = PaymentCrashIT.t;
    Map<String, Long> accepted = new ConcurrentHashMap<>();
    List<Payment> lost = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger seq = new AtomicInteger();
    HttpClient client = PaymentCrashIT.client();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      clients.execute(() -> {
        while (!stop.get()) {
          int i = seq.incrementAndGet();
          // the remotely vended meters: their vends wait in the queue after the payment commits
          Payment p = new Payment("cluster-kill-" + i, PaymentCrashIT.SERIALS.get(1 + 2 * (i % 4)), 1500);
          try {
            HttpResponse<String> answer = PaymentCrashIT.post(client, server.baseUrl(), p);
            if (answer.statusCode() == 200) {
              accepted.put(p.key(), transactionId(answer));
            } else {
              lost.add(p);
            }
          } catch (IOException | RuntimeException e) {
            lost.add(p);
            return;
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }
    long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (accepted.size() < 20 && System.nanoTime() < warm) {
      Thread.sleep(20);
    }
    server.kill();
    stop.set(true);
    clients.shutdown();
    assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
    long pendingAtKill;
    long leasedAtKill;
    try (Connection c = Db.tenant(t)) {
      pendingAtKill = count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'pending'");
      leasedAtKill = count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'pending' AND attempts > 0"
          + " AND next_attempt_at > UTC_TIMESTAMP(3)");
    }
    // The agent app sends the payments whose answers were lost again, now through B.
    int replayed = 0;
    for (Payment p : lost) {
      HttpResponse<String> answer = PaymentCrashIT.post(client, urlB, p);
      assertEquals(200, answer.statusCode(), p.key() + ": " + answer.body());
      Long earlier = accepted.put(p.key(), transactionId(answer));
      assertTrue(earlier == null || earlier == transactionId(answer), p.key());
      if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
        replayed++;
      }
    }
    Set<Long> ids = new HashSet<>(accepted.values());
    assertEquals(accepted.size(), ids.size(), "every key has its own transaction");
    awaitQueueEmpty(Duration.ofSeconds(120));
    assertOneTokenEach(ids);
    System.out.println("ClusterIT: A killed with " + accepted.size() + " payments accepted, " + pendingAtKill
        + " jobs pending (" + leasedAtKill + " of them claimed by A), " + lost.size() + " answers lost and sent"
        + " to B (" + replayed + " had been booked by A); B finished all, one token each");
    assertTrue(pendingAtKill > 0, "A left queued work when it was killed");
  }

  /**
   * A meter of the demo manufacturer on the tariff, with a customer of that name and phone and a device: through A.
   * Returns the meter's id.
   */
  static long meterOnTariff(long tariffId, String serial, String name, String phone) throws Exception {
    Api.Tenant t = PaymentCrashIT.t;
    long maker = count(t, "SELECT id FROM manufacturers WHERE api_name = 'DemoMeterManufacturerApi'"
        + " ORDER BY id LIMIT 1");
    long type = count(t, "SELECT id FROM meter_types ORDER BY id LIMIT 1");
    Resp meter = a.post("/api/meters", "{\"serial_number\":\"" + serial + "\",\"manufacturer_id\":" + maker
        + ",\"meter_type_id\":" + type + ",\"in_use\":1,\"tariff_id\":" + tariffId + "}", t.token());
    assertEquals(201, meter.status(), meter.body());
    long meterId = GeographyIT.id(meter);
    PeopleIT.api = a;
    long person = PersonDevicesPaymentsIT.id(PeopleIT.create(t, name, "Cluster", phone, null));
    Db.exec(t, "INSERT INTO devices (person_id, device_type, device_id, device_serial, created_at, updated_at)"
        + " VALUES (" + person + ", 'meter', " + meterId + ", '" + serial + "', NOW(), NOW())");
    return meterId;
  }

  /** The energy of the transaction's token, waited for at most 30 s. */
  static double tokenEnergy(long transactionId) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = Db.tenant(PaymentCrashIT.t);
        PreparedStatement s = c.prepareStatement("SELECT token_amount FROM tokens WHERE transaction_id = ?")) {
      s.setLong(1, transactionId);
      while (true) {
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return rs.getDouble(1);
          }
        }
        assertTrue(System.nanoTime() < end, "a token for transaction " + transactionId + " within 30 s; none");
        Thread.sleep(200);
      }
    }
  }

  /** Polls the count until it is {@code expected} (at most 30 s); the last count. */
  static long awaitCount(Api.Tenant t, String sql, long expected) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long found = count(t, sql);
    while (found != expected && System.nanoTime() < end) {
      Thread.sleep(250);
      found = count(t, sql);
    }
    return found;
  }

  static void awaitQueueEmpty(Duration wait) throws Exception {
    long end = System.nanoTime() + wait.toNanos();
    try (Connection c = Db.tenant(PaymentCrashIT.t)) {
      while (count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'pending'") > 0 && System.nanoTime() < end) {
        Thread.sleep(500);
      }
      assertEquals(0, count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'pending'"), "no job left pending");
    }
  }

  /** Every payment of {@code ids} has its token, no transaction has two, and no queued job gave up. */
  static void assertOneTokenEach(Set<Long> ids) throws Exception {
    try (Connection c = Db.tenant(PaymentCrashIT.t)) {
      assertEquals(ids.size(), count(c, "SELECT COUNT(*) FROM tokens WHERE transaction_id IN (" + join(ids) + ")"),
          "a token for every payment");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT transaction_id FROM tokens GROUP BY transaction_id"
          + " HAVING COUNT(*) > 1) d"), "one token per transaction");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM payment_jobs WHERE state = 'failed'"), "no job gave up");
    }
  }

  static String join(Set<Long> ids) {
    StringBuilder out = new StringBuilder();
    for (Long id : ids) {
      out.append(out.length() == 0 ? "" : ",").append(id);
    }
    return out.toString();
  }

  static long transactionId(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    return PaymentCrashIT.transactionId(answer.body());
  }
}
