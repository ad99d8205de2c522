package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.ticket.Ticket;
import org.mpm.ticket.TicketComment;
import org.mpm.ticket.TicketUser;

/**
 * Incoming messages (MPM's {@code POST /api/sms} and its listeners): each is written to the sender's conversation
 * ({@code direction} 0, {@code status} 2 delivered). A message that starts with the word {@code ticket} from a
 * maintenance person is a comment on that person's latest open ticket; a message that contains the company's
 * resend keyword asks for the last token of the device whose serial is its last word, which is sent back when the
 * sender's phone is one of that device owner's phones. The stored message is announced as {@link SmsStored} inside
 * the same transaction.
 */
@Stateless
public class SmsInbox {

  @Inject TenantDatabase tenantDb;
  @Inject SmsService sms;
  @Inject SmsOutbox outbox;
  @Inject Event<SmsStored> stored;

  /** Records the message and acts on it. */
  public Sms receive(String sender, String message) {
    EntityManager em = tenantDb.em();
    Sms in = new Sms(sender, message);
    in.setDirection(Sms.DIRECTION_INCOMING);
    in.setStatus(Sms.STATUS_DELIVERED);
    em.persist(in);
    em.flush();
    stored.fire(new SmsStored(in.getId(), sender, message));
    String[] words = message.trim().split("\\s+");
    if ("ticket".equals(words[0].toLowerCase(Locale.ROOT))) {
      commentOnTicket(sender, message);
    } else {
      resend(sender, message, words[words.length - 1]);
    }
    return in;
  }

  /** MPM's storeComment: "Sms Comment" + the text on the latest open ticket of the maintenance person. */
  private void commentOnTicket(String sender, String message) {
    EntityManager em = tenantDb.em();
    List<?> person = em.createNativeQuery("SELECT p.id FROM people p JOIN addresses a ON a.owner_type = 'person'"
        + " AND a.owner_id = p.id WHERE a.phone = ? AND p.is_customer = 0 AND p.deleted_at IS NULL ORDER BY p.id"
        + " LIMIT 1").setParameter(1, sender).getResultList();
    List<TicketUser> author = em.createQuery("SELECT t FROM TicketUser t WHERE t.phone = :p ORDER BY t.id",
        TicketUser.class).setParameter("p", sender).setMaxResults(1).getResultList();
    if (person.isEmpty() || author.isEmpty()) {
      return;
    }
    List<Ticket> open = em.createQuery("SELECT t FROM Ticket t WHERE t.ownerType = 'person' AND t.ownerId = :o"
            + " AND t.status = 0 ORDER BY t.createdAt DESC, t.id DESC", Ticket.class)
        .setParameter("o", ((Number) person.get(0)).longValue()).setMaxResults(1).getResultList();
    if (!open.isEmpty()) {
      em.persist(new TicketComment(open.get(0).getId(), author.get(0).getId(), "Sms Comment" + message));
    }
  }

  /** MPM's SmsListener: the resend keyword in the message, the serial its last word. */
  private void resend(String sender, String message, String serial) {
    EntityManager em = tenantDb.em();
    List<?> keys = em.createNativeQuery("SELECT `key` FROM sms_resend_information_keys ORDER BY id LIMIT 1")
        .getResultList();
    if (keys.isEmpty() || keys.get(0) == null || ((String) keys.get(0)).isBlank()
        || !message.toLowerCase(Locale.ROOT).contains(((String) keys.get(0)).toLowerCase(Locale.ROOT))) {
      return;
    }
    List<?> owner = em.createNativeQuery("SELECT p.name, p.surname FROM devices d JOIN people p ON p.id = d.person_id"
        + " WHERE d.device_serial = ? AND EXISTS (SELECT 1 FROM addresses a WHERE a.owner_type = 'person'"
        + " AND a.owner_id = p.id AND (a.phone = ? OR a.phone = ?))")
        .setParameter(1, serial).setParameter(2, sender).setParameter(3, SmsTemplates.e164(sender)).getResultList();
    Map<String, String> values = new HashMap<>();
    values.put("meter", serial);
    String body;
    List<?> last = owner.isEmpty() ? List.of() : em.createNativeQuery("SELECT t.amount, k.token, k.token_amount"
        + " FROM transactions t JOIN tokens k ON k.transaction_id = t.id WHERE t.message = ?"
        + " ORDER BY t.created_at DESC, t.id DESC LIMIT 1").setParameter(1, serial).getResultList();
    if (last.isEmpty()) {
      body = sms.render("ResendInformationLastTransactionNotFound", values).orElse("");
    } else {
      Object[] o = (Object[]) owner.get(0);
      values.put("name", (String) o[0]);
      values.put("surname", (String) o[1]);
      Object[] t = (Object[]) last.get(0);
      values.put("amount", SmsTemplates.number(((Number) t[0]).doubleValue()));
      values.put("token", (String) t[1]);
      values.put("energy", t[2] == null ? "" : SmsTemplates.number(((Number) t[2]).doubleValue()));
      body = sms.render("SmsResendInformationHeader", values).orElse("")
          + sms.render("ResendInformation", values).orElse("");
    }
    body += " " + sms.render("SmsResendInformationFooter", values).orElse("");
    outbox.queue(List.of(new SmsOutbox.Outgoing(sender, body.trim(), null, null, null)));
  }
}
