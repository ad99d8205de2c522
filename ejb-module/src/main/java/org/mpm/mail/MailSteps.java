package org.mpm.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.NativeSql;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantDatabase;

/**
 * The transactional steps of the mail queue, each its own tenant transaction: claim due mails
 * ({@code FOR UPDATE SKIP LOCKED} and a lease, so nodes share the queue) and record a mailer's answer (sent, a retry
 * with backoff, or given up after {@code mpm.mail.max-attempts} attempts or a refusal that cannot change). A mail
 * claimed by a node that dies before recording is claimed again when its lease has run out, so a mail is delivered
 * at least once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailSteps {

  /** How long a claim holds a mail before another node may take it up. */
  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(15);

  @Inject TenantDatabase tenantDb;

  @Inject
  @ConfigProperty(name = "mpm.mail.max-attempts", defaultValue = "6")
  int maxAttempts;

  /** A claimed mail: its row and the mail as it is to be sent. */
  public record Claimed(long id, MailMessage mail) {}

  /** Claims up to {@code limit} due mails for {@link #LEASE}, oldest first. */
  public List<Claimed> claim(int limit) {
    EntityManager em = tenantDb.em();
    LocalDateTime now = Timestamped.nowUtc();
    List<?> rows = em.createNativeQuery("SELECT id, receiver, subject, payload FROM mails WHERE status = 0"
            + " AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
        .setParameter(1, Timestamp.valueOf(now)).setParameter(2, limit).getResultList();
    List<Claimed> claimed = new ArrayList<>(rows.size());
    List<Long> ids = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      claimed.add(new Claimed(id, new MailMessage((String) r[1], (String) r[2], (String) r[3])));
      ids.add(id);
    }
    if (!ids.isEmpty()) {
      var lease = em.createNativeQuery("UPDATE mails SET next_attempt_at = ?, updated_at = ? WHERE id IN ("
              + NativeSql.in(ids.size()) + ")")
          .setParameter(1, Timestamp.valueOf(now.plus(LEASE))).setParameter(2, Timestamp.valueOf(now));
      NativeSql.bindIn(lease, 3, ids);
      lease.executeUpdate();
    }
    return claimed;
  }

  /**
   * Records the mailer's answer for a claimed mail, unless the mail was finished meanwhile; returns when it is to
   * be tried again, if it is.
   */
  public Optional<LocalDateTime> record(long id, Mailer.Result result) {
    Mail mail = tenantDb.em().find(Mail.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (mail == null || mail.getStatus() != Mail.STATUS_WAITING) {
      return Optional.empty();
    }
    LocalDateTime now = Timestamped.nowUtc();
    int attempt = mail.getAttempts() + 1;
    boolean giveUp = result.permanent() || attempt >= maxAttempts;
    LocalDateTime retryAt = now.plus(retryDelay(attempt));
    mail.record(result, giveUp, now, retryAt);
    return mail.getStatus() == Mail.STATUS_WAITING ? Optional.of(retryAt) : Optional.empty();
  }

  /** The wait after failed attempt {@code attempt} (1, 2, …): 30 s, doubling, at most 15 minutes. */
  static Duration retryDelay(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 10));
    Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }
}
