package org.mpm.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * Cash taken at the company's desk by a user (MPM's {@code CashTransactionService}): rows in
 * {@code cash_transactions} with the {@code user_id} attribute; sender {@code User-<id>}.
 */
@ApplicationScoped
public class CashPaymentProvider implements PaymentProvider {

  public static final String USER_ID = "user_id";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return CashTransaction.MORPH;
  }

  @Override
  public String table() {
    return "cash_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    return "User-" + r.longAttribute(USER_ID);
  }

  @Override
  public long record(PaymentRequest r, int status) {
    LocalDateTime at = r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt();
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO cash_transactions (user_id, status, created_at,"
        + " updated_at)", "(?, ?, ?, ?)", List.<Object[]>of(new Object[] {r.longAttribute(USER_ID), status,
            Timestamp.valueOf(at), Timestamp.valueOf(at)})).get(0);
  }
}
