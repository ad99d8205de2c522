package org.mpm.plugins.smsparser;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRequest;

/**
 * Payments announced by a mobile-money confirmation SMS (MPM's {@code sms_transaction}, rows in
 * {@code sms_transactions}): the idempotency key is the provider's transaction reference in the message, also the
 * row's unique {@code transaction_reference}; the sender is the payer's phone read from the message, else the
 * message's sender.
 */
@ApplicationScoped
public class SmsPaymentProvider implements PaymentProvider {

  public static final String MORPH = "sms_transaction";
  /** The idempotency scope of the references (one company's database). */
  public static final String SCOPE = "sms_transaction";
  public static final String PROVIDER_NAME = "provider_name";
  public static final String SENDER_PHONE = "sender_phone";
  public static final String RAW_MESSAGE = "raw_message";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "sms_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER_PHONE);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    LocalDateTime at = r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO sms_transactions (provider_name,"
        + " transaction_reference, amount, sender_phone, device_serial, raw_message, status, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(new Object[] {r.stringAttribute(PROVIDER_NAME),
            r.idempotencyKey(), r.amount() == null ? 0 : r.amount().doubleValue(), sender(r), r.deviceSerial(),
            r.stringAttribute(RAW_MESSAGE), status, Timestamp.valueOf(at), Timestamp.valueOf(at)})).get(0);
  }
}
