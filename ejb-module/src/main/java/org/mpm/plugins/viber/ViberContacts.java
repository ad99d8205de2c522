package org.mpm.plugins.viber;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsCallbacks;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's Viber contacts ({@code viber_contacts}: a customer who registered with the bot by sending
 * {@code register+<meter serial>}) and the records of messages sent to them ({@code viber_messages}).
 */
@Stateless
public class ViberContacts {

  @Inject TenantDatabase tenantDb;
  @Inject SmsCallbacks callbacks;

  /** The Viber id of the contact whose person has this phone (as stored, or without its leading +). */
  public Optional<String> viberIdOf(String phone) {
    if (phone == null || phone.isBlank()) {
      return Optional.empty();
    }
    String p = phone.replace(" ", "");
    List<?> rows = tenantDb.em().createNativeQuery("SELECT c.viber_id FROM viber_contacts c WHERE EXISTS (SELECT 1"
            + " FROM addresses a WHERE a.owner_type = 'person' AND a.owner_id = c.person_id AND (a.phone = ?"
            + " OR a.phone = ? OR a.phone = ?)) ORDER BY c.id LIMIT 1")
        .setParameter(1, p).setParameter(2, p.startsWith("+") ? p.substring(1) : p)
        .setParameter(3, p.startsWith("+") ? p : "+" + p).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
  }

  /** The primary phone of the person registered under this Viber id. */
  public Optional<String> phoneOf(String viberId) {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT a.phone FROM viber_contacts c JOIN addresses a"
            + " ON a.owner_type = 'person' AND a.owner_id = c.person_id WHERE c.viber_id = ? AND a.phone IS NOT NULL"
            + " ORDER BY a.is_primary DESC, a.id LIMIT 1")
        .setParameter(1, viberId).getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
  }

  /**
   * MPM's {@code register+<serial>}: the customer owning the device with this serial becomes a contact under this
   * Viber id, unless the serial is registered already. The answer to send back.
   */
  public String register(String viberId, String serial) {
    if (serial == null || serial.isBlank()) {
      return "Please enter your meter serial number after register+";
    }
    List<?> owner = tenantDb.em().createNativeQuery("SELECT person_id FROM devices WHERE device_serial = ?")
        .setParameter(1, serial).getResultList();
    if (owner.isEmpty()) {
      return "We couldn't find your meter. Please check your meter serial number and try again.";
    }
    List<?> taken = tenantDb.em().createNativeQuery("SELECT id FROM viber_contacts WHERE"
        + " registered_meter_serial_number = ? FOR UPDATE").setParameter(1, serial).getResultList();
    if (!taken.isEmpty()) {
      return serial + " has already registered with MicroPowerManager.";
    }
    if (owner.get(0) == null) {
      return null;
    }
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO viber_contacts (person_id, viber_id, registered_meter_serial_number,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, ((Number) owner.get(0)).longValue()).setParameter(2, viberId).setParameter(3, serial)
        .setParameter(4, now).setParameter(5, now).executeUpdate();
    return "You have successfully registered with MicroPowerManager.";
  }

  /** Records a message handed to Viber, by its uuid, in a transaction of its own. */
  public void sent(String uuid) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO viber_messages (sms_id, created_at, updated_at)"
            + " SELECT id, ?, ? FROM sms WHERE uuid = ? AND direction = 1")
        .setParameter(1, now).setParameter(2, now).setParameter(3, uuid).executeUpdate();
  }

  /** Viber's {@code delivered} / {@code seen} (delivered) or {@code failed} event for a message token. */
  public boolean report(String messageToken, boolean delivered) {
    return callbacks.reportByReference(messageToken, delivered ? Sms.STATUS_DELIVERED : Sms.STATUS_FAILED);
  }
}
