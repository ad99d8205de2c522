package org.mpm.tenancy;

import java.net.URL;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.persistence.internal.jpa.EntityManagerFactoryProvider;
import org.eclipse.persistence.internal.jpa.EntityManagerSetupImpl;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Keeps a deployment that fails on its database from poisoning the next one. When the application server
 * validates the persistence units at deployment and a unit's first login fails (the database is unreachable,
 * the credentials are refused), Payara Server closes that unit but not the others of the module, which EclipseLink
 * keeps in its JVM-wide registry with the class loader of the failed deployment; the next deployment of the same
 * module would reuse them and fail with {@code ClassNotFoundException} on the entity classes until the server is
 * restarted. So, until a unit has logged in once, a failed login first releases the module's other units from that
 * registry. Later failures (a database restarting while the application runs) pass through untouched.
 */
final class DeploymentLoginGuard extends JNDIConnector {

  private static final Logger LOG = Logger.getLogger(DeploymentLoginGuard.class.getName());

  private final transient Session session;
  private volatile boolean connectedOnce;

  private DeploymentLoginGuard(JNDIConnector original, Session session) {
    super(original.getDataSource());
    setName(original.getName());
    setLookupType(original.getLookupType());
    setContext(original.getContext());
    this.session = session;
  }

  /**
   * Puts the guard in front of a server session's data source: its login's and those of its connection pools
   * (JTA units only; nothing else changes).
   */
  static void install(Session session) {
    if (session instanceof ServerSession server) {
      List<Login> logins = new ArrayList<>();
      logins.add(server.getDatasourceLogin());
      if (server.getReadConnectionPool() != null) {
        logins.add(server.getReadConnectionPool().getLogin());
      }
      for (ConnectionPool pool : server.getConnectionPools().values()) {
        logins.add(pool.getLogin());
      }
      for (Login login : logins) {
        if (login instanceof DatasourceLogin datasource && datasource.getConnector() instanceof JNDIConnector jndi
            && !(jndi instanceof DeploymentLoginGuard)) {
          datasource.setConnector(new DeploymentLoginGuard(jndi, session));
        }
      }
    }
  }

  @Override
  public Connection connect(Properties properties, Session s) {
    try {
      Connection c = super.connect(properties, s);
      connectedOnce = true;
      return c;
    } catch (RuntimeException e) {
      if (!connectedOnce) {
        releaseSiblings();
      }
      throw e;
    }
  }

  /** Forgets the other not yet closed units of this module in EclipseLink's registry. */
  private void releaseSiblings() {
    URL root = null;
    List<EntityManagerSetupImpl> siblings = new ArrayList<>();
    synchronized (EntityManagerFactoryProvider.emSetupImpls) {
      for (EntityManagerSetupImpl impl : EntityManagerFactoryProvider.getEmSetupImpls().values()) {
        if (impl.getSession() == session && impl.getPersistenceUnitInfo() != null) {
          root = impl.getPersistenceUnitInfo().getPersistenceUnitRootUrl();
        }
      }
      if (root == null) {
        return;
      }
      for (EntityManagerSetupImpl impl : EntityManagerFactoryProvider.getEmSetupImpls().values()) {
        if (impl.getSession() != session && impl.getPersistenceUnitInfo() != null
            && Objects.equals(String.valueOf(root),
                String.valueOf(impl.getPersistenceUnitInfo().getPersistenceUnitRootUrl()))) {
          siblings.add(impl);
        }
      }
    }
    for (EntityManagerSetupImpl impl : siblings) {
      for (int i = impl.getFactoryCount(); i > 0 && !impl.isUndeployed(); i--) {
        impl.undeploy();
      }
      LOG.info(() -> "Released persistence unit " + impl.getPersistenceUnitUniqueName()
          + " after a failed login at deployment");
    }
  }

  @Override
  public Object clone() {
    // A clone serves another data source (a tenant's pool): it is a plain connector.
    JNDIConnector plain = new JNDIConnector(getDataSource());
    plain.setName(getName());
    plain.setLookupType(getLookupType());
    plain.setContext(getContext());
    return plain;
  }
}
