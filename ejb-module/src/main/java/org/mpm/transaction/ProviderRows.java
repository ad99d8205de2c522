package org.mpm.transaction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mpm.common.NativeSql;

/**
 * The rules of a payment provider's row that is written when the payment is requested (Paystack, Flutterwave,
 * Pesapal) and brought to the pipeline's status when the provider confirms it.
 *
 * <p>The admission: the confirmed payment must be for the amount and currency the row was requested with, checked
 * under a lock on the row ({@link #lockRequested}, {@link #requireAmount}, {@link #requireCurrency}).
 *
 * <p>What the console may do with the row (its {@code PUT}/{@code DELETE /transactions/{id}}): only change or remove
 * one the provider's confirmation has not reached — no {@code transactions} row refers to it, no idempotency key of
 * its references was used (accepted or refused), and its status is neither success (1) nor completed (2). The
 * caller holds the row's lock, which the admission also takes.
 */
public final class ProviderRows {

  private ProviderRows() {}

  /** Whether the row was settled by the pipeline, and so may be neither changed nor deleted. */
  public static boolean settled(EntityManager em, String morph, long rowId, int status, String scope,
      String... references) {
    if (status == 1 || status == 2) {
      return true;
    }
    long booked = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM transactions WHERE original_transaction_type"
        + " = ? AND original_transaction_id = ?").setParameter(1, morph).setParameter(2, rowId).getSingleResult())
        .longValue();
    if (booked > 0) {
      return true;
    }
    List<String> keys = Arrays.stream(references).filter(Objects::nonNull).distinct().toList();
    if (keys.isEmpty()) {
      return false;
    }
    Query q = em.createNativeQuery("SELECT COUNT(*) FROM payment_idempotency_keys WHERE scope = ?"
        + " AND idempotency_key IN (" + NativeSql.in(keys.size()) + ")").setParameter(1, scope);
    NativeSql.bindIn(q, 2, keys);
    return ((Number) q.getSingleResult()).longValue() > 0;
  }

  /**
   * The rows a batch of payments is for, locked until the admission's transaction ends, by id: {@code id, amount,
   * currency} and then the {@code extra} columns.
   *
   * @param rowAttribute the payment attribute that holds its row's id
   */
  public static Map<Long, Object[]> lockRequested(EntityManager em, String table, List<PaymentRequest> requests,
      String rowAttribute, String... extra) {
    List<Long> ids = requests.stream().map(r -> r.longAttribute(rowAttribute)).distinct().sorted().toList();
    String columns = "id, amount, currency" + (extra.length == 0 ? "" : ", " + String.join(", ", extra));
    Query q = em.createNativeQuery("SELECT " + columns + " FROM " + table + " WHERE id IN ("
        + NativeSql.in(ids.size()) + ") FOR UPDATE");
    NativeSql.bindIn(q, 1, ids);
    Map<Long, Object[]> rows = new HashMap<>();
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      rows.put(((Number) row[0]).longValue(), row);
    }
    return rows;
  }

  /**
   * 422 on {@code amount} unless the provider reports the amount of the locked row.
   *
   * @param vendor the provider as its refusals name it
   * @param requested what the row was, e.g. "the payment was initialised"
   */
  public static void requireAmount(PaymentRequest r, Object[] row, String vendor, String requested) {
    BigDecimal asked = new BigDecimal(row[1].toString());
    if (r.amount() == null || asked.compareTo(r.amount()) != 0) {
      throw PaymentRejectedException.invalid("amount", vendor + " reports " + (r.amount() == null ? "no amount"
          : r.amount().toPlainString()) + " paid; " + requested + " for " + asked.toPlainString() + ".");
    }
  }

  /** 422 on {@code currency} unless the provider reports the currency of the locked row (in any case). */
  public static void requireCurrency(String reported, Object[] row, String vendor, String requested) {
    String currency = (String) row[2];
    if (!currency.equalsIgnoreCase(String.valueOf(reported))) {
      throw PaymentRejectedException.invalid("currency", vendor + " reports the currency " + reported + "; "
          + requested + " in " + currency + ".");
    }
  }
}
