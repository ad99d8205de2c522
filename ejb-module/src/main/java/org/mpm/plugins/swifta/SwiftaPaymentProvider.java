package org.mpm.plugins.swifta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Swifta payments ({@code swifta_transactions}, morph {@code swifta_transaction}). A payment is requested at
 * Swifta's validation (a row with status -2, {@link #STATUS_REQUESTED}); its confirmation is accepted through the
 * ingress with the requested row in {@link #REQUESTED_ROW}, and this provider then takes that row for the payment
 * instead of writing a new one. An attempt without a requested row (an unknown {@code transaction_id}, a wrong
 * amount) is kept as a row of its own. Its rule: the requested row is still requested, checked under a lock on the
 * row — a payment failed by {@link SwiftaExpiry} is not confirmed any more.
 */
@ApplicationScoped
public class SwiftaPaymentProvider implements PaymentProvider {

  public static final String MORPH = "swifta_transaction";
  /** MPM's {@code SwiftaTransaction::STATUS_REQUESTED}. */
  public static final int STATUS_REQUESTED = -2;
  /** Attribute: the id of the requested row the payment confirms. */
  public static final String REQUESTED_ROW = "swifta_transaction_id";
  /** Attribute: Swifta's own reference of the payment. */
  public static final String REFERENCE = "transaction_reference";
  /** Attributes of an attempt kept as a row of its own: the cipher and timestamp as sent; the payer. */
  public static final String CIPHER = "cipher";
  public static final String TIMESTAMP = "timestamp";
  public static final String SENDER = "sender";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "swifta_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(SENDER);
    return s == null ? r.deviceSerial() : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    Timestamp now = Timestamp.valueOf(r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt());
    Object requested = r.attributes().get(REQUESTED_ROW);
    if (requested instanceof Number id) {
      NativeSql.execute(tenantDb.connection(), "UPDATE swifta_transactions SET status = ?, transaction_reference = ?,"
          + " updated_at = ? WHERE id = ?", Arrays.asList(status, r.stringAttribute(REFERENCE), now,
              id.longValue()));
      return id.longValue();
    }
    return insert(r.amount() == null ? BigDecimal.ZERO : r.amount(), status, r.stringAttribute(REFERENCE),
        r.stringAttribute(CIPHER), r.stringAttribute(TIMESTAMP), now.toLocalDateTime());
  }

  @Override
  public Admission admit(List<PaymentRequest> requests) {
    List<Long> ids = requests.stream().map(r -> r.attributes().get(REQUESTED_ROW)).filter(Number.class::isInstance)
        .map(id -> ((Number) id).longValue()).distinct().sorted().toList();
    Map<Long, Integer> statuses = new HashMap<>();
    if (!ids.isEmpty()) {
      Query q = tenantDb.em().createNativeQuery("SELECT id, status FROM swifta_transactions WHERE id IN ("
          + NativeSql.in(ids.size()) + ") ORDER BY id FOR UPDATE");
      NativeSql.bindIn(q, 1, ids);
      for (Object o : q.getResultList()) {
        Object[] row = (Object[]) o;
        statuses.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
      }
    }
    return new Admission() {
      @Override
      public void check(PaymentRequest r) {
        if (r.attributes().get(REQUESTED_ROW) instanceof Number id
            && !Integer.valueOf(STATUS_REQUESTED).equals(statuses.get(id.longValue()))) {
          throw PaymentRejectedException.invalid("transaction_id", "transaction_id validation field.");
        }
      }

      @Override
      public void book(List<Booked> booked) {}
    };
  }

  /** A new row (a requested payment, or an attempt kept as refused). */
  long insert(BigDecimal amount, int status, String reference, String cipher, String timestamp, LocalDateTime at) {
    Timestamp ts = Timestamp.valueOf(at);
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO swifta_transactions (transaction_reference, status,"
        + " amount, cipher, `timestamp`, created_at, updated_at)", "(?, ?, ?, ?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {reference, status, clamp(amount), cipher == null ? "" : limit(cipher),
            timestamp == null ? "" : limit(timestamp), ts, ts})).get(0);
  }

  /** decimal(8,2): an amount outside it is kept as 0 in a refused row (the conflict says what was sent). */
  private static BigDecimal clamp(BigDecimal amount) {
    return amount.abs().compareTo(new BigDecimal("999999.99")) > 0 ? BigDecimal.ZERO
        : amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static String limit(String s) {
    return s.length() <= 191 ? s : s.substring(0, 191);
  }
}
