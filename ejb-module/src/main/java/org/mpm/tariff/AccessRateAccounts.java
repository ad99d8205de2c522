package org.mpm.tariff;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.tenancy.TenantDatabase;

/**
 * The access-rate accounts ({@code access_rate_payments}) of the current company, each step its own transaction.
 * Accrual is idempotent per period: an account is claimed with {@code FOR UPDATE SKIP LOCKED} and its due date
 * moves past now in the same update as its debt, so a second node (or a second run) finds nothing due. An account
 * a payment is paying right now is skipped and charged on the next run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccessRateAccounts {

  static final int BATCH = 500;

  @Inject TenantDatabase tenantDb;

  /**
   * Opens an account, first due one period from now with no debt, for each meter with an owner whose tariff has
   * an access rate (MPM creates it when the meter is registered — and then does not save it). Returns how many.
   */
  public int open(LocalDateTime now) {
    return em().createNativeQuery("INSERT IGNORE INTO access_rate_payments (meter_id, access_rate_id, due_date, debt,"
            + " unpaid_in_row, created_at, updated_at)"
            + " SELECT m.id, ar.id, DATE_ADD(?, INTERVAL ar.period DAY), 0, 0, ?, ? FROM meters m"
            + " JOIN devices d ON d.device_type = 'meter' AND d.device_id = m.id AND d.person_id IS NOT NULL"
            + " JOIN access_rates ar ON ar.tariff_id = m.tariff_id AND ar.amount > 0 AND ar.period > 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM access_rate_payments p WHERE p.meter_id = m.id"
            + " AND p.access_rate_id = ar.id)")
        .setParameter(1, Timestamp.valueOf(now)).setParameter(2, Timestamp.valueOf(now))
        .setParameter(3, Timestamp.valueOf(now)).executeUpdate();
  }

  /**
   * Charges up to {@code limit} accounts that have fallen due by {@code now}: for each period passed, the access
   * rate's amount is added to the debt, {@code unpaid_in_row} counts up and the due date moves one period on.
   * Returns the number of accounts charged.
   */
  public int accrue(LocalDateTime now, int limit) {
    // Accounts whose access rate is gone (or has no period) are left as they are.
    List<?> due = em().createNativeQuery("SELECT p.id, p.access_rate_id, p.due_date FROM access_rate_payments p"
            + " WHERE p.due_date <= ? AND EXISTS (SELECT 1 FROM access_rates ar WHERE ar.id = p.access_rate_id"
            + " AND ar.period > 0) ORDER BY p.due_date, p.id LIMIT ? FOR UPDATE SKIP LOCKED")
        .setParameter(1, Timestamp.valueOf(now)).setParameter(2, limit).getResultList();
    int charged = 0;
    for (Object o : due) {
      Object[] row = (Object[]) o;
      AccessRate rate = em().find(AccessRate.class, ((Number) row[1]).longValue());
      LocalDateTime dueDate = toLocal(row[2]);
      long id = ((Number) row[0]).longValue();
      if (rate == null || rate.getPeriod() <= 0) {
        continue; // deleted since the scan
      }
      long periods = Duration.between(dueDate, now).toDays() / rate.getPeriod() + 1;
      BigDecimal add = BigDecimal.valueOf(rate.getAmount()).multiply(BigDecimal.valueOf(periods));
      em().createNativeQuery("UPDATE access_rate_payments SET debt = debt + ?, unpaid_in_row = unpaid_in_row + ?,"
              + " due_date = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, add.doubleValue()).setParameter(2, periods)
          .setParameter(3, Timestamp.valueOf(dueDate.plusDays(periods * rate.getPeriod())))
          .setParameter(4, Timestamp.valueOf(now)).setParameter(5, id).executeUpdate();
      charged++;
    }
    return charged;
  }

  private static LocalDateTime toLocal(Object v) {
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof LocalDateTime l) {
      return l;
    }
    return Timestamp.valueOf(v.toString()).toLocalDateTime();
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
