package org.mpm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenant pools on WildFly: XA data sources of the server's {@code datasources} subsystem, added at run time
 * through its management API ({@link WildFlyManagement}) with the JDBC driver the server has registered
 * ({@code mpm.wildfly.jdbc-driver}, default {@code mysql}). Pools start empty and shrink back to zero when idle.
 * Chosen by {@link TenantDataSourcesProducer} when the server is WildFly.
 *
 * <p>WildFly keeps data sources in its configuration across restarts and redeployments. A pool is therefore
 * compared with the configuration of this deployment the first time it is asked for, and one that differs (left
 * for another database server, other credentials or sizes) is replaced. During the deployment itself WildFly
 * applies no configuration change, so at startup ({@link #prepare}) a pool that matches is taken and any other is
 * left to its first use. The password is the expression {@value #PASSWORD_EXPRESSION} when the configured password
 * is that environment entry's, so the server's configuration holds no secret; a password configured another way
 * (a system property, a configuration file) is written in clear, with a warning.
 */
@ApplicationScoped
@Typed(WildFlyTenantDataSources.class)
public class WildFlyTenantDataSources implements TenantDataSources {

  private static final Logger LOG = Logger.getLogger(WildFlyTenantDataSources.class.getName());
  static final String POOL_PREFIX = "mpm-tenant-";
  static final String JNDI_PREFIX = "java:jboss/datasources/mpm-tenant/";
  static final String PASSWORD_EXPRESSION = "${env.MPM_DB_PASSWORD}";
  /** Prepared statements each pooled connection keeps. */
  private static final int STATEMENT_CACHE = 200;

  @Inject TenantServers servers;

  @Inject
  @ConfigProperty(name = "mpm.tenant.pool.max-size", defaultValue = "16")
  int maxPoolSize;

  @Inject
  @ConfigProperty(name = "mpm.tenant.pool.idle-timeout-seconds", defaultValue = "60")
  int idleTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "mpm.wildfly.jdbc-driver", defaultValue = "mysql")
  String driver;

  private final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();
  private WildFlyManagement management;

  @Override
  public DataSource dataSource(String databaseName) {
    DatabaseNames.requireSafe(databaseName);
    DataSource ds = dataSources.get(databaseName);
    if (ds != null) {
      return ds;
    }
    synchronized (this) {
      return dataSources.computeIfAbsent(databaseName, db -> open(db, true));
    }
  }

  @Override
  public void prepare(String databaseName) {
    DatabaseNames.requireSafe(databaseName);
    synchronized (this) {
      if (!dataSources.containsKey(databaseName)) {
        DataSource ds;
        try {
          ds = open(databaseName, false);
        } catch (RuntimeException e) {
          // While the server itself boots, its management interface does not answer yet.
          ds = null;
          LOG.fine(() -> "The pool of " + databaseName + " could not be read: " + e);
        }
        if (ds != null) {
          dataSources.put(databaseName, ds);
        } else {
          LOG.info(() -> "The pool of " + databaseName + " is made ready at its first use");
        }
      }
    }
  }

  @Override
  public synchronized void remove(String databaseName) {
    if (!DatabaseNames.isSafe(databaseName)) {
      return;
    }
    dataSources.remove(databaseName);
    management().removeXaDataSourceLater(POOL_PREFIX + databaseName);
  }

  /** The data source's {@code flush-idle-connection-in-pool} operation. */
  @Override
  public void empty(String databaseName) {
    if (dataSources.containsKey(databaseName)) {
      management().flushIdleConnections(POOL_PREFIX + databaseName);
    }
  }

  @Override
  public int poolCount() {
    return dataSources.size();
  }

  /**
   * The pool of a database as this deployment's configuration wants it, or null when it would have to be changed
   * and {@code mayChange} is false.
   */
  private DataSource open(String databaseName, boolean mayChange) {
    String pool = POOL_PREFIX + databaseName;
    String jndi = JNDI_PREFIX + databaseName;
    DatabaseServer server = servers.serverOf(databaseName);
    Map<String, String> wanted = definition(jndi, DatabaseConfig.pooledUrlOf(server, databaseName), server,
        server.passwordEnvironmentName() == null ? null : System.getenv(server.passwordEnvironmentName()));
    wanted.putAll(poolSettings());
    Map<String, String> current = management().readXaDataSource(pool);
    if (current != null && matches(wanted, current)) {
      return lookup(jndi);
    }
    if (!mayChange) {
      return null;
    }
    if (current != null) {
      management().removeXaDataSource(pool);
      LOG.info(() -> "Removed the tenant pool " + pool + " found from before this deployment");
    }
    if (!wanted.getOrDefault("password", "").startsWith("${env.") && !server.password().isEmpty()) {
      LOG.warning(() -> "The password of the database server " + server.name() + " is not an environment entry:"
          + " the pool " + pool + " keeps it in WildFly's configuration");
    }
    management().addXaDataSource(pool, wanted);
    LOG.info(() -> "Created tenant pool " + pool);
    return lookup(jndi);
  }

  /**
   * The connection attributes of the pool of a database on a server; the password as an expression of the
   * environment entry it came from ({@value #PASSWORD_EXPRESSION} for the central database's server) when it is
   * that entry's, none when it is empty.
   */
  static Map<String, String> definition(String jndi, String url, DatabaseServer server,
      String environmentPassword) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("jndi-name", jndi);
    d.put(WildFlyManagement.URL, url);
    d.put("user-name", server.user());
    // The transaction manager's recovery of prepared branches after a crash logs in the same way.
    d.put("recovery-username", server.user());
    String password = server.password();
    if (!password.isEmpty()) {
      String value = password.equals(environmentPassword)
          ? "${env." + server.passwordEnvironmentName() + "}" : password;
      d.put("password", value);
      d.put("recovery-password", value);
    }
    return d;
  }

  /** Whether a pool read from the server has every wanted attribute, and a password only when one is wanted. */
  static boolean matches(Map<String, String> wanted, Map<String, String> current) {
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!e.getValue().equals(current.get(e.getKey()))) {
        return false;
      }
    }
    return wanted.containsKey("password") || !current.containsKey("password");
  }

  /** How every tenant pool is sized and checked. */
  private Map<String, String> poolSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("driver-name", driver);
    s.put("min-pool-size", "0");
    s.put("initial-pool-size", "0");
    s.put("max-pool-size", Integer.toString(maxPoolSize));
    s.put("pool-prefill", "false");
    // WildFly counts idle time in whole minutes.
    s.put("idle-timeout-minutes", Long.toString(Math.max(1, (idleTimeoutSeconds + 59) / 60)));
    s.put("blocking-timeout-wait-millis", "30000");
    s.put("transaction-isolation", "TRANSACTION_READ_COMMITTED");
    s.put("prepared-statements-cache-size", Integer.toString(STATEMENT_CACHE));
    s.put("valid-connection-checker-class-name",
        "org.jboss.jca.adapters.jdbc.extensions.mysql.MySQLValidConnectionChecker");
    s.put("validate-on-match", "true");
    s.put("background-validation", "false");
    s.put("exception-sorter-class-name", "org.jboss.jca.adapters.jdbc.extensions.mysql.MySQLExceptionSorter");
    // Pools may reach the same database server; MySQL cannot join one transaction branch from two
    // connections, so the transaction manager must not take two pools for one resource.
    s.put("same-rm-override", "false");
    return s;
  }

  private synchronized WildFlyManagement management() {
    if (management == null) {
      management = WildFlyManagement.local();
    }
    return management;
  }

  private static DataSource lookup(String jndi) {
    try {
      return (DataSource) new InitialContext().lookup(jndi);
    } catch (NamingException e) {
      throw new IllegalStateException("Tenant data source " + jndi + " is not available", e);
    }
  }

  @PreDestroy
  synchronized void close() {
    dataSources.clear();
    if (management != null) {
      management.close();
      management = null;
    }
  }
}
