package org.mpm.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * When customers paying an appliance in installments are reminded by SMS (tenant {@code sms_appliance_remind_rates},
 * MPM's {@code App\Models\SmsApplianceRemindRate}): {@code remind_rate} days before a rate is due,
 * {@code overdue_remind_rate} days after, whether reminding is {@code enabled} and whether an overdue rate also
 * opens a ticket. {@code appliance_id} is an item of the appliance catalogue ({@code appliances}).
 */
@Entity
@Table(name = "sms_appliance_remind_rates")
public class SmsApplianceRemindRate extends Timestamped {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "appliance_id", nullable = false)
  private long applianceId;

  @Column(name = "overdue_remind_rate", nullable = false)
  private int overdueRemindRate;

  @Column(name = "remind_rate", nullable = false)
  private int remindRate;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "create_ticket", nullable = false)
  private boolean createTicket;

  protected SmsApplianceRemindRate() {}

  public SmsApplianceRemindRate(long applianceId) {
    this.applianceId = applianceId;
  }

  public Long getId() {
    return id;
  }

  public long getApplianceId() {
    return applianceId;
  }

  public int getOverdueRemindRate() {
    return overdueRemindRate;
  }

  public int getRemindRate() {
    return remindRate;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isCreateTicket() {
    return createTicket;
  }

  /** Sets the four values together, as MPM's store and update write them. */
  public void set(int overdueRemindRate, int remindRate, boolean enabled, boolean createTicket) {
    this.overdueRemindRate = overdueRemindRate;
    this.remindRate = remindRate;
    this.enabled = enabled;
    this.createTicket = createTicket;
  }
}
