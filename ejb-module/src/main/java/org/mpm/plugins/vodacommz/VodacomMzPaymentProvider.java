package org.mpm.plugins.vodacommz;

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
 * Vodacom M-Pesa Mozambique payments ({@code vodacom_mz_transactions}, morph {@code vodacom_mz_transaction}): the
 * payer's phone and the payment's reference (its idempotency key, unique) with each row.
 */
@ApplicationScoped
public class VodacomMzPaymentProvider implements PaymentProvider {

  public static final String MORPH = "vodacom_mz_transaction";
  /** Attributes: the payer's phone; Vodacom's conversation and transaction ids. */
  public static final String PAYER = "payer";
  public static final String CONVERSATION_ID = "conversation_id";
  public static final String TRANSACTION_ID = "transaction_id";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "vodacom_mz_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(PAYER);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    Timestamp now = Timestamp.valueOf(r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt());
    String serial = r.deviceSerial() == null ? "" : r.deviceSerial();
    BigDecimal amount = r.amount() == null ? BigDecimal.ZERO : r.amount();
    Object[] row = {serial, amount, sender(r), r.idempotencyKey(), status, r.stringAttribute(CONVERSATION_ID),
        r.stringAttribute(TRANSACTION_ID), now, now};
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO vodacom_mz_transactions (serialNumber, amount,"
        + " payerPhoneNumber, referenceId, status, conversationId, transactionId, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(row)).get(0);
  }
}
