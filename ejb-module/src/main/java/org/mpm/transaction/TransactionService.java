package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mpm.agent.AgentTransaction;
import org.mpm.common.ByIds;
import org.mpm.common.Like;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.device.Device;
import org.mpm.device.DeviceService;
import org.mpm.device.DeviceService.DeviceRow;
import org.mpm.sms.Sms;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.User;

/**
 * Reading transactions (MPM's TransactionController@index/show, TransactionAdvancedController and
 * TransactionProviderController): lists with their provider rows, the advanced search, the detail and the
 * period comparison. Filters, counts and sums run in SQL; relations are loaded in batches.
 */
@Stateless
public class TransactionService {

  public static final String MODEL = "App\\Models\\Transaction\\Transaction";

  /** The sorts spatie's query builder allows on the transaction lists. */
  public static final List<String> SORTS =
      List.of("id", "created_at", "amount", "sender", "message", "original_transaction_type");

  /** Provider morph aliases whose rows can be read here, and their tables. */
  private static final Map<String, String> PROVIDER_TABLES = new LinkedHashMap<>();

  static {
    PROVIDER_TABLES.put(AgentTransaction.MORPH, "agent_transactions");
    PROVIDER_TABLES.put(CashTransaction.MORPH, "cash_transactions");
    PROVIDER_TABLES.put(ThirdPartyTransaction.MORPH, "third_party_transactions");
    PROVIDER_TABLES.put("swifta_transaction", "swifta_transactions");
    PROVIDER_TABLES.put("mesomb_transaction", "mesomb_transactions");
    PROVIDER_TABLES.put("mesomb_transactions", "mesomb_transactions");
    PROVIDER_TABLES.put("wave_money_transaction", "wave_money_transactions");
    PROVIDER_TABLES.put("wavecom_transaction", "wavecom_transactions");
    PROVIDER_TABLES.put("vodacom_mz_transaction", "vodacom_mz_transactions");
    PROVIDER_TABLES.put("paystack_transaction", "paystack_transactions");
    PROVIDER_TABLES.put("flutterwave_transaction", "flutterwave_transactions");
    PROVIDER_TABLES.put("pesapal_transaction", "pesapal_transactions");
    PROVIDER_TABLES.put("safaricom_transaction", "safaricom_transactions");
    PROVIDER_TABLES.put("sms_transaction", "sms_transactions");
  }

  @Inject TenantDatabase tenantDb;
  @Inject DeviceService devices;

  private EntityManager em() {
    return tenantDb.em();
  }

  /**
   * A transaction with its provider row (a {@link CashTransaction}, {@link ThirdPartyTransaction},
   * {@link AgentTransaction} or null for the plugin providers).
   */
  public record Item(Transaction transaction, Object original) {}

  /** The advanced search (null = no filter); {@code provider} is a morph alias. */
  public record Search(String deviceType, String serial, Long tariff, String provider, Integer status,
      LocalDateTime from, LocalDateTime to, String sort, boolean desc, int page, int perPage) {

    public static Search all(String sort, boolean desc, int page, int perPage) {
      return new Search(null, null, null, null, null, null, null, sort, desc, page, perPage);
    }
  }

  /** A transaction's detail; {@code device} only when a device with an owner has the serial in message. */
  public record Detail(Transaction transaction, Token token, Object original, List<TransactionConflict> conflicts,
      User user, List<PaymentHistory> payments, DeviceRow device, Sms sms) {}

  /** The figures of one period: count, sum of confirmed amounts, confirmed and "cancelled" (status 0) counts. */
  public record Figures(long total, double amount, long confirmed, long cancelled) {}

  /** The two periods compared by {@code analytics/{period}}. */
  public record Comparison(Figures current, Figures past) {}

