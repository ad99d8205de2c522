package org.mpm.plugins.flutterwave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
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
 * Payments through Flutterwave (morph {@code flutterwave_transaction}, rows in {@code flutterwave_transactions}). The
 * row is written when the payment is initialised (status 0, the amount and currency asked for); a transaction that
 * Flutterwave's verify endpoint confirms enters the pipeline with the row's id in {@link #ROW}, and this provider's
 * row is that row, brought to the pipeline's status. Its rule: the transaction must be for the amount and currency
 * the row was initialised with, checked under a lock on the row.
 */
@ApplicationScoped
public class FlutterwavePaymentProvider implements PaymentProvider {

  public static final String MORPH = "flutterwave_transaction";
  /** The {@code flutterwave_transactions} id the transaction is for. */
  public static final String ROW = "flutterwave_row";
  /** The currency Flutterwave reports for the transaction. */
  public static final String CURRENCY = "currency";
  /** Flutterwave's own id of the transaction. */
  public static final String EXTERNAL_ID = "external_id";
  /** The payer's phone (the customer's primary address), {@code transactions.sender}. */
  public static final String SENDER = "sender";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "flutterwave_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    long row = r.longAttribute(ROW);
    NativeSql.execute(tenantDb.connection(), "UPDATE flutterwave_transactions SET status = ?,"
        + " external_transaction_id = ?, updated_at = ? WHERE id = ?", Arrays.asList(status,
            r.stringAttribute(EXTERNAL_ID), Timestamp.valueOf(Timestamped.nowUtc()), row));
    return row;
  }

  @Override
  public Admission admit(List<PaymentRequest> requests) {
    List<Long> ids = requests.stream().map(r -> r.longAttribute(ROW)).distinct().sorted().toList();
    Query q = tenantDb.em().createNativeQuery("SELECT id, amount, currency FROM flutterwave_transactions WHERE id IN ("
        + NativeSql.in(ids.size()) + ") FOR UPDATE");
    NativeSql.bindIn(q, 1, ids);
    Map<Long, Object[]> rows = new HashMap<>();
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      rows.put(((Number) row[0]).longValue(), row);
    }
    return new Admission() {
      @Override
      public void check(PaymentRequest r) {
        Object[] row = rows.get(r.longAttribute(ROW));
        if (row == null) {
          throw PaymentRejectedException.invalid("reference", "The payment was not initialised.");
        }
        BigDecimal asked = new BigDecimal(row[1].toString());
        if (r.amount() == null || asked.compareTo(r.amount()) != 0) {
          throw PaymentRejectedException.invalid("amount", "Flutterwave reports " + (r.amount() == null ? "no amount"
              : r.amount().toPlainString()) + " paid; the payment was initialised for " + asked.toPlainString()
              + ".");
        }
        String currency = (String) row[2];
        if (!currency.equalsIgnoreCase(String.valueOf(r.stringAttribute(CURRENCY)))) {
          throw PaymentRejectedException.invalid("currency", "Flutterwave reports the currency "
              + r.stringAttribute(CURRENCY) + "; the payment was initialised in " + currency + ".");
        }
      }

      @Override
      public void book(List<Booked> booked) {}
    };
  }
}
