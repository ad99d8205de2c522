package org.mpm.plugins.textbee;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsInbox;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's received TextBee messages by TextBee's id ({@code textbee_received_messages}) and the poll's cursor
 * and claim ({@code textbee_polls}). A message is written to the inbox in the transaction that takes its id, so a
 * copy delivered by the webhook and one found by a poll, also at the same moment, are stored once.
 */
@Stateless
public class TextbeeInbox {

  @Inject TenantDatabase tenantDb;
  @Inject SmsInbox inbox;

  /** A claimed poll: messages received from {@code after} on (inclusive) are new; null before the first poll. */
  public record Claim(LocalDateTime after) {}

  /**
   * Stores the message in the inbox unless TextBee's id was taken before; the stored message, or empty for a copy.
   * A concurrent copy waits for this transaction on the id's unique key and is then found taken.
   */
  public Optional<Sms> takeOnce(String textbeeId, String sender, String message, LocalDateTime receivedAt) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    int taken = NativeSql.execute(tenantDb.connection(), "INSERT IGNORE INTO textbee_received_messages"
        + " (textbee_sms_id, received_at, created_at) VALUES (?, ?, ?)",
        Arrays.asList(textbeeId, receivedAt == null ? null : Timestamp.valueOf(receivedAt), now));
    if (taken == 0) {
      return Optional.empty();
    }
    Sms in = inbox.receive(sender, message);
    NativeSql.execute(tenantDb.connection(), "UPDATE textbee_received_messages SET sms_id = ?"
        + " WHERE textbee_sms_id = ?", List.of(in.getId(), textbeeId));
    return Optional.of(in);
  }

  /**
   * Claims the company's poll for {@code lease}, unless another node holds it; the cursor to poll from.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Claim> claimPoll(Duration lease) {
    LocalDateTime now = Timestamped.nowUtc();
    List<?> rows = tenantDb.em().createNativeQuery("SELECT received_after, claimed_until FROM textbee_polls"
        + " WHERE id = 1 FOR UPDATE").getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    LocalDateTime claimedUntil = time(row[1]);
    if (claimedUntil != null && claimedUntil.isAfter(now)) {
      return Optional.empty();
    }
    NativeSql.execute(tenantDb.connection(), "UPDATE textbee_polls SET claimed_until = ?, updated_at = ?"
        + " WHERE id = 1", List.of(Timestamp.valueOf(now.plus(lease)), Timestamp.valueOf(now)));
    return Optional.of(new Claim(time(row[0])));
  }

  /** Ends the claimed poll: the cursor moves to {@code after} (never back), and the claim is released. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void endPoll(LocalDateTime after) {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    if (after != null) {
      Timestamp cursor = Timestamp.valueOf(after);
      NativeSql.execute(tenantDb.connection(), "UPDATE textbee_polls SET received_after = ? WHERE id = 1"
          + " AND (received_after IS NULL OR received_after < ?)", List.of(cursor, cursor));
    }
    NativeSql.execute(tenantDb.connection(), "UPDATE textbee_polls SET claimed_until = NULL, updated_at = ?"
        + " WHERE id = 1", List.of(now));
  }

  private static LocalDateTime time(Object o) {
    if (o instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (o instanceof LocalDateTime t) {
      return t;
    }
    return null;
  }
}
