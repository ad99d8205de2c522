package org.mpm.transaction;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code transactions} count as money received: those whose provider row ({@code original_transaction})
 * has {@code status = 1}, as MPM's revenue figures decide ({@code whereHasMorph('originalTransaction', '*',
 * status = 1)}). The provider tables are the core and plugin ones of MPM; only those present in the tenant
 * database (with a {@code status} column) are consulted, so an adopted MPM database counts all its providers.
 */
public final class SettledTransactions {

  /** MPM's morph aliases of provider transactions and their tables. */
  private static final Map<String, String> PROVIDERS = new LinkedHashMap<>();

  static {
    PROVIDERS.put("agent_transaction", "agent_transactions");
    PROVIDERS.put("cash_transaction", "cash_transactions");
    PROVIDERS.put("third_party_transaction", "third_party_transactions");
    PROVIDERS.put("swifta_transaction", "swifta_transactions");
    PROVIDERS.put("mesomb_transaction", "mesomb_transactions");
    PROVIDERS.put("mesomb_transactions", "mesomb_transactions");
    PROVIDERS.put("wave_money_transaction", "wave_money_transactions");
    PROVIDERS.put("wavecom_transaction", "wavecom_transactions");
    PROVIDERS.put("vodacom_mz_transaction", "vodacom_mz_transactions");
    PROVIDERS.put("paystack_transaction", "paystack_transactions");
    PROVIDERS.put("flutterwave_transaction", "flutterwave_transactions");
    PROVIDERS.put("pesapal_transaction", "pesapal_transactions");
    PROVIDERS.put("safaricom_transaction", "safaricom_transactions");
    PROVIDERS.put("sms_transaction", "sms_transactions");
  }

  private SettledTransactions() {}

  /**
   * A SQL condition on the {@code transactions} row aliased {@code t}: true when its provider row exists with
   * status 1. False for every row when the database has no provider table.
   */
  public static String condition(EntityManager em, String t) {
    Set<String> present = presentTables(em);
    StringBuilder sql = new StringBuilder();
    for (Map.Entry<String, String> p : PROVIDERS.entrySet()) {
      if (!present.contains(p.getValue())) {
        continue;
      }
      sql.append(sql.length() == 0 ? "(" : " OR ")
          .append("(").append(t).append(".original_transaction_type = '").append(p.getKey())
          .append("' AND EXISTS (SELECT 1 FROM ").append(p.getValue()).append(" o WHERE o.id = ").append(t)
          .append(".original_transaction_id AND o.status = 1))");
    }
    return sql.length() == 0 ? "1 = 0" : sql.append(")").toString();
  }

  private static Set<String> presentTables(EntityManager em) {
    Set<String> tables = new TreeSet<>(PROVIDERS.values());
    StringBuilder in = new StringBuilder();
    for (String table : tables) {
      in.append(in.length() == 0 ? "'" : ", '").append(table).append("'");
    }
    @SuppressWarnings("unchecked")
    List<Object> rows = em.createNativeQuery("SELECT table_name FROM information_schema.columns"
        + " WHERE table_schema = DATABASE() AND column_name = 'status' AND table_name IN (" + in + ")")
        .getResultList();
    Set<String> present = new TreeSet<>();
    for (Object row : rows) {
      present.add(String.valueOf(row).toLowerCase(Locale.ROOT));
    }
    return present;
  }
}
