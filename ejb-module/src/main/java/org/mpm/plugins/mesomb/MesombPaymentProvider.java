package org.mpm.plugins.mesomb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.List;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRequest;

/**
 * MeSomb payments ({@code mesomb_transactions}, morph {@code mesomb_transaction}): one row per notification
 * accepted or refused, with MeSomb's fields as sent (the request's attributes).
 */
@ApplicationScoped
public class MesombPaymentProvider implements PaymentProvider {

  public static final String MORPH = "mesomb_transaction";
  public static final String PK = "pk";
  public static final String TYPE = "type";
  public static final String FEES = "fees";
  public static final String B_PARTY = "b_party";
  public static final String MESSAGE = "message";
  public static final String SERVICE = "service";
  public static final String REFERENCE = "reference";
  public static final String TS = "ts";
  public static final String DIRECTION = "direction";

  @Inject TenantDatabase tenantDb;

  @Override
  public String morph() {
    return MORPH;
  }

  @Override
  public String table() {
    return "mesomb_transactions";
  }

  @Override
  public String sender(PaymentRequest r) {
    String s = r.stringAttribute(B_PARTY);
    return s == null ? "" : s;
  }

  @Override
  public long record(PaymentRequest r, int status) {
    Timestamp now = Timestamp.valueOf(r.receivedAt() == null ? Timestamped.nowUtc() : r.receivedAt());
    Object direction = r.attributes().get(DIRECTION);
    String fees = r.stringAttribute(FEES);
    return NativeSql.insertAll(tenantDb.connection(), "INSERT INTO mesomb_transactions (pk, status, type, amount, fees,"
        + " b_party, message, service, reference, ts, direction, created_at, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", List.<Object[]>of(new Object[] {text(r, PK), status,
            text(r, TYPE), money(r.amount()), fees == null ? null : money(new BigDecimal(fees)), text(r, B_PARTY),
            text(r, MESSAGE), text(r, SERVICE), r.stringAttribute(REFERENCE), text(r, TS),
            direction instanceof Number n ? n.intValue() : 0, now, now})).get(0);
  }

  private static String text(PaymentRequest r, String name) {
    String s = r.stringAttribute(name);
    return s == null ? "" : s.length() <= 191 ? s : s.substring(0, 191);
  }

  /** decimal(8,2): an amount outside it is kept as 0 in a refused row (its conflict says what was sent). */
  private static BigDecimal money(BigDecimal amount) {
    return amount == null || amount.abs().compareTo(new BigDecimal("999999.99")) > 0 ? BigDecimal.ZERO
        : amount.setScale(2, RoundingMode.HALF_UP);
  }
}
