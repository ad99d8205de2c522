package org.mpm.tenancy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.AfterTransaction;

/**
 * The way into a tenant's data: the EntityManager of the current JTA transaction, on the XA pool of the tenant
 * bound in {@link TenantContext}. Call it from a {@code @Stateless} service method (the transaction boundary).
 *
 * <p>One manager per transaction, kept as a resource of the transaction in the container's
 * {@link TransactionSynchronizationRegistry} (a map lookup, cheap enough to call for every statement) and closed
 * when the transaction completes. A transaction serves one tenant: asking for another fails.
 *
 * <p>A company whose database waits for its migration ({@link WaitingCompanies}) is refused with a 503.
 *
 * <p>Every such transaction is counted by the {@link ConnectionCap}, which keeps the connections of all company
 * pools under {@code mpm.tenant.connections.cap} ({@code MPM_TENANT_CONNECTIONS_CAP}, 100; 0 for no cap).
 */
@ApplicationScoped
public class TenantDatabase {

  private static final Logger LOG = Logger.getLogger(TenantDatabase.class.getName());

  /** The key of the transaction's tenant manager among the transaction's resources. */
  private static final Object KEY = TenantDatabase.class.getName() + ".em";

  @Inject TenantContext context;
  @Inject TenantDataSources dataSources;
  @Inject WaitingCompanies waiting;
  @Resource TransactionSynchronizationRegistry transactions;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "mpm.tenant.connections.cap", defaultValue = "100")
  int connectionsCap;

  @Inject
  @ConfigProperty(name = "mpm.tenant.pool.idle-timeout-seconds", defaultValue = "60")
  int idleTimeoutSeconds;

  /**
   * How long a pool stays untouched after its last transaction before it may be emptied: the transaction is
   * counted out by an interposed synchronization, which runs just before the persistence provider and the pool
   * take its connection back on the same thread.
   */
  private static final long EMPTY_AFTER_MILLIS = 100;
  /** How often room is made once a busy moment has passed. */
  private static final long TIDY_SECONDS = 10;

  private ConnectionCap cap;
  private int ticks;

  @PersistenceUnit(unitName = "tenant")
  EntityManagerFactory factory;

  @PostConstruct
  void init() {
    cap = new ConnectionCap(connectionsCap, EMPTY_AFTER_MILLIS, idleTimeoutSeconds * 1_000L, dataSources::empty,
        System::currentTimeMillis);
    if (connectionsCap > 0) {
      scheduler.scheduleWithFixedDelay(this::tidy, TIDY_SECONDS, TIDY_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Makes room under the cap after a busy moment; says once a minute how many pools were emptied. */
  private void tidy() {
    cap.makeRoom();
    if (++ticks % (60 / TIDY_SECONDS) == 0) {
      String report = cap.report();
      if (report != null) {
        LOG.info(() -> "Company pools in the last minute: " + report);
      }
    }
  }

  /** The tenant manager of a transaction. */
  private record Bound(String database, EntityManager em) {}

  public EntityManager em() {
    String database = context.databaseName();
    if (transactions.getTransactionKey() == null) {
      throw new IllegalStateException("The tenant database is used outside a transaction");
    }
    Bound bound = (Bound) transactions.getResource(KEY);
    if (bound != null) {
      if (!bound.database().equals(database)) {
        throw new IllegalStateException(
            "This transaction already works on tenant " + bound.database() + ", not " + database);
      }
      return bound.em();
    }
    waiting.requireMigrated(database);
    cap.enter(database);
    EntityManager em;
    try {
      em = factory.createEntityManager(SynchronizationType.SYNCHRONIZED, Map.of(
          "jakarta.persistence.jtaDataSource", dataSources.dataSource(database),
          "eclipselink.jdbc.exclusive-connection.mode", "Always"));
      em.joinTransaction();
      transactions.putResource(KEY, new Bound(database, em));
      AfterTransaction.onCompletion(transactions, status -> {
        try {
          if (em.isOpen()) {
            em.close();
          }
        } finally {
          cap.leave(database);
        }
      });
    } catch (RuntimeException e) {
      cap.leave(database);
      throw e;
    }
    return em;
  }

  /** The key of the transaction's JDBC connection among the transaction's resources. */
  private static final Object CONNECTION_KEY = TenantDatabase.class.getName() + ".connection";

  /** The databases whose pool was seen to share its connection with the EntityManager in a transaction. */
  private final Set<String> sharingSeen = ConcurrentHashMap.newKeySet();

  /**
   * The JDBC connection of the current transaction on the tenant's pool, for statements whose rows are many (a
   * multi-row insert binds hundreds of values; the JPA query layer costs more per value than the driver). It is
   * the EntityManager's own connection: within a transaction the container hands out one physical connection
   * per pool (connection sharing), so both see the same locks and rows; that is checked once per database on
   * this server. Do not close it: it is closed when the transaction completes.
   */
  public Connection connection() {
    Connection held = (Connection) transactions.getResource(CONNECTION_KEY);
    if (held != null) {
      return held;
    }
    EntityManager em = em();
    String database = context.databaseName();
    Connection c;
    try {
      c = dataSources.dataSource(database).getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("No connection to the tenant database " + database, e);
    }
    transactions.putResource(CONNECTION_KEY, c);
    AfterTransaction.onCompletion(transactions, status -> {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the pool takes the connection back with the transaction anyway
      }
    });
    if (!sharingSeen.contains(database)) {
      long jpa = ((Number) em.createNativeQuery("SELECT CONNECTION_ID()").getSingleResult()).longValue();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
        rs.next();
        if (rs.getLong(1) != jpa) {
          throw new IllegalStateException("The pool of " + database + " does not share its connection within a"
              + " transaction; statements on it would not see the transaction's locks");
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Could not check the connection of " + database, e);
      }
      sharingSeen.add(database);
    }
    return c;
  }

  /** The name of the current company's database. */
  public String databaseName() {
    return context.databaseName();
  }

  public long companyId() {
    return context.companyId();
  }
}
