package org.mpm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tenant pools on Payara (Server and Micro), created with the server's own admin commands
 * ({@code create-jdbc-connection-pool}, {@code create-jdbc-resource}) through its command runner. Pools start
 * empty and shrink back to zero when idle, so many tenants fit the database server's connection limit; the
 * JDBC driver must be on the server's class path ({@code --addLibs} on Micro, the domain's {@code lib} folder on
 * Payara Server).
 *
 * <p>Payara Server keeps pools in its {@code domain.xml} across restarts and redeployments. A pool is therefore
 * made from the configuration of this deployment the first time it is asked for: one left by an earlier
 * deployment (perhaps for another database server) is removed and created again. The pool holds no secret: its
 * password is the reference {@code ${MPCONFIG=mpm.db.password}}, which the server resolves from its configuration
 * (the {@code MPM_DB_PASSWORD} environment entry) when it opens a connection; with no password configured, the
 * user goes in the URL and no password is sent at all (the admin commands have no notation for an empty one).
 * Chosen by {@link TenantDataSourcesProducer} when the server is Payara.
 */
@ApplicationScoped
@Typed(PayaraTenantDataSources.class)
public class PayaraTenantDataSources implements TenantDataSources {

  private static final Logger LOG = Logger.getLogger(PayaraTenantDataSources.class.getName());
  private static final String POOL_PREFIX = "mpm-tenant-";
  private static final String JNDI_PREFIX = "jdbc/mpm-tenant/";
  /** Prepared statements each pooled connection keeps. */
  private static final int STATEMENT_CACHE = 200;

  @Inject TenantServers servers;

  @Inject
  @ConfigProperty(name = "mpm.tenant.pool.max-size", defaultValue = "16")
  int maxPoolSize;

  @Inject
  @ConfigProperty(name = "mpm.tenant.pool.idle-timeout-seconds", defaultValue = "60")
  int idleTimeoutSeconds;

  private final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();

  @Override
  public DataSource dataSource(String databaseName) {
    DatabaseNames.requireSafe(databaseName);
    DataSource ds = dataSources.get(databaseName);
    if (ds != null) {
      return ds;
    }
    synchronized (this) {
      return dataSources.computeIfAbsent(databaseName, this::createPool);
    }
  }

  @Override
  public synchronized void remove(String databaseName) {
    if (!DatabaseNames.isSafe(databaseName)) {
      return;
    }
    dataSources.remove(databaseName);
    run("delete-jdbc-resource", List.of(JNDI_PREFIX + databaseName), true);
    run("delete-jdbc-connection-pool", List.of("--cascade=true", POOL_PREFIX + databaseName), true);
  }

  /** {@code flush-connection-pool}, which closes every connection of the pool: called only for one not in use. */
  @Override
  public void empty(String databaseName) {
    if (dataSources.containsKey(databaseName)) {
      run("flush-connection-pool", List.of(POOL_PREFIX + databaseName), false);
    }
  }

  @Override
  public int poolCount() {
    return dataSources.size();
  }

  private DataSource createPool(String databaseName) {
    DatabaseServer server = servers.serverOf(databaseName);
    String pool = POOL_PREFIX + databaseName;
    String jndi = JNDI_PREFIX + databaseName;
    if (lookup(jndi, false) != null) {
      // Left by an earlier deployment or an earlier start of the server: it may name another database server
      // or other credentials.
      run("delete-jdbc-resource", List.of(jndi), true);
      run("delete-jdbc-connection-pool", List.of("--cascade=true", pool), true);
      LOG.info(() -> "Removed the tenant pool " + pool + " found from before this deployment");
    }
    run("create-jdbc-connection-pool", List.of(
        "--datasourceclassname", "com.mysql.cj.jdbc.MysqlXADataSource",
        "--restype", "javax.sql.XADataSource",
        "--steadypoolsize", "0",
        "--maxpoolsize", Integer.toString(maxPoolSize),
        "--poolresize", "1",
        "--idletimeout", Integer.toString(idleTimeoutSeconds),
        "--maxwait", "30000",
        // Prepared statements kept per connection by the pool as well (the driver's parse cache is below it).
        "--statementcachesize", Integer.toString(STATEMENT_CACHE),
        "--isolationlevel", "read-committed",
        "--isisolationguaranteed", "false",
        "--isconnectvalidatereq", "true",
        "--validationmethod", "meta-data",
        "--failconnection", "true",
        "--property", poolProperties(DatabaseConfig.pooledUrlOf(server, databaseName), server),
        pool), false);
    run("create-jdbc-resource", List.of("--connectionpoolid", pool, jndi), false);
    LOG.info(() -> "Created tenant pool " + pool);
    return lookup(jndi, true);
  }

  /**
   * The pool's properties in the admin commands' syntax for a database's URL on a server: the URL, the user, and the
   * password as a reference to the configuration key it came from ({@code ${MPCONFIG=mpm.db.password}} for the
   * central database's server), which the server resolves when it opens a connection; a password read from a file
   * has no key and is written as it is. Without a password, the user is a parameter of the URL and no credential
   * property is set, so that the driver sends none.
   */
  static String poolProperties(String url, DatabaseServer server) {
    if (server.password().isEmpty()) {
      String withUser = url + (url.indexOf('?') >= 0 ? '&' : '?') + "user="
          + URLEncoder.encode(server.user(), StandardCharsets.UTF_8);
      return "url=" + escape(withUser);
    }
    String password = server.passwordKey() == null ? server.password() : "${MPCONFIG=" + server.passwordKey() + "}";
    return "url=" + escape(url) + ":user=" + escape(server.user()) + ":password=" + escape(password);
  }

  private static DataSource lookup(String jndi, boolean required) {
    try {
      return (DataSource) new InitialContext().lookup(jndi);
    } catch (NamingException e) {
      if (required) {
        throw new IllegalStateException("Tenant data source " + jndi + " is not available", e);
      }
      return null;
    }
  }

  /** asadmin property syntax: ':' separates properties, '=' separates name and value; both escaped by '\'. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }

  private static void run(String command, List<String> args, boolean ignoreFailure) {
    try {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, cl);
      Object locator = globals.getMethod("getDefaultBaseServiceLocator").invoke(null);
      Class<?> runnerType = Class.forName("org.glassfish.embeddable.CommandRunner", true, cl);
      Method getService = locator.getClass().getMethod("getService", Type.class,
          Annotation[].class);
      Object runner = getService.invoke(locator, runnerType, new Annotation[0]);
      Method runMethod = runnerType.getMethod("run", String.class, String[].class);
      Object result = runMethod.invoke(runner, command, args.toArray(new String[0]));
      Class<?> resultType = Class.forName("org.glassfish.embeddable.CommandResult", true, cl);
      String status = String.valueOf(resultType.getMethod("getExitStatus").invoke(result));
      if (!"SUCCESS".equals(status) && !"WARNING".equals(status)) {
        Object output = resultType.getMethod("getOutput").invoke(result);
        Object cause = resultType.getMethod("getFailureCause").invoke(result);
        String message = command + " failed: " + status + " " + output + (cause == null ? "" : " " + cause);
        if (ignoreFailure) {
          LOG.fine(message);
        } else {
          throw new IllegalStateException(message);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The server's command runner is not available for " + command, e);
    }
  }

  @PreDestroy
  void forget() {
    dataSources.clear();
  }
}
