package org.mpm.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * Payments reported by a third party or imported from another MPM (rows in {@code third_party_transactions}): the
 * row's {@code transaction_id} is the payment's idempotency key (a fresh UUID without one, as MPM's import does);
 * the sender is the {@link #SENDER} attribute.
 */
@ApplicationScoped
public class ThirdPartyPaymentProvider implements PaymentProvider {

  public static final String SENDER = "sender";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return ThirdPartyTransaction.MORPH;
  }

  @Override
  public String table() {
    return "third_party_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    LocalDateTime at = r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
    String reference = r.idempotencyKey() == null ? UUID.randomUUID().toString() : r.idempotencyKey();
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO third_party_transactions (transaction_id, status,"
        + " created_at, updated_at)", "(?, ?, ?, ?)", List.<Object[]>of(new Object[] {reference, status,
            Timestamp.valueOf(at), Timestamp.valueOf(at)})).get(0);
  }
}
