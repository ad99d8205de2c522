package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompanyDrainsTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    executor.shutdownNow();
    scheduler.shutdownNow();
    assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertTrue(condition.getAsBoolean(), what);
  }

  /** Inside a drain: says so, then waits for the test to let it go on. */
  private static void holdUntil(CountDownLatch inside, CountDownLatch release) {
    inside.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void manyCompaniesAreDrainedAFewAtOnceAndEachOneAtATime() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Map<Long, AtomicInteger> perCompany = new ConcurrentHashMap<>();
    Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    CompanyDrains drains = new CompanyDrains("test", 3, 0, executor, scheduler, (id, db) -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      if (perCompany.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      sleep(2);
      perCompany.get(id).decrementAndGet();
      runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      running.decrementAndGet();
      return false;
    });
    for (int round = 0; round < 3; round++) {
      for (long id = 1; id <= 60; id++) {
        if (id % 2 == 0) {
          drains.wake(id, "tenant_" + id);
        } else {
          drains.poll(id, "tenant_" + id);
        }
      }
    }
    await(() -> runs.size() == 60 && running.get() == 0, "every company drained");
    sleep(50);
    assertTrue(most.get() <= 3, "at most 3 at once: " + most.get());
    assertEquals(0, overlaps.get(), "one drain per company at a time");
    // Wakes while a company waits or runs make at most one more round each.
    assertTrue(runs.values().stream().allMatch(n -> n.get() >= 1 && n.get() <= 3), runs.toString());
  }

  @Test
  void aWakeDuringADrainMakesItRunOnceMore() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CompanyDrains drains = new CompanyDrains("test", 2, 0, executor, scheduler, (id, db) -> {
      if (runs.incrementAndGet() == 1) {
        holdUntil(inside, release);
      }
      return false;
    });
    drains.wake(7, "tenant_7");
    assertTrue(inside.await(10, TimeUnit.SECONDS));
    drains.wake(7, "tenant_7");
    drains.poll(7, "tenant_7");
    drains.wake(7, "tenant_7");
    release.countDown();
    await(() -> runs.get() == 2, "a second round");
    sleep(100);
    assertEquals(2, runs.get());
  }

  @Test
  void aDrainThatFindsMoreRunsAnotherRound() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CompanyDrains drains = new CompanyDrains("test", 1, 5, executor, scheduler,
        (id, db) -> runs.incrementAndGet() < 3);
    drains.wake(1, "tenant_1");
    await(() -> runs.get() == 3, "three rounds");
    sleep(100);
    assertEquals(3, runs.get());
  }

  @Test
  void wakesWithinTheGatheringTimeMakeOneDrain() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CompanyDrains drains = new CompanyDrains("test", 1, 200, executor, scheduler, (id, db) -> {
      runs.incrementAndGet();
      return false;
    });
    for (int i = 0; i < 20; i++) {
      drains.poll(1, "tenant_1");
    }
    await(() -> runs.get() == 1, "one drain");
    sleep(300);
    assertEquals(1, runs.get());
  }

  @Test
  void aDrainTheExecutorRefusesIsTriedAgainLater() throws Exception {
    AtomicInteger refusals = new AtomicInteger(3);
    Executor refusingAtFirst = task -> {
      if (refusals.getAndDecrement() > 0) {
        throw new RejectedExecutionException("the pool is full");
      }
      executor.execute(task);
    };
    List<Long> drained = Collections.synchronizedList(new ArrayList<>());
    CompanyDrains drains = new CompanyDrains("test", 2, 0, refusingAtFirst, scheduler, (id, db) -> {
      drained.add(id);
      return false;
    });
    drains.wake(1, "tenant_1");
    drains.poll(2, "tenant_2");
    await(() -> drained.size() == 2, "both companies drained after the refusals");
    // And the companies are not stuck: a later wake drains again.
    drains.wake(1, "tenant_1");
    await(() -> drained.size() == 3, "drained again");
  }

  @Test
  void companiesWithNewWorkGoBeforeThoseThePollWoke() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> order = Collections.synchronizedList(new ArrayList<>());
    CompanyDrains drains = new CompanyDrains("test", 1, 0, executor, scheduler, (id, db) -> {
      order.add(id);
      if (id == 0) {
        holdUntil(inside, release);
      }
      return false;
    });
    drains.wake(0, "tenant_0");
    assertTrue(inside.await(10, TimeUnit.SECONDS));
    for (long id = 1; id <= 10; id++) {
      drains.poll(id, "tenant_" + id);
    }
    drains.wake(99, "tenant_99");
    // A company the poll woke that gets new work moves up too.
    drains.wake(7, "tenant_7");
    release.countDown();
    await(() -> order.size() == 12, "all drained");
    assertEquals(List.of(0L, 99L, 7L), order.subList(0, 3));
    assertEquals(12, order.stream().distinct().count());
  }

  @Test
  void aFailingDrainDoesNotStopTheCompanyOrTheOthers() throws Exception {
    List<Long> drained = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger(1);
    CompanyDrains drains = new CompanyDrains("test", 1, 0, executor, scheduler, (id, db) -> {
      if (id == 1 && failures.getAndDecrement() > 0) {
        throw new IllegalStateException("database away");
      }
      drained.add(id);
      return false;
    });
    drains.wake(1, "tenant_1");
    drains.wake(2, "tenant_2");
    await(() -> drained.contains(2L), "the other company drained");
    drains.wake(1, "tenant_1");
    await(() -> drained.contains(1L), "the failed company drained at its next wake");
  }
}
