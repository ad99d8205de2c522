package org.mpm.appliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.common.NotFoundException;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * The rows of appliance sales read and written by the sale services: sales ({@code appliance_people}), their rates
 * ({@code appliance_rates}) and the change logs ({@code logs}) with the user who made each change. Call it inside a
 * tenant transaction.
 */
@ApplicationScoped
public class SaleRows {

  /** {@code logs.affected_type} of a sale: MPM's class name (the sale has no morph alias). */
  public static final String SALE_MODEL = "App\\Models\\AppliancePerson";
  /** {@code logs.affected_type} of a rate. */
  public static final String RATE_MORPH = "appliance_rate";

  @Inject TenantDatabase tenantDb;

  /** A sale, column for column. */
  public record Sale(long id, long applianceId, long personId, double totalCost, int rateCount, String creatorType,
      long creatorId, LocalDateTime createdAt, LocalDateTime updatedAt, Double downPayment,
      LocalDate firstPaymentDate, String deviceSerial, String paymentType, Long minimumPayableAmount,
      Long pricePerDay, LocalDateTime deletedAt) {}

  /** A rate, column for column. */
  public record Rate(long id, long appliancePersonId, long rateCost, long remaining, LocalDateTime dueDate,
      int remind, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** The user who made a change: {@code id, name, email}. */
  public record Owner(long id, String name, String email, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  /** A change log with its user (null when the user is gone). */
  public record Log(long id, String affectedType, long affectedId, long userId, String action,
      LocalDateTime createdAt, LocalDateTime updatedAt, Owner owner) {}

  private static final String SALE_COLUMNS = "id, appliance_id, person_id, total_cost, rate_count, creator_type,"
      + " creator_id, created_at, updated_at, down_payment, first_payment_date, device_serial, payment_type,"
      + " minimum_payable_amount, price_per_day, deleted_at";
  private static final String RATE_COLUMNS = "id, appliance_person_id, rate_cost, remaining, due_date, remind,"
      + " created_at, updated_at";

  /** A sale, deleted ones included (MPM shows them); 404 when there is none. */
  public Sale sale(long id) {
    List<Sale> found = sales("SELECT " + SALE_COLUMNS + " FROM appliance_people WHERE id = ?", List.of(id));
    if (found.isEmpty()) {
      throw new NotFoundException("No query results for model [App\\Models\\AppliancePerson] " + id);
    }
    return found.get(0);
  }

  /** A customer's sales, deleted ones included, in id order. */
  public List<Sale> salesOf(long personId) {
    return sales("SELECT " + SALE_COLUMNS + " FROM appliance_people WHERE person_id = ? ORDER BY id",
        List.of(personId));
  }

  /** A page of the sales a creator ({@code user} or {@code agent}) recorded, newest first, deleted ones included. */
  public List<Sale> salesBy(String creatorType, long creatorId, int page, int size) {
    return salesBy(creatorType, creatorId, null, page, size);
  }

  /** A page of the sales a creator recorded (to one customer when {@code personId} is given), newest first. */
  public List<Sale> salesBy(String creatorType, long creatorId, Long personId, int page, int size) {
    List<Object> params = new ArrayList<>(List.of(creatorType, creatorId));
    if (personId != null) {
      params.add(personId);
    }
    params.add(size);
    params.add((page - 1) * size);
    return sales("SELECT " + SALE_COLUMNS + " FROM appliance_people WHERE creator_type = ? AND creator_id = ?"
        + (personId == null ? "" : " AND person_id = ?") + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
        params);
  }

  /** How many sales a creator recorded. */
  public long countBy(String creatorType, long creatorId) {
    return countBy(creatorType, creatorId, null);
  }

  /** How many sales a creator recorded (to one customer when {@code personId} is given). */
  public long countBy(String creatorType, long creatorId, Long personId) {
    var q = em().createNativeQuery("SELECT COUNT(*) FROM appliance_people WHERE creator_type = ?"
        + " AND creator_id = ?" + (personId == null ? "" : " AND person_id = ?")).setParameter(1, creatorType)
        .setParameter(2, creatorId);
    if (personId != null) {
      q.setParameter(3, personId);
    }
    return ((Number) q.getSingleResult()).longValue();
  }

  /** The rates of sales, by sale, in schedule order. */
  public Map<Long, List<Rate>> ratesOf(List<Long> saleIds) {
    Map<Long, List<Rate>> out = new HashMap<>();
    if (saleIds.isEmpty()) {
      return out;
    }
    Query q = em().createNativeQuery("SELECT " + RATE_COLUMNS + " FROM appliance_rates WHERE appliance_person_id IN ("
        + NativeSql.in(saleIds.size()) + ") ORDER BY due_date, id");
    NativeSql.bindIn(q, 1, saleIds);
    for (Rate r : rates(q.getResultList())) {
      out.computeIfAbsent(r.appliancePersonId(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** One page of a sale's rates, oldest due first. */
  public List<Rate> ratesPage(long saleId, int page, int size) {
    return rates(em().createNativeQuery("SELECT " + RATE_COLUMNS + " FROM appliance_rates"
            + " WHERE appliance_person_id = ? ORDER BY due_date, id LIMIT ? OFFSET ?").setParameter(1, saleId)
        .setParameter(2, size).setParameter(3, (long) (page - 1) * size).getResultList());
  }

  public long rateCount(long saleId) {
    return ((Number) em().createNativeQuery("SELECT COUNT(*) FROM appliance_rates WHERE appliance_person_id = ?")
        .setParameter(1, saleId).getSingleResult()).longValue();
  }

  /** A rate; 404 when there is none. */
  public Rate rate(long id) {
    List<Rate> found = rates(em().createNativeQuery("SELECT " + RATE_COLUMNS + " FROM appliance_rates WHERE id = ?")
        .setParameter(1, id).getResultList());
    if (found.isEmpty()) {
      throw new NotFoundException("No query results for model [App\\Models\\ApplianceRate] " + id);
    }
    return found.get(0);
  }

  /** The logs of rows of one type, by row, oldest first. */
  public Map<Long, List<Log>> logsOf(String affectedType, List<Long> ids) {
    Map<Long, List<Log>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Query q = em().createNativeQuery("SELECT l.id, l.affected_type, l.affected_id, l.user_id, l.action, l.created_at,"
        + " l.updated_at, u.id, u.name, u.email, u.created_at, u.updated_at FROM logs l"
        + " LEFT JOIN users u ON u.id = l.user_id WHERE l.affected_type = ? AND l.affected_id IN ("
        + NativeSql.in(ids.size()) + ") ORDER BY l.id").setParameter(1, affectedType);
    NativeSql.bindIn(q, 2, ids);
    for (Log l : logs(q.getResultList())) {
      out.computeIfAbsent(l.affectedId(), k -> new ArrayList<>()).add(l);
    }
    return out;
  }

  /** One page of a sale's logs, newest first. */
  public List<Log> logsPage(long saleId, int page, int size) {
    return logs(em().createNativeQuery("SELECT l.id, l.affected_type, l.affected_id, l.user_id, l.action,"
            + " l.created_at, l.updated_at, u.id, u.name, u.email, u.created_at, u.updated_at FROM logs l"
            + " LEFT JOIN users u ON u.id = l.user_id WHERE l.affected_type = ? AND l.affected_id = ?"
            + " ORDER BY l.created_at DESC, l.id DESC LIMIT ? OFFSET ?").setParameter(1, SALE_MODEL)
        .setParameter(2, saleId).setParameter(3, size).setParameter(4, (long) (page - 1) * size).getResultList());
  }

  public long logCount(long saleId) {
    return ((Number) em().createNativeQuery("SELECT COUNT(*) FROM logs WHERE affected_type = ? AND affected_id = ?")
        .setParameter(1, SALE_MODEL).setParameter(2, saleId).getSingleResult()).longValue();
  }

  /** Writes a change log. */
  public void log(String affectedType, long affectedId, long userId, String action) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    NativeSql.insertRows(tenantDb.connection(), "INSERT INTO logs (affected_type, affected_id, user_id, action,"
        + " created_at, updated_at)", "(?, ?, ?, ?, ?, ?)",
        List.<Object[]>of(new Object[] {affectedType, affectedId, userId, action, now, now}));
  }

  /** The company's currency (main settings), {@code €} without settings as MPM. */
  public String currency() {
    List<?> rows = em().createNativeQuery("SELECT currency FROM main_settings ORDER BY id LIMIT 1").getResultList();
    return rows.isEmpty() || rows.get(0) == null ? "€" : (String) rows.get(0);
  }

  /** A user's name, {@code Unknown} when there is none. */
  public String userName(long userId) {
    List<?> rows = em().createNativeQuery("SELECT name FROM users WHERE id = ?").setParameter(1, userId)
        .getResultList();
    return rows.isEmpty() || rows.get(0) == null ? "Unknown" : (String) rows.get(0);
  }

  private List<Sale> sales(String sql, List<?> params) {
    Query q = em().createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    List<Sale> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new Sale(num(r[0]), num(r[1]), num(r[2]), ((Number) r[3]).doubleValue(), ((Number) r[4]).intValue(),
          (String) r[5], num(r[6]), time(r[7]), time(r[8]), r[9] == null ? null : ((Number) r[9]).doubleValue(),
          date(r[10]), (String) r[11], (String) r[12], r[13] == null ? null : num(r[13]),
          r[14] == null ? null : num(r[14]), time(r[15])));
    }
    return out;
  }

  private static List<Rate> rates(List<?> rows) {
    List<Rate> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(new Rate(num(r[0]), num(r[1]), num(r[2]), num(r[3]), time(r[4]), ((Number) r[5]).intValue(),
          time(r[6]), time(r[7])));
    }
    return out;
  }

  private static List<Log> logs(List<?> rows) {
    List<Log> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      Owner owner = r[7] == null ? null : new Owner(num(r[7]), (String) r[8], (String) r[9], time(r[10]),
          time(r[11]));
      out.add(new Log(num(r[0]), (String) r[1], num(r[2]), num(r[3]), (String) r[4], time(r[5]), time(r[6]),
          owner));
    }
    return out;
  }

  private static long num(Object o) {
    return ((Number) o).longValue();
  }

  /** A timestamp column as a local time (null stays null). */
  static LocalDateTime time(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l : null;
  }

  private static LocalDate date(Object v) {
    return v instanceof Date d ? d.toLocalDate() : v instanceof LocalDate l ? l : null;
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
