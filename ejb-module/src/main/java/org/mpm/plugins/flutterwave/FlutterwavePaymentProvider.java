package org.mpm.plugins.flutterwave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.ProviderRows;

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
    Map<Long, Object[]> rows = ProviderRows.lockRequested(tenantDb.em(), "flutterwave_transactions", requests, ROW);
    return new Admission() {
      @Override
      public void check(PaymentRequest r) {
        Object[] row = rows.get(r.longAttribute(ROW));
        if (row == null) {
          throw PaymentRejectedException.invalid("reference", "The payment was not initialised.");
        }
        ProviderRows.requireAmount(r, row, "Flutterwave", "the payment was initialised");
        ProviderRows.requireCurrency(r.stringAttribute(CURRENCY), row, "Flutterwave", "the payment was initialised");
      }

      @Override
      public void book(List<Booked> booked) {}
    };
  }
}
