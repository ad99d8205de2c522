package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mpm.customer.Person;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.Token;
import org.mpm.transaction.Transaction;

/**
 * Outgoing SMS of the current company: templates by reference, the token confirmation of a transaction (MPM's
 * unified {@code TransactionConfirmation} sender: no header, footer or pricing details) and sending through the
 * configured {@link SmsGateway}. Every message is written to {@code sms} (status 0, a new {@code uuid}) before it
 * is handed to the gateway, then marked sent ({@code status} 1; a gateway's own reference replaces the uuid) or
 * failed ({@code status} -1, {@code error_message}, {@code attempts} + 1) as MPM's markSent/markFailed do.
 */
@Stateless
public class SmsService {

  static final int ERROR_MESSAGE_MAX = 1000;
  /** A sender that is a phone number: digits, optionally a leading +, spaces or dashes. */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{5,}");

  @Inject TenantDatabase tenantDb;
  @Inject SmsGateways gateways;

  /** All templates, by id. */
  public List<SmsBody> bodies() {
    return tenantDb.em().createQuery("SELECT b FROM SmsBody b ORDER BY b.id", SmsBody.class).getResultList();
  }

  /** The template with this reference. */
  public Optional<SmsBody> body(String reference) {
    return tenantDb.em()
        .createQuery("SELECT b FROM SmsBody b WHERE b.reference = :r", SmsBody.class)
        .setParameter("r", reference)
        .getResultStream()
        .findFirst();
  }

  /** Renders the template {@code reference} with its kind's variables; empty when there is no such template. */
  public Optional<String> render(String reference, Map<String, ?> values) {
    return body(reference).map(b -> SmsTemplates.render(reference, b.getBody(), values));
  }

  /** Writes and sends one outgoing message without trigger. */
  public Sms send(String receiver, String body) {
    return send(receiver, body, null, null);
  }

  /** Writes and sends one outgoing message; {@code triggerType}/{@code triggerId} may be null. */
  public Sms send(String receiver, String body, String triggerType, Long triggerId) {
    Sms sms = new Sms(receiver, body == null ? "" : body);
    sms.setTrigger(triggerType, triggerId);
    return deliver(sms);
  }

