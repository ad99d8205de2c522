package org.mpm.imports;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.mpm.tenancy.TenantDatabase;

/** What a transaction import asks before a row enters the payment pipeline. */
@Stateless
public class TransactionImportChecks {

  @Inject TenantDatabase tenantDb;

  public boolean deviceExists(String serial) {
    return new ImportSql(tenantDb.connection()).id("SELECT id FROM devices WHERE device_serial = ?", serial) != null;
  }

  /** A transaction already booked for the serial with this amount at this time (MPM's duplicate check), or null. */
  public Long booked(String serial, double amount, LocalDateTime at) {
    return new ImportSql(tenantDb.connection()).id("SELECT id FROM transactions WHERE message = ? AND amount = ?"
        + " AND created_at = ? ORDER BY id LIMIT 1", serial, amount, Timestamp.valueOf(at));
  }
}
