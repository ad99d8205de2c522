package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

  /** A registry whose companies are given, or whose central database is away. */
  static TenantRegistry registry(List<Object[]> companies) {
    TenantRegistry registry = new TenantRegistry() {
      @Override
      public List<Object[]> allTenants() {
        if (companies == null) {
          throw new IllegalStateException("central database away");
        }
        return companies;
      }
    };
    registry.waiting = new WaitingCompanies();
    return registry;
  }

  static final List<Object[]> THREE = List.of(new Object[] {1L, "tenant_a"}, new Object[] {2, "tenant_b"},
      new Object[] {3L, "tenant_c"});

  @Test
  void oneCompanysFailureDoesNotStopTheOthers() {
    List<String> done = new ArrayList<>();
    registry(THREE).forEachCompany("test work", Runnable::run, (id, db) -> {
      if (id == 2) {
        throw new IllegalStateException("company 2 fails");
      }
      done.add(id + ":" + db);
    });
    assertEquals(List.of("1:tenant_a", "3:tenant_c"), done);
  }

  @Test
  void aCompanyWaitingForItsMigrationIsPassedBy() {
    List<String> done = new ArrayList<>();
    TenantRegistry registry = registry(THREE);
    registry.waiting.add("second", List.of("tenant_b"));
    registry.forEachCompany("test work", Runnable::run, (id, db) -> done.add(id + ":" + db));
    assertEquals(List.of("1:tenant_a", "3:tenant_c"), done);
  }

  @Test
  void eachCompanyOnTheExecutor() throws Exception {
    List<String> done = Collections.synchronizedList(new ArrayList<>());
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      registry(THREE).forEachCompany("test work", executor, (id, db) -> done.add(Thread.currentThread().getName()));
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertEquals(3, done.size());
    assertTrue(done.stream().noneMatch(name -> name.equals(Thread.currentThread().getName())));
  }

  @Test
  void nothingRunsWhenTheCompaniesCannotBeListed() {
    List<Long> done = new ArrayList<>();
    registry(null).forEachCompany("test work", Runnable::run, (id, db) -> done.add(id));
    assertTrue(done.isEmpty());
  }

  static List<Object[]> companies(int n) {
    List<Object[]> out = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      out.add(new Object[] {i, "tenant_" + i});
    }
    return out;
  }

  @Test
  void aRoundOverManyCompaniesWorksOnAFewAtOnceAndLeavesTheExecutorRoom() throws Exception {
    List<Long> done = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    // An executor that refuses work beyond 6 threads, as the server's managed executor does beyond its pool.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(6, 6, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
    try {
      registry(companies(200)).forEachCompany("test work", executor, (id, db) -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        done.add(id);
      });
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
    }
    assertEquals(200, done.size());
    assertEquals(200, new HashSet<>(done).size());
    assertTrue(most.get() <= TenantRegistry.LANES, "at most " + TenantRegistry.LANES + " at once: " + most.get());
  }

  @Test
  void aRoundIsSkippedWhileThePreviousOneIsGoingAndRunsAgainAfterIt() throws Exception {
    TenantRegistry registry = registry(THREE);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      registry.forEachCompany("slow work", executor, (id, db) -> {
        runs.incrementAndGet();
        started.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertTrue(started.await(10, TimeUnit.SECONDS));
      List<Long> other = Collections.synchronizedList(new ArrayList<>());
      registry.forEachCompany("slow work", executor, (id, db) -> other.add(id));
      registry.forEachCompany("other work", executor, (id, db) -> other.add(id));
      release.countDown();
      for (int i = 0; i < 100 && (runs.get() < 3 || other.size() < 3); i++) {
        Thread.sleep(20);
      }
      assertEquals(3, runs.get());
      Thread.sleep(100);
      // The second round of the slow work was skipped; the other work ran for every company.
      assertEquals(3, other.size());
      registry.forEachCompany("slow work", Runnable::run, (id, db) -> other.add(id));
      assertEquals(6, other.size());
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aRoundWhoseLanesAreAllRefusedEndsAndTheNextRuns() {
    List<Long> done = new ArrayList<>();
    TenantRegistry registry = registry(THREE);
    registry.forEachCompany("refused work", r -> {
      throw new RejectedExecutionException("full");
    }, (id, db) -> done.add(id));
    assertTrue(done.isEmpty());
    registry.forEachCompany("refused work", Runnable::run, (id, db) -> done.add(id));
    assertEquals(List.of(1L, 2L, 3L), done);
  }
}
