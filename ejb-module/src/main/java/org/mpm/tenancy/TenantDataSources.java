package org.mpm.tenancy;

import javax.sql.DataSource;

/**
 * The server-specific part of tenancy: one container-managed XA pool per tenant database, created at runtime
 * for companies registered after boot and re-created at startup. Payara and WildFly each have their
 * implementation, chosen by {@link TenantDataSourcesProducer}.
 */
public interface TenantDataSources {

  /** The enlisted (XA) data source of a tenant database, creating its pool on first use. */
  DataSource dataSource(String databaseName);

  /**
   * Readies the pool of a tenant database at startup, while the application is being deployed. By default the
   * pool is created now; a server that cannot change its configuration during a deployment leaves what it cannot
   * do to the first {@link #dataSource} call.
   */
  default void prepare(String databaseName) {
    dataSource(databaseName);
  }

  /** Removes the pool of a tenant database, if there is one (after a failed provisioning). */
  void remove(String databaseName);

  /**
   * Closes the connections a tenant database's pool holds, none of which is in use ({@link ConnectionCap}); the
   * pool stays and opens connections again when next asked.
   */
  void empty(String databaseName);

  /** How many tenant pools exist now. */
  int poolCount();
}
