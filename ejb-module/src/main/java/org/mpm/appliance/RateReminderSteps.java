package org.mpm.appliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NativeSql;
import org.mpm.sms.SmsService;
import org.mpm.sms.SmsTemplates;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentJobs;

/**
 * One round of installment reminders of a company, in one transaction (MPM's {@code appliance-rate:check}): for each
 * appliance whose reminder policy is enabled ({@code sms_appliance_remind_rates}), an {@code ApplianceRateReminder}
 * SMS for each open rate due within {@code remind_rate} days, and an {@code OverdueApplianceRateReminder} SMS for
 * each open rate {@code overdue_remind_rate} days or more past due. A rate is reminded once of each: its
 * {@code remind} goes to 1, then 2. Rates are claimed with {@code FOR UPDATE SKIP LOCKED}, so nodes running at once
 * remind each rate once.
 */
@Stateless
public class RateReminderSteps {

  /** Rates reminded per round at most. */
  public static final int BATCH = 200;
  static final int UPCOMING_SENT = 1;
  static final int OVERDUE_SENT = 2;
  static final String UPCOMING = "ApplianceRateReminder";
  static final String OVERDUE = "OverdueApplianceRateReminder";

  @Inject TenantDatabase tenantDb;
  @Inject SmsService sms;
  @Inject PaymentJobs jobs;

  /** What a round did: rates reminded, and whether SMS were left to the queue. */
  public record Round(int reminded, boolean queued) {}

  public Round remind(LocalDateTime now) {
    EntityManager em = tenantDb.em();
    List<?> policies = em.createNativeQuery("SELECT appliance_id, remind_rate, overdue_remind_rate"
        + " FROM sms_appliance_remind_rates WHERE enabled = 1 ORDER BY id").getResultList();
    int reminded = 0;
    List<PaymentJobs.Work> toSend = new ArrayList<>();
    LocalDate today = now.toLocalDate();
    for (Object o : policies) {
      Object[] p = (Object[]) o;
      long appliance = ((Number) p[0]).longValue();
      int before = ((Number) p[1]).intValue();
      int after = ((Number) p[2]).intValue();
      reminded += round(em, appliance, UPCOMING, "r.remind = 0 AND r.due_date >= ? AND r.due_date < ?",
          Timestamp.valueOf(today.atStartOfDay()), Timestamp.valueOf(today.plusDays(before + 1L).atStartOfDay()),
          UPCOMING_SENT, now, toSend);
      reminded += round(em, appliance, OVERDUE, "r.remind < 2 AND r.due_date >= ? AND r.due_date < ?",
          Timestamp.valueOf(LocalDate.of(1970, 1, 2).atStartOfDay()),
          Timestamp.valueOf(today.minusDays(after).atStartOfDay()), OVERDUE_SENT, now, toSend);
    }
    jobs.enqueue(PaymentJobs.SMS, toSend);
    return new Round(reminded, !toSend.isEmpty());
  }

  private int round(EntityManager em, long appliance, String template, String window, Timestamp from,
      Timestamp until, int sent, LocalDateTime now, List<PaymentJobs.Work> toSend) {
    List<?> candidates = em.createNativeQuery("SELECT r.id FROM appliance_rates r JOIN appliance_people ap"
            + " ON ap.id = r.appliance_person_id WHERE ap.appliance_id = ? AND ap.deleted_at IS NULL"
            + " AND r.remaining > 0 AND " + window + " ORDER BY r.due_date, r.id LIMIT " + BATCH)
        .setParameter(1, appliance).setParameter(2, from).setParameter(3, until).getResultList();
    if (candidates.isEmpty()) {
      return 0;
    }
    // the rates alone are claimed (a rate being paid, or claimed by another node, is left for the next round) and
    // checked again under the claim
    List<Long> ids = candidates.stream().map(id -> ((Number) id).longValue()).toList();
    Query claim = em.createNativeQuery("SELECT r.id, r.remaining, r.due_date, (SELECT ap.person_id FROM"
        + " appliance_people ap WHERE ap.id = r.appliance_person_id), (SELECT a.name FROM appliance_people ap"
        + " JOIN appliances a ON a.id = ap.appliance_id WHERE ap.id = r.appliance_person_id) FROM appliance_rates r"
        + " WHERE r.id IN (" + NativeSql.in(ids.size()) + ") AND r.remaining > 0 AND " + window
        + " ORDER BY r.due_date, r.id FOR UPDATE SKIP LOCKED");
    int next = NativeSql.bindIn(claim, 1, ids);
    List<?> rows = claim.setParameter(next, from).setParameter(next + 1, until).getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      long rateId = ((Number) r[0]).longValue();
      String phone = sms.primaryPhone(((Number) r[3]).longValue());
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("appliance_type_name", r[4]);
      values.put("remaining", ((Number) r[1]).longValue());
      values.put("due_date", SaleRows.time(r[2]).toLocalDate().toString());
      String body = sms.render(template, values).orElse(null);
      if (phone != null && !phone.isBlank() && body != null) {
        Long unsent = sms.compose(SmsTemplates.e164(phone), body, SaleRows.RATE_MORPH, rateId);
        if (unsent != null) {
          toSend.add(new PaymentJobs.Work(unsent, null, now));
        }
      }
      em.createNativeQuery("UPDATE appliance_rates SET remind = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, sent).setParameter(2, Timestamp.valueOf(now)).setParameter(3, rateId).executeUpdate();
    }
    return rows.size();
  }
}
