package org.mpm.transaction.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.customer.Person;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.RevenueSummary;

/**
 * Rows the payment pipeline writes from several steps (acceptance, token recording, the vend queue): a payment's
 * {@code payment_histories} rows and the status of provider rows.
 */
public final class PaymentRows {

  /** The head of a multi-row {@code payment_histories} insert ({@link NativeSql#insertRows}). */
  public static final String HISTORY_INSERT = "INSERT INTO payment_histories (amount, transaction_id,"
      + " payment_service, sender, payment_type, paid_for_type, paid_for_id, payer_type, payer_id, created_at,"
      + " updated_at)";
  /** One row of {@link #HISTORY_INSERT}. */
  public static final String HISTORY_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private PaymentRows() {}

  /** The values of a {@code payment_histories} row ({@link #HISTORY_ROW}) of a payment by a person. */
  public static Object[] historyRow(long transactionId, String service, String sender, BigDecimal amount,
      String type, String paidForType, long paidForId, long personId, LocalDateTime at) {
    Timestamp ts = Timestamp.valueOf(at);
    return new Object[] {amount.doubleValue(), transactionId, service, sender, type, paidForType, paidForId,
        Person.MORPH, personId, ts, ts};
  }

  /** Sets the status of provider rows (one statement) and counts their transactions in or out of the summary. */
  public static void setProviderStatus(EntityManager em, PaymentProvider provider, List<Long> rowIds, int status,
      LocalDateTime at) {
    RevenueSummary.beforeStatus(em, provider, rowIds, status);
    Query q = em.createNativeQuery("UPDATE " + provider.table() + " SET status = ?, updated_at = ? WHERE id IN ("
            + NativeSql.in(rowIds.size()) + ")")
        .setParameter(1, status).setParameter(2, Timestamp.valueOf(at));
    NativeSql.bindIn(q, 3, rowIds);
    q.executeUpdate();
  }
}
