package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

  /** A registry whose companies are given, or whose central database is away. */
  static TenantRegistry registry(List<Object[]> companies) {
    return new TenantRegistry() {
      @Override
      public List<Object[]> allTenants() {
        if (companies == null) {
          throw new IllegalStateException("central database away");
        }
        return companies;
      }
    };
  }

  static final List<Object[]> THREE = List.of(new Object[] {1L, "tenant_a"}, new Object[] {2, "tenant_b"},
      new Object[] {3L, "tenant_c"});

  @Test
  void oneCompanysFailureDoesNotStopTheOthers() {
    List<String> done = new ArrayList<>();
    registry(THREE).forEachCompany("test work", (id, db) -> {
      if (id == 2) {
        throw new IllegalStateException("company 2 fails");
      }
      done.add(id + ":" + db);
    });
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
    registry(null).forEachCompany("test work", (id, db) -> done.add(id));
    assertTrue(done.isEmpty());
  }
}
