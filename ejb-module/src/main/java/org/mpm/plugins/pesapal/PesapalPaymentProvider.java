package org.mpm.plugins.pesapal;

import jakarta.enterprise.context.ApplicationScoped;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.ProviderRows;
import org.mpm.transaction.RequestedRowProvider;

/**
 * Payments through Pesapal (morph {@code pesapal_transaction}, rows in {@code pesapal_transactions}). The row is
 * written when the order is submitted (status 0, the amount and currency asked for); an order Pesapal reports
 * COMPLETED enters the pipeline with the row's id in {@link #ROW}, keyed by its order tracking id, and this
 * provider's row is that row, brought to the pipeline's status. Its rule, checked under a lock on the row: the
 * payment is for the amount, currency and merchant reference of the order.
 */
@ApplicationScoped
public class PesapalPaymentProvider extends RequestedRowProvider {

  public static final String MORPH = "pesapal_transaction";
  /** The idempotency scope of Pesapal's order tracking ids. */
  public static final String SCOPE = "pesapal";
  /** The {@code pesapal_transactions} id the payment is for. */
  public static final String ROW = "pesapal_row";
  /** The currency Pesapal reports. */
  public static final String CURRENCY = "currency";
  /** The merchant reference Pesapal reports. */
  public static final String MERCHANT_REFERENCE = "merchant_reference";
  /** The payment's confirmation code (the payment provider's own reference). */
  public static final String CONFIRMATION = "confirmation_code";
  /** The payer's phone (the customer's primary address), {@code transactions.sender}. */
  public static final String SENDER = RequestedRowProvider.SENDER;

  public PesapalPaymentProvider() {
    super(MORPH, "pesapal_transactions", ROW);
  }

  @Override
  public long record(PaymentRequest r, int status) {
    String code = r.stringAttribute(CONFIRMATION);
    return update(r, status, code == null || code.isEmpty() ? null : code, true);
  }

  @Override
  protected String[] extraColumns() {
    return new String[] {"COALESCE(merchant_reference, reference_id)"};
  }

  @Override
  protected PaymentRejectedException notRequested() {
    return PaymentRejectedException.invalid("order_tracking_id", "The Pesapal order was not submitted.");
  }

  @Override
  protected void check(PaymentRequest r, Object[] row) {
    String reference = (String) row[3];
    String reported = r.stringAttribute(MERCHANT_REFERENCE);
    if (reported != null && !reported.isEmpty() && !reported.equals(reference)) {
      throw PaymentRejectedException.invalid("merchant_reference", "PesaPal merchant reference " + reported
          + " does not match the stored transaction (" + reference + ").");
    }
    ProviderRows.requireCurrency(r.stringAttribute(CURRENCY), row, "PesaPal", "the order was submitted");
    ProviderRows.requireAmount(r, row, "PesaPal", "the order was submitted");
  }
}
