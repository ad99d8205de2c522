package org.mpm.plugins.swifta;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;

/**
 * Swifta payments requested at validation and never confirmed (MPM's nightly
 * {@code swifta-payment-provider:transactionStatusCheck}): a requested row older than {@link #AGE} is marked failed
 * with a {@code transaction_conflicts} row, so a confirmation arriving after it is refused. The rows are taken with
 * {@code FOR UPDATE}: a confirmation being accepted at that moment holds its row (the provider's admission locks
 * it), and nodes running this at once each fail a row at most once. One transaction per company.
 */
@Stateless
public class SwiftaExpiry {

  /** How long a requested payment waits for its confirmation. */
  public static final Duration AGE = Duration.ofHours(24);
  static final String CONFLICT = "The transaction that stayed as Unprocessed more than 24 hours, updated to canceled.";

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** Fails the current company's requested payments older than {@link #AGE}; returns how many. */
  public int expire() {
    if (!gate.enabled(SwiftaService.PLUGIN_ID)) {
      return 0;
    }
    LocalDateTime now = Timestamped.nowUtc();
    @SuppressWarnings("unchecked")
    List<Object> rows = tenantDb.em().createNativeQuery("SELECT id FROM swifta_transactions WHERE status = ?"
            + " AND created_at < ? ORDER BY id FOR UPDATE")
        .setParameter(1, SwiftaPaymentProvider.STATUS_REQUESTED)
        .setParameter(2, Timestamp.valueOf(now.minus(AGE))).getResultList();
    if (rows.isEmpty()) {
      return 0;
    }
    List<Long> ids = rows.stream().map(r -> ((Number) r).longValue()).toList();
    Timestamp at = Timestamp.valueOf(now);
    List<Object> params = new ArrayList<>(List.of(PaymentProvider.STATUS_FAILED, at));
    params.addAll(ids);
    NativeSql.execute(tenantDb.connection(), "UPDATE swifta_transactions SET status = ?, updated_at = ? WHERE id IN ("
        + NativeSql.in(ids.size()) + ")", params);
    NativeSql.insertRows(tenantDb.connection(), "INSERT INTO transaction_conflicts (transaction_type, transaction_id,"
        + " state, created_at, updated_at)", "(?, ?, ?, ?, ?)", ids.stream()
        .map(id -> new Object[] {SwiftaPaymentProvider.MORPH, id, CONFLICT, at, at}).toList());
    return ids.size();
  }
}
