package org.mpm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One tenant EntityManager per JTA transaction, bound to the tenant's own XA pool. Weld rejects a
 * {@code @TransactionScoped} producer of EntityManager (not Serializable), hence this holder with a transient
 * manager, closed when the transaction ends. A transaction serves one tenant: asking for another fails.
 */
@TransactionScoped
public class TenantEntityManagerHolder implements Serializable {

  private static final long serialVersionUID = 1L;

  @PersistenceUnit(unitName = "tenant")
  transient EntityManagerFactory factory;

  private transient EntityManager entityManager;
  private String databaseName;

  EntityManager get(String database, DataSource dataSource) {
    if (entityManager != null) {
      if (!databaseName.equals(database)) {
        throw new IllegalStateException(
            "This transaction already works on tenant " + databaseName + ", not " + database);
      }
      return entityManager;
    }
    EntityManager em = factory.createEntityManager(SynchronizationType.SYNCHRONIZED, Map.of(
        "jakarta.persistence.jtaDataSource", dataSource,
        "eclipselink.jdbc.exclusive-connection.mode", "Always"));
    em.joinTransaction();
    this.entityManager = em;
    this.databaseName = database;
    return em;
  }

  @PreDestroy
  void close() {
    if (entityManager != null && entityManager.isOpen()) {
      entityManager.close();
    }
  }
}
