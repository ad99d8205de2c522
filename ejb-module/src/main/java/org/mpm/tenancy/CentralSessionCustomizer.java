package org.mpm.tenancy;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/** The central unit's session: guards its first login ({@link DeploymentLoginGuard}). */
public class CentralSessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DeploymentLoginGuard.install(session);
  }
}
