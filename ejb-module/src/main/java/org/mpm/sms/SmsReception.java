package org.mpm.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.mpm.tenancy.TenantDatabase;

/**
 * Where every incoming message enters, whatever its channel ({@code POST /api/sms}, a gateway plugin's webhook):
 * written to the inbox and acted on in one transaction ({@link SmsInbox}), then announced as {@link SmsReceived}
 * (MPM's {@code SmsStoredEvent}) once that transaction has committed, so that an observer (the SMS transaction
 * parser) works in transactions of its own. A plain bean without a transaction of its own.
 */
@ApplicationScoped
public class SmsReception {

  @Inject SmsInbox inbox;
  @Inject TenantDatabase tenantDb;
  @Inject Event<SmsReceived> received;

  /** Records the message, then tells the observers; the stored message. */
  public Sms receive(String sender, String message) {
    return announce(inbox.receive(sender, message), sender, message);
  }

  /**
   * Tells the observers of a message a channel wrote through {@link SmsInbox} in a transaction of its own (e.g.
   * with the vendor's message id), once that transaction has committed; the message.
   */
  public Sms announce(Sms in, String sender, String message) {
    received.fire(new SmsReceived(tenantDb.companyId(), in.getId(), sender, message));
    return in;
  }
}
