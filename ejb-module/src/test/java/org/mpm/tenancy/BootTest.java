package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BootTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  @AfterEach
  void tearDown() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void tenantsAreMigratedTwoAtATimeAndAFailureStopsNoOther() {
    List<String> databases = IntStream.range(0, 12).mapToObj(i -> "tenant_" + i).toList();
    Set<String> migrated = ConcurrentHashMap.newKeySet();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Boot.migrateAll(executor, databases, db -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
        if (db.equals("tenant_3") || db.equals("tenant_4")) {
          throw new IllegalStateException("migration of " + db + " failed");
        }
        migrated.add(db);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
    });
    assertEquals(10, migrated.size());
    assertTrue(most.get() <= Boot.PARALLEL_MIGRATIONS, "at most two at a time, was " + most.get());
  }

  @Test
  void noTenantsNoWork() {
    Boot.migrateAll(executor, List.of(), db -> {
      throw new AssertionError(db);
    });
  }
}
