package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;

/**
 * The SMS reminders of installment rates, per item of the appliance catalogue (MPM's SmsApplianceRemindRateService).
 * Every change answers with the whole catalogue, each item with its reminder policy, as the console reads it.
 */
@Stateless
public class SmsReminderRates {

  public static final String MODEL = "App\\Models\\SmsApplianceRemindRate";
  /** The request field naming the appliance (its old name in MPM's schema). */
  public static final String APPLIANCE_FIELD = "appliance_type_id";

  /** An item of the appliance catalogue ({@code appliances}) with its reminder policy, null when it has none. */
  public record ApplianceReminder(long id, String name, long applianceTypeId, long price, LocalDateTime createdAt,
      LocalDateTime updatedAt, SmsApplianceRemindRate rate) {}

  @Inject TenantDatabase tenantDb;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** The catalogue in id order; an item with several policies (an adopted database) shows the first. */
  public List<ApplianceReminder> appliances() {
    Map<Long, SmsApplianceRemindRate> rates = new HashMap<>();
    for (SmsApplianceRemindRate r : em().createQuery("SELECT r FROM SmsApplianceRemindRate r ORDER BY r.id",
        SmsApplianceRemindRate.class).getResultList()) {
      rates.putIfAbsent(r.getApplianceId(), r);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em().createNativeQuery("SELECT id, name, appliance_type_id, price, created_at, updated_at"
        + " FROM appliances ORDER BY id").getResultList();
    return rows.stream().map(row -> {
      long id = ((Number) row[0]).longValue();
      return new ApplianceReminder(id, (String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
          time(row[4]), time(row[5]), rates.get(id));
    }).toList();
  }

  /**
   * Gives an appliance its reminder policy. The appliance must be in the company's catalogue and have none yet
   * (MPM would add a second one, which is never read); the appliance's row is locked, so two requests at once
   * cannot both add one.
   */
  public List<ApplianceReminder> create(long applianceId, int overdueRemindRate, int remindRate, boolean enabled,
      boolean createTicket) {
    List<?> appliance = em().createNativeQuery("SELECT id FROM appliances WHERE id = ?1 FOR UPDATE")
        .setParameter(1, applianceId).getResultList();
    if (appliance.isEmpty()) {
      throw ValidationException.field(APPLIANCE_FIELD, "The selected appliance type id is invalid.");
    }
    Long taken = em().createQuery("SELECT COUNT(r) FROM SmsApplianceRemindRate r WHERE r.applianceId = :a",
        Long.class).setParameter("a", applianceId).getSingleResult();
    if (taken > 0) {
      throw ValidationException.field(APPLIANCE_FIELD, "The appliance type id has already been taken.");
    }
    SmsApplianceRemindRate rate = new SmsApplianceRemindRate(applianceId);
    rate.set(overdueRemindRate, remindRate, enabled, createTicket);
    em().persist(rate);
    em().flush();
    return appliances();
  }

  public List<ApplianceReminder> update(long id, int overdueRemindRate, int remindRate, boolean enabled,
      boolean createTicket) {
    rate(id).set(overdueRemindRate, remindRate, enabled, createTicket);
    em().flush();
    return appliances();
  }

  public List<ApplianceReminder> delete(long id) {
    em().remove(rate(id));
    em().flush();
    return appliances();
  }

  private SmsApplianceRemindRate rate(long id) {
    SmsApplianceRemindRate r = em().find(SmsApplianceRemindRate.class, id);
    if (r == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return r;
  }

  private static LocalDateTime time(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l : null;
  }
}
