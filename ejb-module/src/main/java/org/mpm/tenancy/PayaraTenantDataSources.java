package org.mpm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
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
 * JDBC driver must be on the server's class path ({@code --addLibs} on Micro).
 */
@ApplicationScoped
public class PayaraTenantDataSources implements TenantDataSources {

  private static final Logger LOG = Logger.getLogger(PayaraTenantDataSources.class.getName());
  private static final String POOL_PREFIX = "mpm-tenant-";
  private static final String JNDI_PREFIX = "jdbc/mpm-tenant/";
  /** Prepared statements each pooled connection keeps. */
  private static final int STATEMENT_CACHE = 200;

  @Inject DatabaseConfig config;

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

  @Override
  public int poolCount() {
    return dataSources.size();
  }

  private DataSource createPool(String databaseName) {
    String pool = POOL_PREFIX + databaseName;
    String jndi = JNDI_PREFIX + databaseName;
    DataSource existing = lookup(jndi, false);
    if (existing == null) {
      String props = "url=" + escape(config.pooledUrlOf(databaseName))
          + ":user=" + escape(config.user())
          // "()" is the admin commands' notation for an empty password; the pool refuses a missing one.
          + ":password=" + (config.password().isEmpty() ? "()" : escape(config.password()));
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
          "--property", props,
          pool), false);
      run("create-jdbc-resource", List.of("--connectionpoolid", pool, jndi), false);
      LOG.info(() -> "Created tenant pool " + pool);
    }
    return lookup(jndi, true);
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
