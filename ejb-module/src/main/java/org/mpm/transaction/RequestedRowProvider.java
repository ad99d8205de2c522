package org.mpm.transaction;

import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * A payment provider whose row is written when the payment is requested (status 0, the amount and currency asked
 * for) and brought to the pipeline's status when the provider confirms the payment (Paystack, Flutterwave,
 * Pesapal): the confirmed payment enters with the row's id in its row attribute, and its provider row is that row.
 * Its rule, checked under a lock on the row ({@link ProviderRows}): what {@link #check} requires of the payment
 * against the row (its amount and currency, at least).
 */
public abstract class RequestedRowProvider implements PaymentProvider {

  /** The payer's phone (the customer's primary address), {@code transactions.sender}. */
  public static final String SENDER = "sender";

  @Inject protected TenantDatabase tenantDb;

  private final String morph;
  private final String table;
  private final String rowAttribute;

  /** @param rowAttribute the payment attribute that holds its row's id */
  protected RequestedRowProvider(String morph, String table, String rowAttribute) {
    this.morph = morph;
    this.table = table;
    this.rowAttribute = rowAttribute;
  }

  @Override
  public String morph() {
    return morph;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER);
    return s == null ? "" : s;
  }

  /**
   * Brings the payment's row to the status with the provider's own id of the payment.
   *
   * @param keepStoredId whether a null id keeps the one stored (else it is stored as null)
   */
  protected long update(PaymentRequest r, int status, String externalId, boolean keepStoredId) {
    long row = r.longAttribute(rowAttribute);
    NativeSql.execute(tenantDb.connection(), "UPDATE " + table + " SET status = ?, external_transaction_id = "
        + (keepStoredId ? "COALESCE(?, external_transaction_id)" : "?") + ", updated_at = ? WHERE id = ?",
        Arrays.asList(status, externalId, Timestamp.valueOf(Timestamped.nowUtc()), row));
    return row;
  }

  /** Columns of the row {@link #check} needs after {@code id, amount, currency}. */
  protected String[] extraColumns() {
    return new String[0];
  }

  /** The refusal of a payment whose row is not among the company's. */
  protected abstract PaymentRejectedException notRequested();

  /** The provider's rule for a payment against its locked row ({@code id, amount, currency}, the extra columns). */
  protected abstract void check(PaymentRequest r, Object[] row);

  @Override
  public Admission admit(List<PaymentRequest> requests) {
    Map<Long, Object[]> rows = ProviderRows.lockRequested(tenantDb.em(), table, requests, rowAttribute,
        extraColumns());
    return new Admission() {
      @Override
      public void check(PaymentRequest r) {
        Object[] row = rows.get(r.longAttribute(rowAttribute));
        if (row == null) {
          throw notRequested();
        }
        RequestedRowProvider.this.check(r, row);
      }

      @Override
      public void book(List<Booked> booked) {}
    };
  }
}
