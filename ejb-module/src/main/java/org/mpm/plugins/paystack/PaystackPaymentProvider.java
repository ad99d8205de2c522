package org.mpm.plugins.paystack;

import jakarta.enterprise.context.ApplicationScoped;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.ProviderRows;
import org.mpm.transaction.RequestedRowProvider;

/**
 * Payments through Paystack (morph {@code paystack_transaction}, rows in {@code paystack_transactions}). The row is
 * written when the payment is initialised (status 0, the amount and currency asked for); a verified charge enters
 * the pipeline with the row's id in {@link #ROW}, and this provider's row is that row, brought to the pipeline's
 * status. Its rule: the charge must be for the amount and currency the row was initialised with, checked under a
 * lock on the row.
 */
@ApplicationScoped
public class PaystackPaymentProvider extends RequestedRowProvider {

  public static final String MORPH = "paystack_transaction";
  /** The {@code paystack_transactions} id the charge is for. */
  public static final String ROW = "paystack_row";
  /** The currency Paystack reports for the charge. */
  public static final String CURRENCY = "currency";
  /** Paystack's own id of the charge. */
  public static final String EXTERNAL_ID = "external_id";
  /** The payer's phone (the customer's primary address), {@code transactions.sender}. */
  public static final String SENDER = RequestedRowProvider.SENDER;

  public PaystackPaymentProvider() {
    super(MORPH, "paystack_transactions", ROW);
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
    ProviderRows.requireAmount(r, row, "Paystack", "the payment was initialised");
    ProviderRows.requireCurrency(r.stringAttribute(CURRENCY), row, "Paystack", "the payment was initialised");
  }
}
