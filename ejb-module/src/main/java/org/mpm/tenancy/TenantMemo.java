package org.mpm.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.mpm.common.AfterTransaction;

/**
 * Values computed from a company's database and remembered for a short time, per topic (e.g. the people, the
 * users). A committed change to a topic of a company forgets everything remembered for it at once, on this server
 * and, in a cluster, on the others too (told through the cluster's topic {@value #CLUSTER_TOPIC}, see
 * {@link ClusterTopic}); a change made straight in the database is seen when the value's time is up. At most
 * {@value #MAX_ENTRIES} values are kept; past that the least useful ones go first.
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

  /** Counts per place of the dashboards (kept by their own version, see {@code PlacementChanges}). */
  public static final String PLACES = "places";

  /** The cluster's topic on which members tell each other of committed changes (topic and database). */
  static final String CLUSTER_TOPIC = "mpm-memo-changes";

  /** How many values are remembered at most. */
  static final int MAX_ENTRIES = 20_000;

  /** A value with the version of its topic when it was computed, kept for {@code ttlNanos}. */
  private record Remembered(Object value, long version, long ttlNanos) {}

  /** The version of each topic of each company; a committed change moves it on. */
  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
  private final Cache<String, Remembered> values;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The other servers of the cluster, told of this server's committed changes. */
  private ClusterTopic cluster = ClusterTopic.NONE;

  /** Joins the cluster's topic of changes, if the server is in a cluster. */
  @PostConstruct
  void joinCluster() {
    cluster = ClusterTopic.join(CLUSTER_TOPIC, this::forget);
  }

  /**
   * Created with the application, not at its first use: the other members wait for this one to confirm each change
   * it is told of (see {@link ClusterTopic#publish}).
   */
  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // creating the bean joined the cluster
  }

  @PreDestroy
  void leaveCluster() {
    cluster.leave();
  }

  public TenantMemo() {
    this(Ticker.systemTicker(), MAX_ENTRIES);
  }

  /** A memo on the given clock and size (tests). */
  TenantMemo(Ticker ticker, long maxEntries) {
    values = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfter(Expiry.creating((String key, Remembered r) -> Duration.ofNanos(r.ttlNanos())))
        .ticker(ticker)
        // clean-up on the calling thread, not on a thread the container does not manage
        .executor(Runnable::run)
        .build();
  }

  /** The remembered value, or a freshly computed one (a null result is not remembered). */
  @SuppressWarnings("unchecked")
  public <T> T get(String topic, String database, String key, long ttlNanos, Supplier<T> compute) {
    String scope = topic + '\u0000' + database;
    long version = version(scope).get();
    String entry = scope + '\u0000' + key;
    Remembered r = values.getIfPresent(entry);
    if (r != null && r.version() == version) {
      return (T) r.value();
    }
    T value = compute.get();
    if (value != null) {
      values.put(entry, new Remembered(value, version, ttlNanos));
    }
    return value;
  }

  /** The value remembered under the key (whatever version of its topic it was computed at), or null. */
  @SuppressWarnings("unchecked")
  public <T> T remembered(String topic, String database, String key) {
    Remembered r = values.getIfPresent(topic + '\u0000' + database + '\u0000' + key);
    return r == null ? null : (T) r.value();
  }

  /** Remembers a value computed elsewhere (a null value is not remembered). */
  public void remember(String topic, String database, String key, long ttlNanos, Object value) {
    String scope = topic + '\u0000' + database;
    if (value != null) {
      values.put(scope + '\u0000' + key, new Remembered(value, version(scope).get(), ttlNanos));
    }
  }

  /**
   * Forgets what is remembered for the topic of the company once the current transaction has committed, here and on
   * the cluster's other servers (once per transaction, however often the transaction reports the change).
   */
  public void changed(String topic, String database) {
    String scope = topic + '\u0000' + database;
    String reported = "mpm-memo-changed\u0000" + scope;
    if (transactions.getResource(reported) != null) {
      return;
    }
    transactions.putResource(reported, Boolean.TRUE);
    AfterTransaction.onCommit(transactions, () -> {
      forget(scope);
      cluster.publish(scope);
    });
  }

  /** Forgets what is remembered for a scope (topic and database): its values are computed afresh when next asked. */
  private void forget(String scope) {
    version(scope).incrementAndGet();
  }

  /** How many values are remembered now (after pending evictions). */
  long size() {
    values.cleanUp();
    return values.estimatedSize();
  }

  private AtomicLong version(String scope) {
    return versions.computeIfAbsent(scope, s -> new AtomicLong());
  }
}
