package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionCapTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  /** The pools as a server keeps them: connections per database, opened when all are taken. */
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
  private final List<String> emptied = Collections.synchronizedList(new ArrayList<>());

  private ConnectionCap cap(int max) {
    return new ConnectionCap(max, 1_000, 60_000, db -> {
      assertEquals(0, busy.getOrDefault(db, new AtomicInteger()).get(), "a pool in use is never emptied: " + db);
      open.remove(db);
      emptied.add(db);
    }, now::get);
  }

  /** A transaction on a database, as the container runs it: the cap first, then a connection of the pool. */
  private void begin(ConnectionCap cap, String db) {
    cap.enter(db);
    int inUse = busy.computeIfAbsent(db, k -> new AtomicInteger()).incrementAndGet();
    open.computeIfAbsent(db, k -> new AtomicInteger()).accumulateAndGet(inUse, Math::max);
  }

  private void end(ConnectionCap cap, String db) {
    busy.get(db).decrementAndGet();
    cap.leave(db);
  }

  private int connections() {
    return open.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Test
  void companiesServedOneAfterAnotherNeverKeepMoreThanTheCap() {
    ConnectionCap cap = cap(10);
    for (int i = 0; i < 200; i++) {
      begin(cap, "db" + i);
      end(cap, "db" + i);
      now.addAndGet(2_000);
      assertTrue(connections() <= 10, "connections after company " + i + ": " + connections());
    }
    assertEquals(10, cap.held());
    assertEquals(190, cap.emptied());
    assertTrue(cap.report().startsWith("190 pools emptied, "), cap.report());
    assertEquals(null, cap.report());
    // the least recently served went first
    assertEquals("db0", emptied.get(0));
    assertEquals("db189", emptied.get(emptied.size() - 1));
  }

  @Test
  void aPoolUsedAgainIsNotEmptiedAndItsConnectionIsCountedOnce() {
    ConnectionCap cap = cap(3);
    for (int round = 0; round < 5; round++) {
      for (String db : List.of("a", "b", "c")) {
        begin(cap, db);
        end(cap, db);
        now.addAndGet(2_000);
      }
    }
    assertEquals(List.of(), emptied);
    assertEquals(3, cap.held());
  }

  @Test
  void aPoolInUseOrJustLeftIsNeverEmptied() {
    ConnectionCap cap = cap(2);
    begin(cap, "busy");
    begin(cap, "recent");
    end(cap, "recent");
    begin(cap, "third");
    // over the cap, but "busy" runs a transaction and "recent" ended less than a second ago
    assertEquals(List.of(), emptied);
    assertEquals(3, connections());
    now.addAndGet(1_500);
    begin(cap, "fourth");
    assertEquals(List.of("recent"), emptied);
    end(cap, "busy");
    end(cap, "third");
    end(cap, "fourth");
    now.addAndGet(1_500);
    cap.makeRoom();
    assertTrue(cap.held() <= 2, "held " + cap.held());
    assertTrue(connections() <= 2, "connections " + connections());
  }

  @Test
  void transactionsAtOnceAreCountedAsConnections() {
    ConnectionCap cap = cap(4);
    for (int i = 0; i < 3; i++) {
      begin(cap, "big");
    }
    for (int i = 0; i < 3; i++) {
      end(cap, "big");
    }
    assertEquals(3, cap.held());
    now.addAndGet(2_000);
    begin(cap, "x");
    end(cap, "x");
    now.addAndGet(2_000);
    begin(cap, "y");
    // 3 + 1 + 1 > 4: the least recently used pool, with its three connections, is emptied
    assertEquals(List.of("big"), emptied);
    assertEquals(2, cap.held());
    end(cap, "y");
  }

  @Test
  void aPoolClosesItsConnectionsItselfAfterItsIdleTimeout() {
    ConnectionCap cap = cap(5);
    for (int i = 0; i < 5; i++) {
      begin(cap, "db" + i);
      end(cap, "db" + i);
    }
    now.addAndGet(120_000);
    assertEquals(0, cap.held());
    begin(cap, "new");
    assertEquals(List.of(), emptied);
    end(cap, "new");
  }

  @Test
  void noCapEmptiesNothing() {
    ConnectionCap cap = cap(0);
    for (int i = 0; i < 50; i++) {
      begin(cap, "db" + i);
      end(cap, "db" + i);
      now.addAndGet(2_000);
    }
    cap.makeRoom();
    assertEquals(List.of(), emptied);
    assertEquals(50, cap.held());
  }

  @Test
  void aTransactionWaitsWhileItsPoolIsEmptied() throws Exception {
    CountDownLatch emptying = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inUseWhileEmptying = new AtomicInteger();
    ConnectionCap cap = new ConnectionCap(1, 1_000, 60_000, db -> {
      emptying.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inUseWhileEmptying.set(busy.getOrDefault(db, new AtomicInteger()).get());
    }, now::get);
    begin(cap, "old");
    end(cap, "old");
    now.addAndGet(2_000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      pool.submit(() -> begin(cap, "new"));
      assertTrue(emptying.await(10, TimeUnit.SECONDS), "the old pool is being emptied");
      var wanted = pool.submit(() -> begin(cap, "old"));
      Thread.sleep(200);
      assertFalse(wanted.isDone(), "a transaction on the pool being emptied waits");
      release.countDown();
      wanted.get(10, TimeUnit.SECONDS);
      assertEquals(0, inUseWhileEmptying.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyThreadsOnManyCompaniesStayNearTheCap() throws Exception {
    ConnectionCap cap = cap(20);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger most = new AtomicInteger();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            String db = "db" + ((i * 7 + thread * 13) % 100);
            begin(cap, db);
            most.accumulateAndGet(connections(), Math::max);
            end(cap, db);
            now.addAndGet(200);
          }
          return null;
        }));
      }
      for (var f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // the cap kept, plus the transactions running at once (8) and the pools left less than a second ago, which are
    // not emptied yet; without the cap, all 100 pools would keep a connection
    assertTrue(most.get() <= 40, "most connections at once: " + most.get());
    assertTrue(cap.emptied() > 0);
  }
}
