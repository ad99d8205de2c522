package org.mpm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mpm.tenancy.DatabaseConfig;

/** Ready when the central database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Inject DatabaseConfig config;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = config.openDirect(config.centralDatabase())) {
      return HealthCheckResponse.named("central-database").status(c.isValid(2)).build();
    } catch (Exception e) {
      return HealthCheckResponse.named("central-database").down().build();
    }
  }
}
