package org.mpm.tenancy;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lifts EclipseLink's cap of 50 concurrent "non-pooled" client connections per factory. Every tenant
 * EntityManager brings its own container pool, which already bounds connections; without this the 51st
 * concurrent tenant transaction waits forever. Also guards the unit's first login ({@link DeploymentLoginGuard}).
 */
public class TenancySessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session instanceof ServerSession server) {
      server.setMaxNumberOfNonPooledConnections(ServerSession.NO_MAX);
    }
    DeploymentLoginGuard.install(session);
  }
}
