package org.mpm.st;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpm.st.Api.Resp;
import org.mpm.st.Api.Tenant;

/**
 * The cap on the company pools' connections (MPM_TENANT_CONNECTIONS_CAP, {@value TestServer#CONNECTIONS_CAP} in the
 * suite): more companies than the cap served one after another and at once, with the database's own count of
 * connections to company databases read all along; every request answered, every write kept.
 */
class ConnectionCapIT {

  static final int COMPANIES = 45;
  /** Transactions running at once besides the test's (the suite's clocks and drains). */
  static final int BACKGROUND = 4;

  static Api api;
  static List<Tenant> companies = new ArrayList<>();

  @BeforeAll
  static void register() {
    api = new Api(TestServer.get());
    for (int i = 0; i < COMPANIES; i++) {
      companies.add(api.registerCompany("cap-" + i));
    }
  }

  /** Connections the database server has open to the company databases (the central one not counted). */
  static long connections() throws Exception {
    try (Connection c = Db.central()) {
      return Db.count(c, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB IN"
          + " (SELECT database_name FROM company_databases)");
    }
  }

  @Test
  void companiesServedOneAfterAnotherKeepNoMoreThanTheCap() throws Exception {
    long most = 0;
    for (int round = 0; round < 2; round++) {
      for (Tenant t : companies) {
        Resp r = api.get("/api/people", t.token());
        assertEquals(200, r.status(), r.body());
        most = Math.max(most, connections());
      }
    }
    System.out.printf("ConnectionCapIT: %d companies served one after another twice: at most %d connections to"
        + " company databases (cap %d)%n", COMPANIES, most, TestServer.CONNECTIONS_CAP);
    // the pools of the last fraction of a second are not emptied yet; the background may hold a few
    assertTrue(most <= TestServer.CONNECTIONS_CAP + BACKGROUND + 4,
        "at most " + most + " connections, cap " + TestServer.CONNECTIONS_CAP);
  }

  @Test
  void companiesServedAtOnceAreAllAnsweredAndTheirWritesKept() throws Exception {
    int threads = 6;
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLongArray created = new AtomicLongArray(COMPANIES);
    AtomicInteger requests = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    long[] most = {0};
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        done.add(pool.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (!stop.get()) {
            int i = random.nextInt(COMPANIES);
            Tenant t = companies.get(i);
            Resp r = random.nextBoolean()
                ? api.post("/api/people", "{\"name\":\"Cap\",\"surname\":\"Test\",\"is_customer\":true}", t.token())
                : api.get("/api/people", t.token());
            requests.incrementAndGet();
            if (r.status() == 201) {
              created.incrementAndGet(i);
            } else if (r.status() != 200) {
              failures.add(r.status() + " " + r.body());
            }
          }
          return null;
        }));
      }
      Future<?> sampler = pool.submit(() -> {
        while (!stop.get()) {
          most[0] = Math.max(most[0], connections());
          Thread.sleep(50);
        }
        return null;
      });
      Thread.sleep(15_000);
      stop.set(true);
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      sampler.get(60, TimeUnit.SECONDS);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    System.out.printf("ConnectionCapIT: %d requests from %d clients to %d companies in 15 s: at most %d connections"
        + " to company databases (cap %d), %d failed%n", requests.get(), threads, COMPANIES, most[0],
        TestServer.CONNECTIONS_CAP, failures.size());
    assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
    for (int i = 0; i < COMPANIES; i++) {
      assertEquals(created.get(i), Db.count(companies.get(i),
          "SELECT COUNT(*) FROM people WHERE name = 'Cap' AND surname = 'Test'"), "company " + i);
    }
    assertTrue(most[0] <= TestServer.CONNECTIONS_CAP + threads + BACKGROUND + 4,
        "at most " + most[0] + " connections, cap " + TestServer.CONNECTIONS_CAP);
  }
}
