package org.mpm.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantMemoTest {

  private static final long TTL = 10_000_000_000L;

  private final AtomicLong clock = new AtomicLong(1_000);
  private final FakeTransaction transaction = new FakeTransaction();
  private final AtomicInteger computed = new AtomicInteger();
  private TenantMemo memo;

  @BeforeEach
  void setUp() {
    memo = new TenantMemo(clock::get, 10);
    memo.transactions = transaction;
  }

  private Supplier<String> counting(String value) {
    return () -> {
      computed.incrementAndGet();
      return value;
    };
  }

  private String users(String database, String key) {
    return memo.get(TenantMemo.USERS, database, key, TTL, counting("roles of " + key));
  }

  @Test
  void aValueIsRememberedForItsTime() {
    assertEquals("roles of 7", users("tenant_a", "7"));
    clock.addAndGet(TTL - 1);
    assertEquals("roles of 7", users("tenant_a", "7"));
    assertEquals(1, computed.get());
    clock.addAndGet(1);
    assertEquals("roles of 7", users("tenant_a", "7"));
    assertEquals(2, computed.get());
  }

  @Test
  void eachValueKeepsItsOwnTime() {
    memo.get(TenantMemo.USERS, "tenant_a", "short", 1_000, counting("s"));
    memo.get(TenantMemo.USERS, "tenant_a", "long", TTL, counting("l"));
    clock.addAndGet(1_000);
    memo.get(TenantMemo.USERS, "tenant_a", "short", 1_000, counting("s"));
    memo.get(TenantMemo.USERS, "tenant_a", "long", TTL, counting("l"));
    assertEquals(3, computed.get());
  }

  @Test
  void aValueRememberedElsewhereIsFoundPerCompanyForItsTime() {
    assertNull(memo.remembered(TenantMemo.PLACES, "tenant_a", "clusters"));
    memo.remember(TenantMemo.PLACES, "tenant_a", "clusters", 1_000, "counts of a");
    memo.remember(TenantMemo.PLACES, "tenant_b", "clusters", 1_000, null);
    assertEquals("counts of a", memo.remembered(TenantMemo.PLACES, "tenant_a", "clusters"));
    assertNull(memo.remembered(TenantMemo.PLACES, "tenant_b", "clusters"), "another company's, never remembered");
    assertNull(memo.remembered(TenantMemo.USERS, "tenant_a", "clusters"), "another topic");
    clock.addAndGet(1_000);
    assertNull(memo.remembered(TenantMemo.PLACES, "tenant_a", "clusters"), "its time is up");
  }

  @Test
  void theNumberOfValuesIsBounded() {
    for (int i = 0; i < 100; i++) {
      users("tenant_a", Integer.toString(i));
    }
    assertTrue(memo.size() <= 10, "remembered " + memo.size());
    assertEquals(100, computed.get());
  }

  @Test
  void aCommittedChangeForgetsTheTopicOfThatCompany() {
    users("tenant_a", "7");
    users("tenant_b", "7");
    memo.get(TenantMemo.TARIFFS, "tenant_a", "3", TTL, counting("terms"));
    memo.changed(TenantMemo.USERS, "tenant_a");
    users("tenant_a", "7");
    assertEquals(3, computed.get(), "forgotten before the commit");
    transaction.complete(Status.STATUS_COMMITTED);
    users("tenant_a", "7");
    assertEquals(4, computed.get());
    users("tenant_b", "7");
    memo.get(TenantMemo.TARIFFS, "tenant_a", "3", TTL, counting("terms"));
    assertEquals(4, computed.get(), "another company or topic was forgotten");
  }

  @Test
  void aRolledBackChangeForgetsNothing() {
    users("tenant_a", "7");
    memo.changed(TenantMemo.USERS, "tenant_a");
    transaction.complete(Status.STATUS_ROLLEDBACK);
    users("tenant_a", "7");
    assertEquals(1, computed.get());
  }

  @Test
  void nullIsNotRemembered() {
    assertNull(memo.get(TenantMemo.AGENTS, "tenant_a", "9", TTL, counting(null)));
    assertNull(memo.get(TenantMemo.AGENTS, "tenant_a", "9", TTL, counting(null)));
    assertEquals(2, computed.get());
  }

  @Test
  void aTopicChangedTwiceInOneTransactionIsForgottenOnce() {
    memo.changed(TenantMemo.USERS, "tenant_a");
    memo.changed(TenantMemo.USERS, "tenant_a");
    memo.changed(TenantMemo.PEOPLE, "tenant_a");
    assertEquals(2, transaction.synchronizations.size());
    transaction.complete(Status.STATUS_COMMITTED);
    memo.changed(TenantMemo.USERS, "tenant_a");
    assertEquals(1, transaction.synchronizations.size(), "the next transaction reports it again");
  }

  /** The synchronizations of one transaction, completed by the test. */
  private static final class FakeTransaction implements TransactionSynchronizationRegistry {
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private final Map<Object, Object> resources = new HashMap<>();

    void complete(int status) {
      synchronizations.forEach(s -> s.afterCompletion(status));
      synchronizations.clear();
      resources.clear();
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  @Test
  void withoutHazelcastTheClusterTopicIsSilent() {
    ClusterTopic topic = ClusterTopic.join(TenantMemo.CLUSTER_TOPIC, message -> {
      throw new AssertionError(message);
    });
    assertSame(ClusterTopic.NONE, topic);
    assertFalse(topic.joined());
    topic.publish("users\u0000tenant_x");
    topic.leave();
  }
}
