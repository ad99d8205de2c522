package org.mpm.plugins.africastalking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.mpm.common.Timestamped;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsCallbacks;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's messages sent through Africa's Talking ({@code africas_talking_messages}: the vendor's message id
 * and last status for an {@code sms} row) and the delivery reports that change them.
 */
@Stateless
public class AfricasTalkingMessages {

  @Inject TenantDatabase tenantDb;
  @Inject SmsCallbacks callbacks;

  /** Records the vendor's answer for the message whose uuid is {@code uuid}, in a transaction of its own. */
  public void sent(String uuid, String messageId, String status, int statusCode) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO africas_talking_messages (sms_id, message_id, status, status_code,"
            + " created_at, updated_at) SELECT id, ?, ?, ?, ?, ? FROM sms WHERE uuid = ? AND direction = 1")
        .setParameter(1, messageId).setParameter(2, status).setParameter(3, statusCode).setParameter(4, now)
        .setParameter(5, now).setParameter(6, uuid).executeUpdate();
  }

  /**
   * A delivery report ({@code id}, {@code status}): the vendor's status is kept, and the message becomes delivered
   * ({@code Success}), failed ({@code Failed}, {@code Rejected}) or stays sent (the interim {@code Sent},
   * {@code Submitted}, {@code Buffered}). Whether the company sent a message with this id.
   */
  public boolean delivery(String messageId, String status) {
    List<?> known = tenantDb.em().createNativeQuery("SELECT id FROM africas_talking_messages WHERE message_id = ?"
        + " ORDER BY id LIMIT 1").setParameter(1, messageId).getResultList();
    if (known.isEmpty()) {
      return false;
    }
    tenantDb.em().createNativeQuery("UPDATE africas_talking_messages SET status = ?, updated_at = ?"
            + " WHERE message_id = ?")
        .setParameter(1, status).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).setParameter(3, messageId)
        .executeUpdate();
    callbacks.reportByReference(messageId, smsStatus(status));
    return true;
  }

  static int smsStatus(String vendorStatus) {
    return switch (vendorStatus.toLowerCase(Locale.ROOT)) {
      case "success" -> Sms.STATUS_DELIVERED;
      case "failed", "rejected", "absentsubscriber", "expired" -> Sms.STATUS_FAILED;
      default -> Sms.STATUS_SENT;
    };
  }
}
