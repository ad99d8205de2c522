package org.mpm.plugins.wavemoney;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRequest;

/**
 * Wave Money payments ({@code wave_money_transactions}, morph {@code wave_money_transaction}). A payment is requested
 * when the customer starts it (a row with status -2, {@link #STATUS_REQUESTED}); Wave Money's confirmation is
 * accepted through the ingress with that row in {@link #REQUESTED_ROW}, and this provider takes the row for the
 * payment. A refused callback without a payable requested row is kept as a row of its own.
 */
@ApplicationScoped
public class WaveMoneyPaymentProvider implements PaymentProvider {

  public static final String MORPH = "wave_money_transaction";
  public static final int STATUS_REQUESTED = -2;
  public static final String REQUESTED_ROW = "wave_money_transaction_id";
  /** Attributes: Wave Money's transaction id, the order and reference as sent, the currency, the payer. */
  public static final String EXTERNAL_ID = "transaction_id";
  public static final String ORDER_ID = "order_id";
  public static final String REFERENCE_ID = "reference_id";
  public static final String CURRENCY = "currency";
  public static final String SENDER = "sender";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "wave_money_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    Timestamp now = Timestamp.valueOf(r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt());
    if (r.attributes().get(REQUESTED_ROW) instanceof Number id) {
      NativeSql.execute(tenantDb.connection(), "UPDATE wave_money_transactions SET status = ?,"
          + " external_transaction_id = COALESCE(?, external_transaction_id), updated_at = ? WHERE id = ?",
          Arrays.asList(status, r.stringAttribute(EXTERNAL_ID), now, id.longValue()));
      return id.longValue();
    }
    String currency = r.stringAttribute(CURRENCY);
    Object[] row = {status, money(r.amount()), text(r.stringAttribute(ORDER_ID)),
        text(r.stringAttribute(REFERENCE_ID)), currency == null ? "MMK" : currency, 0, r.deviceSerial(),
        r.stringAttribute(EXTERNAL_ID), now, now};
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO wave_money_transactions (status, amount, order_id,"
        + " reference_id, currency, customer_id, meter_serial, external_transaction_id, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(row)).get(0);
  }

  /** A requested payment's row. */
  long request(BigDecimal amount, String orderId, String referenceId, String currency, long customerId,
      String serial) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    Object[] row = {STATUS_REQUESTED, money(amount), orderId, referenceId, currency, customerId, serial, now, now};
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO wave_money_transactions (status, amount, order_id,"
        + " reference_id, currency, customer_id, meter_serial, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(row)).get(0);
  }

  private static String text(String s) {
    return s == null ? "" : s.length() <= 191 ? s : s.substring(0, 191);
  }

  /** decimal(8,2): an amount outside it is kept as 0 in a refused row (its conflict says what was sent). */
  private static BigDecimal money(BigDecimal amount) {
    return amount == null || amount.abs().compareTo(new BigDecimal("999999.99")) > 0 ? BigDecimal.ZERO
        : amount.setScale(2, RoundingMode.HALF_UP);
  }
}
