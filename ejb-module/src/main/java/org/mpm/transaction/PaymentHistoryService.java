package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.customer.PersonService;
import org.mpm.tenancy.TenantDatabase;

/**
 * A person's payments as MPM's payment-history screens show them: totals per month, per period and payment
 * type, the spacing of the latest payments, outstanding debts; and the company's payments per day. Payments of
 * a person are the {@code payment_histories} rows with {@code payer_type = 'person'}; every figure is summed in
 * the database.
 */
@Stateless
public class PaymentHistoryService {

  static final String PAYER_TYPE = "person";
  /** The longest date range of {@link #dailyTotals}, one entry per day: about ten years. */
  public static final int MAX_OVERVIEW_DAYS = 3660;
  private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** How {@link #byPeriod} groups payments; the period label is built as MPM builds it, e.g. {@code 7/3/2026}. */
  public enum Period {
    /** day/month/year, e.g. {@code 7/3/2026}. */
    D("CONCAT_WS('/', DAY(created_at), MONTH(created_at), YEAR(created_at))"),
    /** week/year with MySQL's default week numbering, e.g. {@code 9/2026}. */
    W("CONCAT_WS('/', WEEK(created_at), YEAR(created_at))"),
    /** month/year, e.g. {@code 3/2026}. */
    M("CONCAT_WS('/', MONTH(created_at), YEAR(created_at))"),
    /** the year, e.g. {@code 2026}. */
    Y("CONCAT_WS('/', YEAR(created_at))");

    final String label;

    Period(String label) {
      this.label = label;
    }

    /** The period of a path segment (d, w, m, y in any case), or null. */
    public static Period of(String code) {
      if (code == null || code.length() != 1) {
        return null;
      }
      try {
        return valueOf(code.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /** The spacing of a person's ten latest payments, as MPM words it. */
  public record PaymentPeriod(String difference, String lastTransaction) {}

  /** Outstanding access-rate debt of the person's meters, and deferred (appliance) debt. */
  public record Debts(Number accessRate, Number deferred) {}

  /** The payments of one day: 0 when there were none, else their sum. */
  public record DailyTotal(String date, Number amount) {}

  /**
   * The person's payments per month of a year: twelve entries, January first; 0 for a month without payments,
   * else the month's sum.
   */
  public List<Number> monthlyTotals(long personId, int year) {
    requirePerson(personId);
    List<Number> months = new ArrayList<>(12);
    for (int i = 0; i < 12; i++) {
      months.add(0);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT MONTH(created_at), SUM(amount) FROM payment_histories"
            + " WHERE payer_type = ?1 AND payer_id = ?2 AND created_at BETWEEN ?3 AND ?4"
            + " GROUP BY MONTH(created_at)")
        .setParameter(1, PAYER_TYPE).setParameter(2, personId)
        .setParameter(3, dayStart(LocalDate.of(year, 1, 1)))
        .setParameter(4, dayEnd(LocalDate.of(year, 12, 31)))
        .getResultList();
    for (Object[] row : rows) {
      months.set(((Number) row[0]).intValue() - 1, ((Number) row[1]).doubleValue());
    }
    return months;
  }

  /**
   * The person's payments summed per period and payment type: period label to {payment type: sum}, the periods
   * in the order of their first payment (oldest first unless {@code descending}). {@code limit} caps the number
   * of (period, payment type) sums, as MPM's does.
   */
  public Map<String, Map<String, Double>> byPeriod(long personId, Period period, Integer limit,
      boolean descending) {
    requirePerson(personId);
    String dir = descending ? " DESC" : " ASC";
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT " + period.label + " AS aperiod, payment_type, SUM(amount)"
            + " FROM payment_histories WHERE payer_type = ?1 AND payer_id = ?2"
            + " GROUP BY aperiod, payment_type ORDER BY MIN(created_at)" + dir + ", payment_type"
            + (limit == null ? "" : " LIMIT " + limit))
        .setParameter(1, PAYER_TYPE).setParameter(2, personId)
        .getResultList();
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Object[] row : rows) {
      out.computeIfAbsent(text(row[0]), k -> new LinkedHashMap<>())
          .put(text(row[1]), ((Number) row[2]).doubleValue());
    }
    return out;
  }

  /**
   * Days since the person's latest payment ({@code "3 days ago"}, null without payments) and the days between the
   * oldest and the newest of the ten latest payments ({@code "30 days"}, {@code "no data available"}).
   */
  public PaymentPeriod paymentPeriod(long personId) {
    requirePerson(personId);
    @SuppressWarnings("unchecked")
    List<Object> rows = em().createNativeQuery("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s')"
            + " FROM payment_histories WHERE payer_type = ?1 AND payer_id = ?2"
            + " ORDER BY created_at DESC, id DESC LIMIT 10")
        .setParameter(1, PAYER_TYPE).setParameter(2, personId)
        .getResultList();
    if (rows.isEmpty()) {
      return new PaymentPeriod("no data available", null);
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    LocalDateTime newest = parse(rows.get(0), now);
    LocalDateTime eldest = parse(rows.get(rows.size() - 1), now);
    return new PaymentPeriod(wholeDays(eldest, newest) + " days", wholeDays(newest, now) + " days ago");
  }

  /**
   * The person's debts: the sum of {@code access_rate_payments.debt} over the person's meters, and deferred debt,
   * which MPM always reports as 0.
   */
  public Debts debts(long personId) {
    requirePerson(personId);
    Object sum = em().createNativeQuery("SELECT SUM(arp.debt) FROM devices d"
            + " JOIN meters m ON m.id = d.device_id"
            + " JOIN access_rate_payments arp ON arp.meter_id = m.id"
            + " WHERE d.person_id = ?1 AND d.device_type = 'meter'")
        .setParameter(1, personId)
        .getSingleResult();
    return new Debts(sum == null ? (Number) 0 : (Number) ((Number) sum).doubleValue(), 0);
  }

  /**
   * The company's payments (every payer) per day from {@code begin} to {@code end}, both included: one entry per
   * day, oldest first.
   */
  public List<DailyTotal> dailyTotals(LocalDate begin, LocalDate end) {
    List<DailyTotal> out = new ArrayList<>();
    if (end.isBefore(begin)) {
      return out;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS dato, SUM(amount)"
            + " FROM payment_histories WHERE created_at BETWEEN ?1 AND ?2 GROUP BY dato")
        .setParameter(1, dayStart(begin))
        .setParameter(2, dayEnd(end))
        .getResultList();
    Map<String, Double> sums = new LinkedHashMap<>();
    for (Object[] row : rows) {
      sums.put(text(row[0]), ((Number) row[1]).doubleValue());
    }
    for (LocalDate d = begin; !d.isAfter(end); d = d.plusDays(1)) {
      String day = d.toString();
      Double sum = sums.get(day);
      out.add(new DailyTotal(day, sum == null ? (Number) 0 : sum));
    }
    return out;
  }

  /** 404 unless the person exists in this company (and is not deleted). */
  private void requirePerson(long personId) {
    Number found = (Number) em().createNativeQuery("SELECT COUNT(*) FROM people WHERE id = ?1 AND deleted_at IS NULL")
        .setParameter(1, personId).getSingleResult();
    if (found.longValue() == 0) {
      throw NotFoundException.model(PersonService.MODEL, personId);
    }
  }

  /** Whole days between two instants, regardless of their order (Carbon 2's {@code diffInDays}). */
  static long wholeDays(LocalDateTime a, LocalDateTime b) {
    return Math.abs(Duration.between(a, b).toDays());
  }

  /** A {@code created_at} read as text; a missing one counts as now, as Carbon reads null. */
  private static LocalDateTime parse(Object value, LocalDateTime now) {
    return value == null ? now : LocalDateTime.parse(text(value), SQL_TIME);
  }

  /*
   * Day bounds are bound as text so no time-zone conversion applies (the columns hold UTC wall-clock time, without
   * fractions of a second).
   */
  private static String dayStart(LocalDate d) {
    return d + " 00:00:00";
  }

  private static String dayEnd(LocalDate d) {
    return d + " 23:59:59";
  }

  /** A text column; MySQL may hand expressions back as bytes. */
  private static String text(Object value) {
    return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(value);
  }
}