  /** Writes the message (status 0, a new uuid), hands it to the gateway and records the outcome. */
  private Sms deliver(Sms sms) {
    EntityManager em = tenantDb.em();
    String receiver = sms.getReceiver();
    sms.setUuid(UUID.randomUUID().toString());
    em.persist(sms);
    em.flush();
    SmsGateway gateway = gateways.active();
    SmsGateway.Result result;
    try {
      result = gateway.send(receiver, sms.getBody(), sms.getUuid());
    } catch (RuntimeException e) {
      result = SmsGateway.Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (result.accepted()) {
      sms.setStatus(Sms.STATUS_SENT);
      if (result.reference() != null && !result.reference().isBlank()) {
        sms.setUuid(result.reference());
      }
      sms.setErrorMessage(null);
    } else {
      sms.setStatus(Sms.STATUS_FAILED);
      sms.setErrorMessage(limit(result.error() == null ? "" : result.error()));
      sms.setAttempts(sms.getAttempts() + 1);
    }
    sms.setGatewayId(gateway.pluginId());
    em.flush();
    return sms;
  }

  /**
   * The primary phone of a person (MPM's {@code Address::where(owner_type person, owner_id, is_primary 1)}), or
   * null.
   */
  public String primaryPhone(long personId) {
    List<?> r = tenantDb.em().createNativeQuery(
            "SELECT phone FROM addresses WHERE owner_type = ? AND owner_id = ? AND is_primary = 1 ORDER BY id LIMIT 1")
        .setParameter(1, Person.MORPH)
        .setParameter(2, personId)
        .getResultList();
    return r.isEmpty() ? null : (String) r.get(0);
  }

  /** A manual outgoing message (MPM's storeAndSend): written with its {@code sender_id}, then sent. */
  public Sms sendManual(String receiver, String body, Long senderId) {
    Sms sms = new Sms(receiver, body == null ? "" : body);
    sms.setSenderId(senderId);
    return deliver(sms);
  }

  /** Laravel's {@code Str::limit(message, 1000)}: longer messages are cut and end with "...". */
  static String limit(String message) {
    return message.length() <= ERROR_MESSAGE_MAX ? message : message.substring(0, ERROR_MESSAGE_MAX) + "...";
  }

  /**
   * Writes the confirmation SMS of a transaction, unsent (status 0), for the payment pipeline to send:
   * {@code TokenConfirmationMeter} for an energy token, {@code TokenConfirmationSHS} for a time token, otherwise
   * {@code TransactionConfirmationNoToken}. The receiver is the transaction's sender when that is a phone number,
   * else the primary phone of the device owner (an agent payment's sender is {@code Agent-<id>}, which MPM turns
   * into the receiver {@code +Agent-<id>}). Empty when the transaction does not exist, a confirmation for it was
   * already written, there is no phone, or the template is missing. Returns the sms id.
   */
  public Optional<Long> composeTransactionConfirmation(long transactionId, LocalDateTime at) {
    EntityManager em = tenantDb.em();
    Transaction tx = em.find(Transaction.class, transactionId);
    if (tx == null) {
      return Optional.empty();
    }
    Number already = (Number) em.createNativeQuery(
            "SELECT COUNT(*) FROM sms WHERE trigger_type = ? AND trigger_id = ?")
        .setParameter(1, Sms.TRIGGER_TRANSACTION)
        .setParameter(2, transactionId)
        .getSingleResult();
    if (already.longValue() > 0) {
      return Optional.empty();
    }
    Token token = em.createQuery("SELECT t FROM Token t WHERE t.transactionId = :id ORDER BY t.id", Token.class)
        .setParameter("id", transactionId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);

    String name = null;
    String surname = null;
    String ownerPhone = null;
    List<?> owner = em.createNativeQuery(
            "SELECT p.name, p.surname, (SELECT a.phone FROM addresses a WHERE a.owner_type = ? AND a.owner_id = p.id"
                + " AND a.is_primary = 1 ORDER BY a.id LIMIT 1)"
                + " FROM devices d JOIN people p ON p.id = d.person_id WHERE d.device_serial = ? LIMIT 1")
        .setParameter(1, Person.MORPH)
        .setParameter(2, tx.getMessage())
        .getResultList();
    if (!owner.isEmpty()) {
      Object[] row = (Object[]) owner.get(0);
      name = (String) row[0];
      surname = (String) row[1];
      ownerPhone = (String) row[2];
    }

    String receiver;
    String sender = tx.getSender();
    if (sender != null && PHONE.matcher(sender).matches()) {
      receiver = SmsTemplates.e164(sender);
    } else if (ownerPhone != null && !ownerPhone.isEmpty()) {
      receiver = SmsTemplates.e164(ownerPhone);
    } else {
      return Optional.empty();
    }

    String reference;
    Map<String, String> values;
    if (token != null && "energy".equals(token.getTokenType())) {
      reference = SmsTemplates.TOKEN_CONFIRMATION_METER;
      values = SmsTemplates.meterTokenValues(name, surname, token.getToken(),
          token.getTokenAmount() == null ? 0 : token.getTokenAmount(), tx.getMessage());
    } else if (token != null && "time".equals(token.getTokenType())) {
      reference = SmsTemplates.TOKEN_CONFIRMATION_SHS;
      values = SmsTemplates.shsTokenValues(name, surname, token.getToken(),
          token.getTokenAmount() == null ? 0 : token.getTokenAmount(), token.getTokenUnit(), tx.getMessage(),
          tx.getAmount());
    } else {
      reference = SmsTemplates.TRANSACTION_CONFIRMATION_NO_TOKEN;
      values = SmsTemplates.noTokenValues(name, surname, tx.getAmount());
    }
    Optional<String> body = render(reference, values);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    Sms sms = new Sms(receiver, body.get());
    sms.setTrigger(Sms.TRIGGER_TRANSACTION, transactionId);
    sms.setUuid(UUID.randomUUID().toString());
    em.persist(sms);
    em.flush();
    if (at != null) {
      em.createNativeQuery("UPDATE sms SET created_at = ?, updated_at = ? WHERE id = ?")
          .setParameter(1, java.sql.Timestamp.valueOf(at)).setParameter(2, java.sql.Timestamp.valueOf(at))
          .setParameter(3, sms.getId()).executeUpdate();
    }
    return Optional.of(sms.getId());
  }

  /** A stored message to hand to the gateway: its id, receiver, body and uuid. */
  public record Outgoing(long id, String receiver, String body, String uuid) {}

  /** The stored message if it has not been sent yet. */
  public Optional<Outgoing> unsent(long smsId) {
    Sms sms = tenantDb.em().find(Sms.class, smsId);
    if (sms == null || sms.getStatus() == Sms.STATUS_SENT) {
      return Optional.empty();
    }
    return Optional.of(new Outgoing(sms.getId(), sms.getReceiver(), sms.getBody(), sms.getUuid()));
  }

  /** Records the gateway's answer for a stored message (sent, or failed with the error and one more attempt). */
  public void recordResult(long smsId, SmsGateway.Result result, Integer gatewayId) {
    Sms sms = tenantDb.em().find(Sms.class, smsId);
    if (sms == null) {
      return;
    }
    if (result.accepted()) {
      sms.setStatus(Sms.STATUS_SENT);
      if (result.reference() != null && !result.reference().isBlank()) {
        sms.setUuid(result.reference());
      }
      sms.setErrorMessage(null);
    } else {
      sms.setStatus(Sms.STATUS_FAILED);
      sms.setErrorMessage(limit(result.error() == null ? "" : result.error()));
      sms.setAttempts(sms.getAttempts() + 1);
    }
    sms.setGatewayId(gatewayId);
  }

  /** The active gateway. */
  public SmsGateway gateway() {
    return gateways.active();
  }
}
