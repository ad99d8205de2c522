package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.logging.Logger;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.tenancy.TenantRegistry;

/**
 * The Android gateway's reports on a message (MPM's {@code /api/sms-android-callback/{uuid}/…/{company}}): sent,
 * delivered or failed. The company is the one named in the path; only an outgoing message of that company with
 * this uuid changes. An unknown company, uuid or another company's uuid changes nothing and is answered alike.
 */
@Stateless
public class SmsCallbacks {

  private static final Logger LOG = Logger.getLogger(SmsCallbacks.class.getName());

  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject TenantDatabase tenantDb;

  /** Records {@code status} for the company's message {@code uuid}; whether a message changed. */
  public boolean report(String company, String uuid, int status) {
    long companyId;
    try {
      companyId = Long.parseLong(company);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<String> database = registry.databaseOf(companyId);
    if (database.isEmpty() || uuid == null || uuid.length() > 50) {
      LOG.warning("SMS callback for an unknown company or uuid");
      return false;
    }
    tenant.set(companyId, database.get());
    int changed = tenantDb.em().createNativeQuery("UPDATE sms SET status = ?, updated_at = ? WHERE uuid = ?"
            + " AND direction = 1")
        .setParameter(1, status).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(3, uuid)
        .executeUpdate();
    if (changed == 0) {
      LOG.warning("SMS callback for a uuid the company did not issue");
    }
    return changed > 0;
  }

  /**
   * A gateway plugin's report on an outgoing message of the current company, found by the reference the gateway
   * answered (which replaced its uuid): its new status; whether a message changed.
   */
  public boolean reportByReference(String reference, int status) {
    if (reference == null || reference.isEmpty() || reference.length() > 50) {
      return false;
    }
    return tenantDb.em().createNativeQuery("UPDATE sms SET status = ?, updated_at = ? WHERE uuid = ?"
            + " AND direction = 1")
        .setParameter(1, status).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(3, reference)
        .executeUpdate() > 0;
  }
}
