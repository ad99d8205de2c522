package org.mpm.tenancy;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import java.sql.Connection;

/**
 * The XA pool of the central database, defined in the application so that the WAR and the EAR deploy
 * unchanged. Its URL and credentials come from MicroProfile Config (environment MPM_DB_URL, MPM_DB_USER,
 * MPM_DB_PASSWORD), joined into one URL by {@link CentralPoolConfigSource} so that an empty password is sent as
 * none. Both persistence units use it as their default data source; it holds no tenant tables, so
 * a tenant query that misses its tenant pool fails instead of reading another company's rows. Every pool reads
 * committed data: a connection used outside a transaction must not carry an old snapshot into the next one.
 */
@Singleton
@DataSourceDefinition(
    name = CentralDataSource.JNDI_NAME,
    className = "com.mysql.cj.jdbc.MysqlXADataSource",
    url = "${MPCONFIG=" + CentralPoolConfigSource.KEY + "}",
    minPoolSize = 0,
    initialPoolSize = 0,
    maxPoolSize = 32,
    maxIdleTime = 300,
    transactional = true,
    isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
public class CentralDataSource {
  public static final String JNDI_NAME = "java:global/jdbc/mpm-central";
}
