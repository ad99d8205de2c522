package org.mpm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The {@link TenantDataSources} of the server the application runs on ({@link AppServer}). */
@ApplicationScoped
public class TenantDataSourcesProducer {

  @Produces
  @ApplicationScoped
  TenantDataSources tenantDataSources(Instance<PayaraTenantDataSources> payara,
      Instance<WildFlyTenantDataSources> wildFly) {
    return AppServer.current() == AppServer.WILDFLY ? wildFly.get() : payara.get();
  }
}
