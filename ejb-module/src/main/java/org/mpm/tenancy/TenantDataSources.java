package org.mpm.tenancy;

import javax.sql.DataSource;

/**
 * The server-specific part of tenancy: one container-managed XA pool per tenant database, created at runtime
 * for companies registered after boot and re-created at startup. Payara has its implementation; another server
 * gets its own behind this interface.
 */
public interface TenantDataSources {

  /** The enlisted (XA) data source of a tenant database, creating its pool on first use. */
  DataSource dataSource(String databaseName);

  /** Removes the pool of a tenant database, if there is one (after a failed provisioning). */
  void remove(String databaseName);

  /** How many tenant pools exist now. */
  int poolCount();
}
