package org.mpm.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Values computed from a company's database and remembered for a short time, per topic (e.g. the people, the
 * users). A committed change to a topic of a company on this server forgets everything remembered for it at once;
 * a change made through another server (or straight in the database) is seen when the value's time is up.
 */
@ApplicationScoped
public class TenantMemo {

  /** The company's users, their roles and permissions. */
  public static final String USERS = "users";
  /** The company's people and their addresses. */
  public static final String PEOPLE = "people";
  /** The company's agents (agent-app principals). */
  public static final String AGENTS = "agents";
  /** The company's tariffs as pricing terms (with the energy VAT of its settings). */
  public static final String TARIFFS = "tariffs";
  /** The company's agent commission plans (risk balance and commission rates). */
  public static final String AGENT_COMMISSIONS = "agent_commissions";

  private record Remembered(Object value, long version, long at) {}

  private static final int MAX_ENTRIES = 20_000;

  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
  private final Map<String, Remembered> values = new ConcurrentHashMap<>();

  @Resource TransactionSynchronizationRegistry transactions;

  /** The remembered value, or a freshly computed one (a null result is not remembered). */
  @SuppressWarnings("unchecked")
  public <T> T get(String topic, String database, String key, long ttlNanos, Supplier<T> compute) {
    String scope = topic + '\u0000' + database;
    long version = version(scope).get();
    long now = System.nanoTime();
    Remembered r = values.get(scope + '\u0000' + key);
    if (r != null && r.version() == version && now - r.at() < ttlNanos) {
      return (T) r.value();
    }
    T value = compute.get();
    if (value != null) {
      if (values.size() > MAX_ENTRIES) {
        values.clear();
      }
      values.put(scope + '\u0000' + key, new Remembered(value, version, now));
    }
    return value;
  }

  /** Forgets what is remembered for the topic of the company once the current transaction has committed. */
  public void changed(String topic, String database) {
    String scope = topic + '\u0000' + database;
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          version(scope).incrementAndGet();
        }
      }
    });
  }

  private AtomicLong version(String scope) {
    return versions.computeIfAbsent(scope, s -> new AtomicLong());
  }
}
