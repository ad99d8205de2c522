package org.mpm.company;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.ValidationException;
import org.mpm.plugin.MpmPlugin;
import org.mpm.tenancy.DatabaseMigrator;
import org.mpm.tenancy.DatabaseNames;
import org.mpm.tenancy.DatabaseServer;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantDataSources;
import org.mpm.tenancy.TenantServers;

/**
 * Registers a company: reserves its central rows, creates and migrates its database, seeds it, and only then
 * publishes the owner's login. A failure at any step removes the database and every central row; a crash is
 * cleaned up at the next start ({@link #recoverIncomplete}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CompanyRegistrationService {

  private static final Logger LOG = Logger.getLogger(CompanyRegistrationService.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject CompanyProvisioning steps;
  @Inject LoginDirectory directory;
  @Inject DatabaseMigrator migrator;
  @Inject TenantDataSources dataSources;
  @Inject TenantContext tenant;
  @Inject TenantServers servers;

  public Company register(CompanyRegistration r) {
    return register(r, null, null);
  }

  /**
   * @param databaseName a fixed database name (the demo company's {@code DemoCompany_1}), or null for MPM's
   *     generated name
   * @param currency the settings' currency, or null to keep the default
   */
  public Company register(CompanyRegistration r, String databaseName, String currency) {
    if (directory.exists(r.email())) {
      throw ValidationException.field("email", "The email has already been taken.");
    }
    if (directory.exists(r.ownerEmail())) {
      throw ValidationException.message("Owner account email already exists");
    }
    Long sameName = central.createQuery(
            "SELECT COUNT(c) FROM Company c WHERE LOWER(c.name) = LOWER(:n)", Long.class)
        .setParameter("n", r.name().trim()).getSingleResult();
    if (sameName > 0) {
      throw ValidationException.message("Company already exists");
    }
    Map<Long, String> plugins = new LinkedHashMap<>();
    for (Long id : r.pluginIds()) {
      MpmPlugin plugin = central.find(MpmPlugin.class, id);
      if (plugin == null) {
        throw ValidationException.field("plugins", "The selected plugin " + id + " is invalid.");
      }
      plugins.put(id, plugin.getName());
    }

    String db = databaseName != null ? DatabaseNames.requireSafe(databaseName)
        : DatabaseNames.forCompany(r.name(), Instant.now().getEpochSecond(), randomSuffix());
    Company company;
    DatabaseServer server;
    try {
      CompanyProvisioning.Reserved reserved = steps.reserve(r, db, servers.away());
      company = reserved.company();
      server = reserved.server();
    } catch (EJBException e) {
      if (e.getCausedByException() instanceof IllegalStateException) {
        // The generated database name is taken (or being provisioned) by another registration.
        throw ValidationException.message("Company already exists");
      }
      throw e;
    }
    boolean created = false;
    try {
      long t0 = System.nanoTime();
      migrator.createDatabase(server, db);
      created = true;
      long t1 = System.nanoTime();
      migrator.createTenantSchema(server, db);
      long t2 = System.nanoTime();
      dataSources.dataSource(db);
      long t3 = System.nanoTime();
      tenant.set(company.getId(), db);
      steps.seedTenant(company.getId(), r, currency, plugins);
      steps.finish(company, db, r.ownerEmail());
      long t4 = System.nanoTime();
      LOG.info(() -> "Company " + company.getId() + " (" + db + ") provisioned in " + (t4 - t0) / 1_000_000
          + " ms: database " + (t1 - t0) / 1_000_000 + " ms, schema " + (t2 - t1) / 1_000_000 + " ms, pool "
          + (t3 - t2) / 1_000_000 + " ms, seed " + (t4 - t3) / 1_000_000 + " ms");
      return company;
    } catch (RuntimeException e) {
      undo(company.getId(), created ? server : null, db);
      if (directory.exists(r.ownerEmail())) {
        throw ValidationException.message("Owner account email already exists");
      }
      throw e;
    }
  }

  /** Removes what an interrupted provisioning left (run at startup, before the tenants are migrated). */
  public int recoverIncomplete() {
    List<Object[]> rows = steps.incomplete();
    for (Object[] row : rows) {
      String db = (String) row[0];
      long companyId = ((Number) row[1]).longValue();
      LOG.warning(() -> "Removing company " + companyId + " (" + db + "): its provisioning did not finish");
      DatabaseServer server;
      try {
        server = servers.serverOf(db);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "The database server of the incomplete company " + companyId + " (" + db
            + ") is not known; it is retried at the next start", e);
        continue;
      }
      undo(companyId, server, db);
    }
    return rows.size();
  }

  /**
   * @param server the server of the database to drop, or null when this registration did not create it
   */
  private void undo(long companyId, DatabaseServer server, String db) {
    try {
      if (server != null) {
        dataSources.remove(db);
        migrator.dropDatabase(server, db);
      }
      steps.discard(companyId, db);
      servers.forget(db);
    } catch (RuntimeException cleanup) {
      LOG.log(Level.SEVERE, "Could not remove the incomplete company " + companyId + " (" + db
          + "); it is retried at the next start", cleanup);
    }
  }

  private static String randomSuffix() {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
    }
    return sb.toString();
  }
}
