package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.RequiresPermission;
import org.mpm.sms.SmsApplianceRemindRate;
import org.mpm.sms.SmsReminderRates;
import org.mpm.sms.SmsReminderRates.ApplianceReminder;

/**
 * The SMS reminders of installment rates per appliance (MPM's SmsApplianceRemindRateController); {@code settings}.
 * Every route answers with the appliance catalogue, each item with its {@code sms_reminder_rate} or null.
 */
@Path("sms-appliance-remind-rate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "SMS")
public class SmsApplianceRemindRatesResource {

  /** Days before or after a due date: at most a year. */
  static final int DAYS_MAX = 365;

  @Inject SmsReminderRates rates;

  /** The days and switches of a reminder policy, read from a body. */
  private record Policy(int overdueRemindRate, int remindRate, boolean enabled, boolean createTicket) {}

  @GET
  @Operation(summary = "The appliances with their reminder policies {data:[{id, name, appliance_type_id, price,"
      + " created_at, updated_at, sms_reminder_rate}]}")
  public Map<String, Object> list() {
    return all(rates.appliances());
  }

  @POST
  @Operation(summary = "Give an appliance a reminder policy {appliance_type_id (the appliance's id),"
      + " overdue_remind_rate, remind_rate (days, 0–365), enabled?, create_ticket?}: {data:[appliances]}")
  public Map<String, Object> create(String body) {
    JsonBody b = JsonBody.parse(body);
    Long appliance = b.integer(SmsReminderRates.APPLIANCE_FIELD, true, 1, JsonFields.MAX_INT);
    Policy p = policy(b);
    return all(rates.create(appliance, p.overdueRemindRate(), p.remindRate(), p.enabled(), p.createTicket()));
  }

  @PUT
  @Path("{smsApplianceRemindRate}")
  @Operation(summary = "Change a reminder policy {overdue_remind_rate, remind_rate, enabled?, create_ticket?}"
      + " (a switch left out is off): {data:[appliances]}")
  public Map<String, Object> update(@PathParam("smsApplianceRemindRate") long id, String body) {
    Policy p = policy(JsonBody.parse(body));
    return all(rates.update(id, p.overdueRemindRate(), p.remindRate(), p.enabled(), p.createTicket()));
  }

  @DELETE
  @Path("{smsApplianceRemindRate}")
  @Operation(summary = "Remove a reminder policy: {data:[appliances]}")
  public Map<String, Object> delete(@PathParam("smsApplianceRemindRate") long id) {
    return all(rates.delete(id));
  }

  /** Reads the policy and ends the body's validation. */
  private static Policy policy(JsonBody b) {
    Long overdue = b.integer("overdue_remind_rate", true, 0, DAYS_MAX);
    Long remind = b.integer("remind_rate", true, 0, DAYS_MAX);
    Boolean enabled = b.bool("enabled", false);
    Boolean createTicket = b.bool("create_ticket", false);
    b.validate();
    return new Policy(overdue.intValue(), remind.intValue(), Boolean.TRUE.equals(enabled),
        Boolean.TRUE.equals(createTicket));
  }

  private static Map<String, Object> all(List<ApplianceReminder> appliances) {
    return Json.data(appliances.stream().map(SmsApplianceRemindRatesResource::json).toList());
  }

  static Map<String, Object> json(ApplianceReminder a) {
    SmsApplianceRemindRate r = a.rate();
    return Json.obj("id", a.id(), "name", a.name(), "appliance_type_id", a.applianceTypeId(), "price", a.price(),
        "created_at", Json.ts(a.createdAt()), "updated_at", Json.ts(a.updatedAt()),
        "sms_reminder_rate", r == null ? null : Json.obj("id", r.getId(), "appliance_id", r.getApplianceId(),
            "overdue_remind_rate", r.getOverdueRemindRate(), "remind_rate", r.getRemindRate(),
            "enabled", r.isEnabled() ? 1 : 0, "create_ticket", r.isCreateTicket() ? 1 : 0,
            "created_at", Json.ts(r.getCreatedAt()), "updated_at", Json.ts(r.getUpdatedAt())));
  }
}
