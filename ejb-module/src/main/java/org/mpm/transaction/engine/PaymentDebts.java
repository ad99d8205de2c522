package org.mpm.transaction.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.PaymentAllocation.Debt;

/**
 * The customers' open debts a payment pays first, read under lock in the accepting transaction and written back
 * once the payments are allocated: installments of contracts without a device (a TV on credit) and the meters'
 * access-rate debts (MPM's AccessRatePayer). Call it inside a tenant transaction.
 */
@ApplicationScoped
public class PaymentDebts {

  @Inject TenantDatabase tenantDb;

  /**
   * Locks the customers' rows ({@code SELECT … FOR UPDATE}, in id order, so concurrent sets lock in one order):
   * one payment of a customer at a time, and its debts are read and paid under these locks.
   */
  public void lockPeople(Collection<Long> personIds) {
    List<Long> sorted = personIds.stream().distinct().sorted().toList();
    Query q = em().createNativeQuery("SELECT id FROM people WHERE id IN (" + NativeSql.in(sorted.size())
        + ") ORDER BY id FOR UPDATE");
    NativeSql.bindIn(q, 1, sorted);
    q.getResultList();
  }

  /**
   * Open installments of the customers' contracts without a device that fell due before the start of the day of
   * {@code until}, by person, oldest due first, under lock; which of them are overdue is decided per payment, by
   * its day.
   */
  public Map<Long, List<Debt>> installments(Collection<Long> personIds, LocalDateTime until) {
    Map<Long, List<Debt>> byPerson = new HashMap<>();
    if (personIds.isEmpty()) {
      return byPerson;
    }
    List<Long> people = personIds.stream().distinct().sorted().toList();
    Query q = em().createNativeQuery("SELECT r.id, r.remaining, r.due_date, ap.person_id FROM appliance_rates r"
        + " JOIN appliance_people ap ON ap.id = r.appliance_person_id WHERE ap.person_id IN ("
        + NativeSql.in(people.size()) + ") AND ap.deleted_at IS NULL"
        + " AND (ap.device_serial IS NULL OR ap.device_serial = '') AND r.remaining > 0 AND r.due_date < ?"
        + " ORDER BY r.due_date, r.id FOR UPDATE");
    int next = NativeSql.bindIn(q, 1, people);
    q.setParameter(next, Timestamp.valueOf(until.toLocalDate().atStartOfDay()));
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      long id = ((Number) row[0]).longValue();
      byPerson.computeIfAbsent(((Number) row[3]).longValue(), k -> new ArrayList<>()).add(new Debt(id, id,
          dateTime(row[2]), BigDecimal.valueOf(((Number) row[1]).longValue())));
    }
    return byPerson;
  }

  /** The meters' access-rate debts, by meter, oldest due first, under lock. */
  public Map<Long, List<Debt>> accessRateDebts(Collection<Long> meterIds) {
    Map<Long, List<Debt>> byMeter = new HashMap<>();
    if (meterIds.isEmpty()) {
      return byMeter;
    }
    List<Long> meters = meterIds.stream().distinct().sorted().toList();
    Query q = em().createNativeQuery("SELECT id, debt, access_rate_id, meter_id FROM access_rate_payments"
        + " WHERE meter_id IN (" + NativeSql.in(meters.size()) + ") AND debt > 0 ORDER BY due_date, id FOR UPDATE");
    NativeSql.bindIn(q, 1, meters);
    for (Object o : q.getResultList()) {
      Object[] row = (Object[]) o;
      byMeter.computeIfAbsent(((Number) row[3]).longValue(), k -> new ArrayList<>()).add(new Debt(
          ((Number) row[0]).longValue(), ((Number) row[2]).longValue(), null,
          new BigDecimal(row[1].toString()).setScale(PaymentChecks.AMOUNT_SCALE, RoundingMode.HALF_UP)));
    }
    return byMeter;
  }

  /** Writes back what accepted payments took off the debts (the rows they touched). */
  public void writePaid(Map<Long, List<Debt>> installments, Map<Long, List<Debt>> accessDebts,
      LocalDateTime now) {
    EntityManager em = em();
    for (List<Debt> rates : installments.values()) {
      for (Debt rate : rates) {
        if (rate.touched()) {
          em.createNativeQuery("UPDATE appliance_rates SET remaining = ?, updated_at = ? WHERE id = ?")
              .setParameter(1, rate.open().longValueExact()).setParameter(2, Timestamp.valueOf(now))
              .setParameter(3, rate.id()).executeUpdate();
        }
      }
    }
    for (List<Debt> debts : accessDebts.values()) {
      for (Debt debt : debts) {
        if (debt.touched()) {
          em.createNativeQuery("UPDATE access_rate_payments SET debt = ?, updated_at = ? WHERE id = ?")
              .setParameter(1, debt.open().doubleValue()).setParameter(2, Timestamp.valueOf(now))
              .setParameter(3, debt.id()).executeUpdate();
        }
      }
    }
  }

  private static LocalDateTime dateTime(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l
        : v instanceof Date d ? d.toLocalDate().atStartOfDay()
        : LocalDateTime.parse(v.toString().replace(' ', 'T'));
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
