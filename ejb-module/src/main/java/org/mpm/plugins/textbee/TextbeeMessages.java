package org.mpm.plugins.textbee;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/** The company's messages handed to TextBee ({@code textbee_messages}: the batch id and status for an sms row). */
@Stateless
public class TextbeeMessages {

  @Inject TenantDatabase tenantDb;

  /** Records TextBee's answer for the message whose uuid is {@code uuid}, in a transaction of its own. */
  public void sent(String uuid, String batchId, String status) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO textbee_messages (sms_id, message_id, status, created_at,"
            + " updated_at) SELECT id, ?, ?, ?, ? FROM sms WHERE uuid = ? AND direction = 1")
        .setParameter(1, batchId).setParameter(2, status).setParameter(3, now).setParameter(4, now)
        .setParameter(5, uuid).executeUpdate();
  }
}
