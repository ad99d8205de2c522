package org.mpm.plugins.smsparser;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.plugins.smsparser.SmsParsingRules.Parsed;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.PaymentRequest;

/**
 * The payments read from incoming messages and not yet booked ({@code sms_parser_bookings}): written in the
 * transaction that stores the message, then claimed for booking — right after that commit, and by
 * {@link SmsPaymentSchedule} while one is left unbooked. A claim leases the row until its next attempt is due
 * ({@code mpm.sms-parser.retry-seconds}, doubled with every attempt up to an hour), so nodes share the rows
 * ({@code FOR UPDATE SKIP LOCKED}) and a booking cut short by a failure or a stopped server is tried again.
 */
@Stateless
public class SmsPaymentBookings {

  private static final Logger LOG = Logger.getLogger(SmsPaymentBookings.class.getName());
  private static final int MAX_TEXT = 191;
  private static final long MAX_DELAY_SECONDS = 3600;

  /** A payment to book: its row and the request it is booked with (the same on every attempt). */
  public record Booking(long id, String reference, PaymentRequest request) {}

  @Inject TenantDatabase tenantDb;

  @Inject
  @ConfigProperty(name = "mpm.sms-parser.retry-seconds", defaultValue = "60")
  long retrySeconds;

  /**
   * Keeps the payment found in a stored message, in the inbox's transaction. Its first attempt belongs to the
   * receiving request ({@link #claim} with the message's id); the sweep takes it only when it is still unbooked
   * {@code mpm.sms-parser.retry-seconds} later.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void add(long smsId, String sender, Parsed p) {
    String senderPhone = p.senderPhone() != null ? p.senderPhone() : sender == null ? "" : sender;
    if (tooLong(p.providerName()) || tooLong(p.reference()) || tooLong(p.rawAmount())
        || tooLong(p.deviceSerial()) || tooLong(senderPhone)) {
      LOG.warning("SMS " + smsId + " reads as a payment with a field longer than " + MAX_TEXT
          + " characters; not booked");
      return;
    }
    LocalDateTime at = Timestamped.nowUtc();
    Timestamp now = Timestamp.valueOf(at);
    NativeSql.insertRows(tenantDb.connection(), "INSERT INTO sms_parser_bookings (sms_id, provider_name,"
        + " transaction_reference, amount, raw_amount, device_serial, sender_phone, raw_message, attempts,"
        + " next_attempt_at, created_at, updated_at)", "(?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        List.<Object[]>of(new Object[] {smsId, p.providerName(), p.reference(), p.amount().toPlainString(),
            p.rawAmount(), p.deviceSerial(), senderPhone, p.rawMessage(),
            Timestamp.valueOf(at.plusSeconds(retrySeconds)), now, now}));
  }

  /**
   * Claims unbooked payments: one message's payment when {@code smsId} is given (the receiving request's attempt,
   * due or not: a sweep that took it meanwhile books the same payment, which its reference keeps to one), else the
   * due ones, at most {@code limit}. Each attempt is counted and the row leased until the attempt after it would be
   * due.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Booking> claim(Long smsId, int limit) {
    LocalDateTime now = Timestamped.nowUtc();
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, provider_name, transaction_reference, amount,"
            + " raw_amount, device_serial, sender_phone, raw_message, attempts FROM sms_parser_bookings"
            + " WHERE booked_at IS NULL AND " + (smsId == null ? "next_attempt_at <= ? ORDER BY id LIMIT " + limit
                + " FOR UPDATE SKIP LOCKED" : "sms_id = ? FOR UPDATE"))
        .setParameter(1, smsId == null ? Timestamp.valueOf(now) : smsId).getResultList();
    List<Booking> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      int attempts = ((Number) r[8]).intValue() + 1;
      long delay = Math.min(retrySeconds << Math.min(attempts - 1, 20), MAX_DELAY_SECONDS);
      NativeSql.execute(tenantDb.connection(), "UPDATE sms_parser_bookings SET attempts = ?, next_attempt_at = ?,"
          + " updated_at = ? WHERE id = ?", List.of(attempts, Timestamp.valueOf(now.plusSeconds(delay)),
              Timestamp.valueOf(now), id));
      Map<String, Object> attributes = new HashMap<>();
      attributes.put(SmsPaymentProvider.PROVIDER_NAME, r[1]);
      attributes.put(SmsPaymentProvider.SENDER_PHONE, r[6]);
      attributes.put(SmsPaymentProvider.RAW_MESSAGE, r[7]);
      out.add(new Booking(id, (String) r[2], new PaymentRequest(SmsPaymentProvider.MORPH, (String) r[5],
          new BigDecimal((String) r[3]), (String) r[4], SmsPaymentProvider.SCOPE, (String) r[2], attributes,
          null)));
    }
    return out;
  }

  /** The payment was booked or refused (the pipeline kept the refusal): never tried again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void done(long id, String outcome) {
    LocalDateTime now = Timestamped.nowUtc();
    NativeSql.execute(tenantDb.connection(), "UPDATE sms_parser_bookings SET booked_at = ?, outcome = ?,"
        + " updated_at = ? WHERE id = ?", List.of(Timestamp.valueOf(now), limit(outcome),
            Timestamp.valueOf(now), id));
  }

  /** The attempt failed: the reason is kept; the lease taken by the claim is the wait before the next one. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(long id, String error) {
    NativeSql.execute(tenantDb.connection(), "UPDATE sms_parser_bookings SET outcome = ?, updated_at = ?"
        + " WHERE id = ? AND booked_at IS NULL", List.of(limit("Failed: " + error),
            Timestamp.valueOf(Timestamped.nowUtc()), id));
  }

  private static boolean tooLong(String s) {
    return s != null && s.length() > MAX_TEXT;
  }

  private static String limit(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
