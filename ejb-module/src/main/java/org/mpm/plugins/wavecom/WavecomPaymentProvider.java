package org.mpm.plugins.wavecom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRequest;

/**
 * Wavecom payments imported from an uploaded file ({@code wavecom_transactions}, morph {@code wavecom_transaction}):
 * one row per row of a file accepted or refused; the Wavecom transaction id is the idempotency key.
 */
@ApplicationScoped
public class WavecomPaymentProvider implements PaymentProvider {

  public static final String MORPH = "wavecom_transaction";
  /** Attribute: the payer as the file names it. */
  public static final String SENDER = "sender";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "wavecom_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    Timestamp now = Timestamp.valueOf(r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt());
    BigDecimal amount = r.amount() == null || r.amount().signum() < 0 ? BigDecimal.ZERO : r.amount();
    String serial = r.deviceSerial() == null ? "" : r.deviceSerial();
    Object[] row = {r.idempotencyKey(), sender(r), serial, amount.longValue(), status, now, now};
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO wavecom_transactions (transaction_id, sender,"
        + " message, amount, status, created_at, updated_at)", "(?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(row))
        .get(0);
  }
}
