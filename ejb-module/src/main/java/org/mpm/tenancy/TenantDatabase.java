package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The way into a tenant's data: the EntityManager of the current transaction, on the pool of the tenant bound
 * in {@link TenantContext}. Call it from a {@code @Stateless} service method (the transaction boundary).
 */
@ApplicationScoped
public class TenantDatabase {

  @Inject TenantContext context;
  @Inject TenantEntityManagerHolder holder;
  @Inject TenantDataSources dataSources;

  public EntityManager em() {
    String database = context.databaseName();
    return holder.get(database, dataSources.dataSource(database));
  }

  /** The name of the current company's database. */
  public String databaseName() {
    return context.databaseName();
  }

  public long companyId() {
    return context.companyId();
  }
}
