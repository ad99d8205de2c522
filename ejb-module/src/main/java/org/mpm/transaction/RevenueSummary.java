package org.mpm.transaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.mpm.common.NativeSql;

/**
 * The settled revenue per village, kind of device, meter connection group and type, and day, with the kWh of the
 * energy tokens it bought ({@code revenue_summaries}), that the dashboards read. A transaction counts from the moment
 * its provider row is settled ({@link SettledTransactions}) until it is not; its device is placed at its owner's
 * primary address at that moment. The rows are changed in the transaction that changes the provider rows' status, by
 * one upsert; a vend writes its token before it sets the status, so the token's kWh is counted with its payment.
 */
public final class RevenueSummary {

  private static final String COLUMNS = "INSERT INTO revenue_summaries (city_id, meter, connection_group_id,"
      + " connection_type_id, day, amount, payments, energy)";
  private static final String GROUPED = " a.city_id, m.id IS NOT NULL, COALESCE(m.connection_group_id, 0),"
      + " COALESCE(m.connection_type_id, 0), DATE(t.created_at)";
  private static final String PLACED = " FROM transactions t JOIN devices d ON d.device_serial = t.message"
      + " LEFT JOIN meters m ON d.device_type = 'meter' AND m.id = d.device_id"
      + " JOIN people p ON p.id = d.person_id AND p.deleted_at IS NULL"
      + " JOIN addresses a ON a.id = (SELECT MIN(a2.id) FROM addresses a2 WHERE a2.owner_type = 'person'"
      + " AND a2.owner_id = p.id AND a2.is_primary = 1)";

  private RevenueSummary() {}

  /**
   * Counts in (status becomes settled) or out (it stops being settled) the transactions of provider rows whose
   * status is about to be set to {@code status}. Call it before the status is written.
   */
  public static void beforeStatus(EntityManager em, PaymentProvider provider, List<Long> rowIds, int status) {
    boolean settles = status == PaymentProvider.STATUS_SUCCESS;
    upsert(em, provider, rowIds, settles ? "<> 1" : "= 1", settles ? "" : "-");
  }

  /** Counts in the transactions of provider rows recorded as settled already. */
  public static void booked(EntityManager em, PaymentProvider provider, List<Long> rowIds) {
    upsert(em, provider, rowIds, "= 1", "");
  }

  private static void upsert(EntityManager em, PaymentProvider provider, List<Long> rowIds, String status,
      String sign) {
    if (rowIds.isEmpty()) {
      return;
    }
    Query q = em.createNativeQuery(COLUMNS + " SELECT" + GROUPED + ", " + sign + "SUM(t.amount), " + sign
        + "COUNT(t.id), " + sign + "COALESCE(SUM(k.token_amount), 0)" + PLACED
        + " LEFT JOIN tokens k ON k.transaction_id = t.id AND k.token_type = 'energy'"
        + " JOIN " + provider.table() + " o ON o.id = t.original_transaction_id AND o.status " + status
        + " WHERE t.created_at IS NOT NULL AND a.city_id IS NOT NULL AND t.original_transaction_type = ?"
        + " AND t.original_transaction_id IN (" + NativeSql.in(rowIds.size()) + ") GROUP BY 1, 2, 3, 4, 5"
        + " ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount), payments = payments + VALUES(payments),"
        + " energy = energy + VALUES(energy)")
        .setParameter(1, provider.morph());
    NativeSql.bindIn(q, 2, rowIds);
    q.executeUpdate();
  }
}
