package org.mpm.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;

/**
 * The way into a tenant's data: the EntityManager of the current JTA transaction, on the XA pool of the tenant
 * bound in {@link TenantContext}. Call it from a {@code @Stateless} service method (the transaction boundary).
 *
 * <p>One manager per transaction, kept as a resource of the transaction in the container's
 * {@link TransactionSynchronizationRegistry} (a map lookup, cheap enough to call for every statement) and closed
 * when the transaction completes. A transaction serves one tenant: asking for another fails.
 */
@ApplicationScoped
public class TenantDatabase {

  /** The key of the transaction's tenant manager among the transaction's resources. */
  private static final Object KEY = TenantDatabase.class.getName() + ".em";

  @Inject TenantContext context;
  @Inject TenantDataSources dataSources;
  @Resource TransactionSynchronizationRegistry transactions;

  @PersistenceUnit(unitName = "tenant")
  EntityManagerFactory factory;

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
    EntityManager em = factory.createEntityManager(SynchronizationType.SYNCHRONIZED, Map.of(
        "jakarta.persistence.jtaDataSource", dataSources.dataSource(database),
        "eclipselink.jdbc.exclusive-connection.mode", "Always"));
    em.joinTransaction();
    transactions.putResource(KEY, new Bound(database, em));
    transactions.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (em.isOpen()) {
          em.close();
        }
      }
    });
    return em;
  }

  /** The name of the current company's database. */
  public String databaseName() {
    return context.databaseName();
  }

  public long companyId() {
    return context.companyId();
  }
}
