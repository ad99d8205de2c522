package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mpm.common.NativeSql;
import org.mpm.customer.Person;
import org.mpm.settings.SmsGatewayOptions;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.Token;

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
  @Inject SmsAndroidPhones androidPhones;
  @Inject SmsOutbox outbox;
  @Inject @Any Instance<SmsGatewayPlugin> plugins;

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

  /**
   * Writes the message (status 0, a new uuid), hands it to a gateway that sends inside the transaction and records
   * the outcome; for any other gateway the message is queued ({@link SmsOutbox}) and left status 0.
   */
  private Sms deliver(Sms sms) {
    EntityManager em = tenantDb.em();
    SmsGateway gateway = gateway();
    if (!gateway.sendsInTransaction()) {
      long id = outbox.queue(List.of(new SmsOutbox.Outgoing(sms.getReceiver(), sms.getBody(), sms.getSenderId(),
          sms.getTriggerType(), sms.getTriggerId()))).get(0);
      return em.find(Sms.class, id);
    }
    String receiver = sms.getReceiver();
    sms.setUuid(UUID.randomUUID().toString());
    em.persist(sms);
    em.flush();
    apply(sms, SmsGateway.sendOrFail(gateway, receiver, sms.getBody(), sms.getUuid()), gateway.pluginId());
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
   * A transaction to confirm to the customer: its id, device serial, sender and amount, the token vended for it
   * (null when the payment only paid debts) and the time to record the message at.
   */
  public record Confirmation(long transactionId, String serial, String sender, double amount, Token token,
      LocalDateTime at) {}

  /**
   * Writes the confirmation SMS of transactions: {@code TokenConfirmationMeter} for an energy token,
   * {@code TokenConfirmationSHS} for a time token, otherwise
   * {@code TransactionConfirmationNoToken}. The receiver is the transaction's sender when that is a phone number,
   * else the primary phone of the device owner (an agent payment's sender is {@code Agent-<id>}, which MPM turns
   * into the receiver {@code +Agent-<id>}). Nothing is written for a transaction whose confirmation exists, without
   * a phone, or without template. A handful of queries for the whole list. When the gateway
   * {@linkplain SmsGateway#sendsInTransaction sends inside the transaction} the messages are handed to it at once
   * and written with its answer; otherwise they are written unsent (status 0). Returns the ids of the messages
   * that are still to be sent (by the pipeline's queue).
   */
  public List<Long> composeConfirmations(List<Confirmation> confirmations) {
    if (confirmations.isEmpty()) {
      return List.of();
    }
    EntityManager em = tenantDb.em();
    List<Long> txIds = confirmations.stream().map(Confirmation::transactionId).toList();
    Set<Long> already = new HashSet<>();
    Query sent = em.createNativeQuery("SELECT trigger_id FROM sms WHERE trigger_type = ? AND trigger_id IN ("
        + NativeSql.in(txIds.size()) + ")").setParameter(1, Sms.TRIGGER_TRANSACTION);
    NativeSql.bindIn(sent, 2, txIds);
    for (Object id : sent.getResultList()) {
      already.add(((Number) id).longValue());
    }
    Map<String, String[]> owners = new HashMap<>();
    Query ownerQuery = em.createNativeQuery("SELECT d.device_serial, p.name, p.surname, (SELECT a.phone"
        + " FROM addresses a WHERE a.owner_type = ? AND a.owner_id = p.id AND a.is_primary = 1"
        + " ORDER BY a.id LIMIT 1)"
        + " FROM devices d JOIN people p ON p.id = d.person_id WHERE d.device_serial IN ("
        + NativeSql.in(confirmations.size()) + ")").setParameter(1, Person.MORPH);
    NativeSql.bindIn(ownerQuery, 2, confirmations.stream().map(Confirmation::serial).toList());
    for (Object o : ownerQuery.getResultList()) {
      Object[] row = (Object[]) o;
      owners.put((String) row[0], new String[] {(String) row[1], (String) row[2], (String) row[3]});
    }
    Map<String, Optional<SmsBody>> templates = new HashMap<>();
    List<Sms> messages = new ArrayList<>();
    List<LocalDateTime> times = new ArrayList<>();
    for (Confirmation c : confirmations) {
      if (already.contains(c.transactionId())) {
        continue;
      }
      String[] owner = owners.getOrDefault(c.serial(), new String[3]);
      String receiver = c.sender() != null && PHONE.matcher(c.sender()).matches() ? SmsTemplates.e164(c.sender())
          : owner[2] != null && !owner[2].isEmpty() ? SmsTemplates.e164(owner[2]) : null;
      if (receiver == null) {
        continue;
      }
      Token token = c.token();
      String reference;
      Map<String, String> values;
      if (token != null && "energy".equals(token.getTokenType())) {
        reference = SmsTemplates.TOKEN_CONFIRMATION_METER;
        values = SmsTemplates.meterTokenValues(owner[0], owner[1], token.getToken(),
            token.getTokenAmount() == null ? 0 : token.getTokenAmount(), c.serial());
      } else if (token != null && "time".equals(token.getTokenType())) {
        reference = SmsTemplates.TOKEN_CONFIRMATION_SHS;
        values = SmsTemplates.shsTokenValues(owner[0], owner[1], token.getToken(),
            token.getTokenAmount() == null ? 0 : token.getTokenAmount(), token.getTokenUnit(), c.serial(),
            c.amount());
      } else {
        reference = SmsTemplates.TRANSACTION_CONFIRMATION_NO_TOKEN;
        values = SmsTemplates.noTokenValues(owner[0], owner[1], c.amount());
      }
      Optional<SmsBody> template = templates.computeIfAbsent(reference, this::body);
      if (template.isEmpty()) {
        continue;
      }
      Sms sms = new Sms(receiver, SmsTemplates.render(reference, template.get().getBody(), values));
      sms.setTrigger(Sms.TRIGGER_TRANSACTION, c.transactionId());
      sms.setUuid(UUID.randomUUID().toString());
      messages.add(sms);
      times.add(c.at());
    }
    if (messages.isEmpty()) {
      return List.of();
    }
    SmsGateway gateway = gateway();
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Sms sms = messages.get(i);
      if (gateway.sendsInTransaction()) {
        apply(sms, SmsGateway.sendOrFail(gateway, sms.getReceiver(), sms.getBody(), sms.getUuid()),
            gateway.pluginId());
      }
      Timestamp at = Timestamp.valueOf(times.get(i));
      rows.add(new Object[] {sms.getReceiver(), Sms.TRIGGER_TRANSACTION, sms.getTriggerId(), sms.getBody(),
          sms.getStatus(), sms.getUuid(), sms.getGatewayId(), sms.getErrorMessage(), sms.getAttempts(), at, at});
    }
    List<Long> ids = NativeSql.insertAll(tenantDb.connection(), "INSERT INTO sms (receiver, trigger_type,"
        + " trigger_id, body, status, uuid, gateway_id, error_message, attempts, created_at, updated_at, direction)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", rows);
    List<Long> unsent = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).getStatus() != Sms.STATUS_SENT) {
        unsent.add(ids.get(i));
      }
    }
    return unsent;
  }

  /**
   * Writes an automatic message (an installment reminder) in the caller's transaction: handed to the gateway at once
   * when the gateway sends inside the transaction, otherwise written unsent. Returns the message's id when it is
   * still to be sent (by the payment pipeline's queue), else null.
   */
  public Long compose(String receiver, String body, String triggerType, Long triggerId) {
    Sms sms = new Sms(receiver, body == null ? "" : body);
    sms.setTrigger(triggerType, triggerId);
    sms.setUuid(UUID.randomUUID().toString());
    SmsGateway gateway = gateway();
    if (gateway.sendsInTransaction()) {
      apply(sms, SmsGateway.sendOrFail(gateway, receiver, sms.getBody(), sms.getUuid()), gateway.pluginId());
    }
    EntityManager em = tenantDb.em();
    em.persist(sms);
    em.flush();
    return sms.getStatus() == Sms.STATUS_SENT ? null : sms.getId();
  }

  /** A stored message to hand to the gateway: its id, receiver, body and uuid. */
  public record Outgoing(long id, String receiver, String body, String uuid) {}

  /** Records the gateway's answer for a stored message (sent, or failed with the error and one more attempt). */
  public void recordResult(long smsId, SmsGateway.Result result, Integer gatewayId) {
    Sms sms = tenantDb.em().find(Sms.class, smsId);
    if (sms != null) {
      apply(sms, result, gatewayId);
    }
  }

  /** MPM's markSent / markFailed: sent (a gateway's own reference replaces the uuid), or failed with the error. */
  private static void apply(Sms sms, SmsGateway.Result result, Integer gatewayId) {
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

  /**
   * The company's gateway, as MPM's {@code SmsGatewayResolverService} picks it from the main settings'
   * {@code sms_gateway_id}: the Android gateway (2) when the company has a phone; a gateway plugin
   * ({@link SmsGatewayPlugin}: Africa's Talking 18, TextBee 26, Viber 10) when it is enabled and its credentials are
   * complete, bound to them; otherwise, and without a choice, the installation's ({@code mpm.sms.gateway}).
   */
  public SmsGateway gateway() {
    List<?> chosen = tenantDb.em().createNativeQuery("SELECT sms_gateway_id FROM main_settings ORDER BY id LIMIT 1")
        .getResultList();
    long id = chosen.isEmpty() || chosen.get(0) == null ? 0 : ((Number) chosen.get(0)).longValue();
    if (id == SmsGatewayOptions.ANDROID && androidPhones.phone().isPresent()) {
      return gateways.named(AndroidSmsGateway.NAME);
    }
    for (SmsGatewayPlugin plugin : plugins) {
      if (plugin.pluginId() == id) {
        Optional<SmsGateway> own = plugin.forCompany();
        if (own.isPresent()) {
          return own.get();
        }
      }
    }
    return gateways.active();
  }
}
