package org.mpm.plugins.flutterwave;

import jakarta.enterprise.context.ApplicationScoped;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.ProviderRows;
import org.mpm.transaction.RequestedRowProvider;

/**
 * Payments through Flutterwave (morph {@code flutterwave_transaction}, rows in {@code flutterwave_transactions}). The
 * row is written when the payment is initialised (status 0, the amount and currency asked for); a transaction that
 * Flutterwave's verify endpoint confirms enters the pipeline with the row's id in {@link #ROW}, and this provider's
 * row is that row, brought to the pipeline's status. Its rule: the transaction must be for the amount and currency
 * the row was initialised with, checked under a lock on the row.
 */
@ApplicationScoped
public class FlutterwavePaymentProvider extends RequestedRowProvider {

  public static final String MORPH = "flutterwave_transaction";
  /** The {@code flutterwave_transactions} id the transaction is for. */
  public static final String ROW = "flutterwave_row";
  /** The currency Flutterwave reports for the transaction. */
  public static final String CURRENCY = "currency";
  /** Flutterwave's own id of the transaction. */
  public static final String EXTERNAL_ID = "external_id";
  /** The payer's phone (the customer's primary address), {@code transactions.sender}. */
  public static final String SENDER = RequestedRowProvider.SENDER;

  public FlutterwavePaymentProvider() {
    super(MORPH, "flutterwave_transactions", ROW);
  }

  @Override
  public long record(PaymentRequest r, int status) {
    return update(r, status, r.stringAttribute(EXTERNAL_ID), false);
  }

  @Override
  protected PaymentRejectedException notRequested() {
    return PaymentRejectedException.invalid("reference", "The payment was not initialised.");
  }

  @Override
  protected void check(PaymentRequest r, Object[] row) {
    ProviderRows.requireAmount(r, row, "Flutterwave", "the payment was initialised");
    ProviderRows.requireCurrency(r.stringAttribute(CURRENCY), row, "Flutterwave", "the payment was initialised");
  }
}
