package org.mpm.plugins.safaricom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * M-Pesa payments reported by Daraja for an STK push the company started: the provider row is the push's row in
 * {@code safaricom_transactions}, written when the push was sent, so {@link #record} settles that row rather than
 * inserting one. A payment is admitted only for a push still waiting for its result and for exactly the amount
 * pushed; the idempotency key is the push's CheckoutRequestID.
 */
@ApplicationScoped
public class SafaricomPaymentProvider implements PaymentProvider {

  /** The idempotency scope of M-Pesa payments. */
  public static final String SCOPE = "safaricom";
  /** The push's row id. */
  public static final String ROW = "row";
  /** The amount the push asked for. */
  public static final String EXPECTED = "expected";
  /** The payer's phone, as the push was sent. */
  public static final String PHONE = "phone";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return SafaricomTransaction.MORPH;
  }

  @Override
  public String table() {
    return "safaricom_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String phone = r.stringAttribute(PHONE);
    return phone == null ? "" : phone;
  }

  /**
   * The push's row: left waiting while the payment is processed; failed (if it was still waiting) when the payment
   * is refused.
   */
  @Override
  public long record(PaymentRequest r, int status) {
    long row = r.longAttribute(ROW);
    if (status != STATUS_PENDING) {
      NativeSql.execute(tenantDb.connection(), "UPDATE safaricom_transactions SET status = ?, updated_at = ?"
          + " WHERE id = ? AND status = 0", List.of(status, Timestamp.valueOf(Timestamped.nowUtc()), row));
    }
    return row;
  }

  /** Locks the pushes' rows, then admits a payment only for a waiting push and the amount it asked for. */
  @Override
  public Admission admit(List<PaymentRequest> requests) {
    List<Long> rows = requests.stream().map(r -> r.longAttribute(ROW)).distinct().sorted().toList();
    Query q = tenantDb.em().createNativeQuery("SELECT id, status FROM safaricom_transactions WHERE id IN ("
        + NativeSql.in(rows.size()) + ") ORDER BY id FOR UPDATE");
    NativeSql.bindIn(q, 1, rows);
    Map<Long, Integer> statuses = new HashMap<>();
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      statuses.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
    }
    return new Admission() {
      @Override
      public void check(PaymentRequest r) {
        Integer status = statuses.get(r.longAttribute(ROW));
        if (status == null || status != STATUS_PENDING) {
          throw PaymentRejectedException.invalid("status", "The M-Pesa push is no longer waiting for a payment.");
        }
        BigDecimal expected = new BigDecimal(r.stringAttribute(EXPECTED));
        if (r.amount().compareTo(expected) != 0) {
          throw PaymentRejectedException.invalid("amount", "M-PESA amount mismatch: paid "
              + r.amount().stripTrailingZeros().toPlainString() + ", requested "
              + expected.stripTrailingZeros().toPlainString() + ".");
        }
      }

      @Override
      public void book(List<Booked> booked) {}
    };
  }
}