  public Page<Item> search(Search q) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> params = new ArrayList<>();
    if (q.deviceType() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM devices d WHERE d.device_serial = t.message AND d.device_type = ?)");
      params.add(q.deviceType());
    }
    String tariffCondition = "EXISTS (SELECT 1 FROM devices d JOIN meters m ON m.id = d.device_id"
        + " WHERE d.device_serial = t.message AND d.device_type = 'meter' AND m.tariff_id = ?)";
    if (q.serial() != null && q.tariff() != null) {
      where.append(" AND (t.message LIKE ? OR ").append(tariffCondition).append(")");
      params.add(Like.contains(q.serial()));
      params.add(q.tariff());
    } else if (q.serial() != null) {
      where.append(" AND t.message LIKE ?");
      params.add(Like.contains(q.serial()));
    } else if (q.tariff() != null) {
      where.append(" AND ").append(tariffCondition);
      params.add(q.tariff());
    }
    Set<String> present = q.provider() != null || q.status() != null ? presentTables() : Set.of();
    if (q.provider() != null) {
      where.append(" AND t.original_transaction_type = ?");
      params.add(q.provider());
      String table = PROVIDER_TABLES.get(q.provider());
      if (table != null && present.contains(table)) {
        where.append(" AND EXISTS (SELECT 1 FROM ").append(table)
            .append(" o WHERE o.id = t.original_transaction_id)");
      }
    }
    if (q.status() != null) {
      where.append(" AND ").append(statusCondition(present, q.provider(), q.status()));
    }
    if (q.from() != null) {
      where.append(" AND t.created_at >= ?");
      params.add(q.from());
    }
    if (q.to() != null) {
      where.append(" AND t.created_at <= ?");
      params.add(q.to());
    }
    if (!SORTS.contains(q.sort())) {
      throw new IllegalArgumentException("sort " + q.sort());
    }
    String dir = q.desc() ? " DESC" : " ASC";
    long total = ((Number) NativeSql.bind(em().createNativeQuery("SELECT COUNT(*) FROM transactions t" + where),
        params).getSingleResult()).longValue();
    Query ids = NativeSql.bind(em().createNativeQuery("SELECT t.id FROM transactions t" + where + " ORDER BY t."
        + q.sort() + dir + ", t.id" + dir + " LIMIT ? OFFSET ?"), params);
    ids.setParameter(params.size() + 1, q.perPage());
    ids.setParameter(params.size() + 2, (long) (q.page() - 1) * q.perPage());
    List<Long> idList = ((List<?>) ids.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
    return new Page<>(items(idList), q.page(), q.perPage(), total);
  }

  /** Transactions by id, in the order of the ids, each with its provider row. */
  public List<Item> items(List<Long> ids) {
    List<Transaction> list = ByIds.inOrder(em(), Transaction.class, ids, Transaction::getId);
    Map<String, Object> originals = originals(list);
    return list.stream().map(t -> new Item(t, originals.get(key(t)))).toList();
  }

  /** A transaction an agent took, with the device of its serial when that device has an owner (else null). */
  public record AgentItem(Item item, DeviceRow device) {}

  /**
   * The transactions an agent took through the agent app or {@code POST /api/transactions/agent} (MPM's
   * AgentTransactionService), newest first; with {@code customerId}, only those on that customer's devices.
   */
  public Page<AgentItem> ofAgent(long agentId, Long customerId, int page, int perPage) {
    String where = " FROM agent_transactions a JOIN transactions t ON t.original_transaction_id = a.id"
        + " AND t.original_transaction_type = ? WHERE a.agent_id = ?"
        + (customerId == null ? "" : " AND t.message IN (SELECT d.device_serial FROM devices d WHERE d.person_id = ?)");
    List<Object> params = new ArrayList<>(List.of(AgentTransaction.MORPH, agentId));
    if (customerId != null) {
      params.add(customerId);
    }
    long total = ((Number) NativeSql.bind(em().createNativeQuery("SELECT COUNT(*)" + where), params)
        .getSingleResult()).longValue();
    Query ids = NativeSql.bind(em().createNativeQuery("SELECT t.id" + where
        + " ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?"), params);
    ids.setParameter(params.size() + 1, perPage);
    ids.setParameter(params.size() + 2, (long) (page - 1) * perPage);
    List<Item> items = items(((List<?>) ids.getResultList()).stream().map(o -> ((Number) o).longValue()).toList());
    Map<String, DeviceRow> owned = ownedDevices(items.stream().map(i -> i.transaction().getMessage()).toList());
    return new Page<>(items.stream().map(i -> new AgentItem(i, owned.get(i.transaction().getMessage()))).toList(),
        page, perPage, total);
  }

  public Detail show(long id) {
    Transaction t = em().find(Transaction.class, id);
    if (t == null) {
      throw NotFoundException.model(MODEL, id);
    }
    Object original = originals(List.of(t)).get(key(t));
    List<TransactionConflict> conflicts = List.of();
    User user = null;
    if (original != null) {
      conflicts = em().createQuery("SELECT c FROM TransactionConflict c WHERE c.transactionType = :type"
          + " AND c.transactionId = :id ORDER BY c.id", TransactionConflict.class)
          .setParameter("type", t.getOriginalTransactionType()).setParameter("id", t.getOriginalTransactionId())
          .getResultList();
      if (original instanceof CashTransaction c) {
        user = em().find(User.class, c.getUserId());
      }
    }
    List<Token> tokens = em().createQuery("SELECT k FROM Token k WHERE k.transactionId = :id", Token.class)
        .setParameter("id", id).setMaxResults(1).getResultList();
    List<PaymentHistory> payments = em().createQuery("SELECT p FROM PaymentHistory p WHERE p.transactionId = :id"
        + " ORDER BY p.id", PaymentHistory.class).setParameter("id", id).getResultList();
    DeviceRow device = ownedDevices(List.of(t.getMessage())).get(t.getMessage());
    Sms sms = em().createQuery("SELECT s FROM Sms s WHERE s.triggerType = :type AND s.triggerId = :id ORDER BY s.id",
            Sms.class).setParameter("type", Sms.TRIGGER_TRANSACTION).setParameter("id", id).setMaxResults(1)
        .getResultStream().findFirst().orElse(null);
    return new Detail(t, tokens.isEmpty() ? null : tokens.get(0), original, conflicts, user, payments, device, sms);
  }

  /** The devices with an owner whose serials are given (a transaction's {@code message}), by serial. */
  private Map<String, DeviceRow> ownedDevices(List<String> serials) {
    if (serials.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> first = new LinkedHashMap<>();
    em().createQuery("SELECT d FROM Device d WHERE d.deviceSerial IN :serials AND d.personId IS NOT NULL"
            + " ORDER BY d.id", Device.class).setParameter("serials", new TreeSet<>(serials)).getResultList()
        .forEach(d -> first.putIfAbsent(d.getDeviceSerial(), d.getId()));
    Map<String, DeviceRow> owned = new HashMap<>();
    devices.rows(new ArrayList<>(first.values())).forEach(r -> owned.put(r.device().getDeviceSerial(), r));
    return owned;
  }

  /** The distinct {@code original_transaction_type} values in use. */
  public List<String> providers() {
    return ((List<?>) em().createNativeQuery("SELECT DISTINCT original_transaction_type FROM transactions"
        + " ORDER BY original_transaction_type").getResultList()).stream().map(String::valueOf).toList();
  }

  /**
   * MPM's periods: 0 today vs yesterday, 1 today vs the same day last week (whole days), 2 the last 7 days vs the 7
   * before, 3 the last 30 days vs the 30 before (2 and 3 from midnight to midnight, today excluded, both bounds
   * included as MPM's {@code whereBetween} on dates).
   */
  public Comparison compare(int period) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return switch (period) {
      case 0 -> new Comparison(day(today), day(today.minusDays(1)));
      case 1 -> new Comparison(day(today), day(today.minusDays(7)));
      case 2 -> new Comparison(figures(today.minusDays(7).atStartOfDay(), today.atStartOfDay()),
          figures(today.minusDays(14).atStartOfDay(), today.minusDays(7).atStartOfDay()));
      case 3 -> new Comparison(figures(today.minusDays(30).atStartOfDay(), today.atStartOfDay()),
          figures(today.minusDays(60).atStartOfDay(), today.minusDays(30).atStartOfDay()));
      default -> throw new IllegalArgumentException("period " + period);
    };
  }

  private Figures day(LocalDate d) {
    return figures(d.atStartOfDay(), d.atTime(23, 59, 59));
  }

  private Figures figures(LocalDateTime from, LocalDateTime to) {
    Set<String> present = presentTables();
    String confirmed = statusCondition(present, null, 1);
    String pending = statusCondition(present, null, 0);
    Object[] row = (Object[]) em().createNativeQuery("SELECT COUNT(*),"
        + " COALESCE(SUM(CASE WHEN " + confirmed + " THEN t.amount ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN " + confirmed + " THEN 1 ELSE 0 END), 0),"
        + " COALESCE(SUM(CASE WHEN " + pending + " THEN 1 ELSE 0 END), 0)"
        + " FROM transactions t WHERE t.created_at BETWEEN ? AND ?")
        .setParameter(1, from).setParameter(2, to).getSingleResult();
    return new Figures(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
        ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
  }

  /** True for a transaction (alias t) whose provider row exists with the status (of one provider if given). */
  private static String statusCondition(Set<String> present, String provider, int status) {
    StringBuilder sql = new StringBuilder();
    for (Map.Entry<String, String> p : PROVIDER_TABLES.entrySet()) {
      if (!present.contains(p.getValue()) || provider != null && !provider.equals(p.getKey())) {
        continue;
      }
      sql.append(sql.length() == 0 ? "(" : " OR ").append("(t.original_transaction_type = '").append(p.getKey())
          .append("' AND EXISTS (SELECT 1 FROM ").append(p.getValue())
          .append(" o WHERE o.id = t.original_transaction_id AND o.status = ").append(status).append("))");
    }
    return sql.length() == 0 ? "1 = 0" : sql.append(")").toString();
  }

  /** The provider tables of this database that have a status column. */
  private Set<String> presentTables() {
    StringBuilder in = new StringBuilder();
    for (String table : new TreeSet<>(PROVIDER_TABLES.values())) {
      in.append(in.length() == 0 ? "'" : ", '").append(table).append("'");
    }
    Set<String> present = new TreeSet<>();
    for (Object row : em().createNativeQuery("SELECT table_name FROM information_schema.columns"
        + " WHERE table_schema = DATABASE() AND column_name = 'status' AND table_name IN (" + in + ")")
        .getResultList()) {
      present.add(String.valueOf(row).toLowerCase(Locale.ROOT));
    }
    return present;
  }

  /** The provider rows of the transactions that this port maps, keyed {@code type:id}, one query per table. */
  private Map<String, Object> originals(List<Transaction> list) {
    Map<String, List<Long>> byType = new HashMap<>();
    list.forEach(t -> byType.computeIfAbsent(t.getOriginalTransactionType(), k -> new ArrayList<>())
        .add(t.getOriginalTransactionId()));
    Map<String, Object> out = new HashMap<>();
    ByIds.load(em(), CashTransaction.class, byType.getOrDefault(CashTransaction.MORPH, List.of()))
        .forEach(c -> out.put(CashTransaction.MORPH + ":" + c.getId(), c));
    ByIds.load(em(), AgentTransaction.class, byType.getOrDefault(AgentTransaction.MORPH, List.of()))
        .forEach(a -> out.put(AgentTransaction.MORPH + ":" + a.getId(), a));
    ByIds.load(em(), ThirdPartyTransaction.class, byType.getOrDefault(ThirdPartyTransaction.MORPH, List.of()))
        .forEach(c -> out.put(ThirdPartyTransaction.MORPH + ":" + c.getId(), c));
    return out;
  }

  private static String key(Transaction t) {
    return t.getOriginalTransactionType() + ":" + t.getOriginalTransactionId();
  }
}
