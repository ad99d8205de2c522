package org.mpm.plugins.vodacommz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRequest;

/**
 * Vodacom M-Pesa Mozambique payments ({@code vodacom_mz_transactions}, morph {@code vodacom_mz_transaction}): the
 * payer's phone and the reference Vodacom is given (unique) with each row. A payment asked of Vodacom
 * ({@link VodacomMzInitiator}) is a pending row first; its confirmation, accepted through the ingress with that row
 * in {@link #REQUESTED_ROW}, takes the row.
 */
@ApplicationScoped
public class VodacomMzPaymentProvider implements PaymentProvider {

  public static final String MORPH = "vodacom_mz_transaction";
  /** Attributes: the payer's phone; Vodacom's conversation and transaction ids. */
  public static final String PAYER = "payer";
  public static final String CONVERSATION_ID = "conversation_id";
  public static final String TRANSACTION_ID = "transaction_id";
  /** Attribute of a confirmed payment that was asked of Vodacom: its pending row, which the payment takes. */
  public static final String REQUESTED_ROW = "vodacom_mz_transaction_id";

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
    if (r.attributes().get(REQUESTED_ROW) instanceof Number id) {
      NativeSql.execute(tenantDb.connection(), "UPDATE vodacom_mz_transactions SET status = ?, conversationId ="
          + " COALESCE(?, conversationId), transactionId = COALESCE(?, transactionId), updated_at = ? WHERE id = ?",
          Arrays.asList(status, r.stringAttribute(CONVERSATION_ID), r.stringAttribute(TRANSACTION_ID), now,
              id.longValue()));
      return id.longValue();
    }
    return insert(r.deviceSerial(), r.amount(), sender(r), r.idempotencyKey(), status,
        r.stringAttribute(CONVERSATION_ID), r.stringAttribute(TRANSACTION_ID), now);
  }

  /** A payment asked of Vodacom: its row, pending, with the reference Vodacom is given ({@code referenceId}). */
  long request(String serial, BigDecimal amount, String payer, String referenceId) {
    return insert(serial, amount, payer, referenceId, STATUS_PENDING, null, null,
        Timestamp.valueOf(Timestamped.nowUtc()));
  }

  private long insert(String serial, BigDecimal amount, String payer, String referenceId, int status,
      String conversationId, String transactionId, Timestamp at) {
    Object[] row = {serial == null ? "" : serial, amount == null ? BigDecimal.ZERO : amount, payer, referenceId,
        status, conversationId, transactionId, at, at};
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO vodacom_mz_transactions (serialNumber, amount,"
        + " payerPhoneNumber, referenceId, status, conversationId, transactionId, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(row)).get(0);
  }
}
