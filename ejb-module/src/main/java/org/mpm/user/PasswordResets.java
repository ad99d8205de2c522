package org.mpm.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.auth.LoginTenant;
import org.mpm.auth.PasswordHasher;
import org.mpm.common.Timestamped;
import org.mpm.mail.MailService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.user.ResetTokens.Composite;

/**
 * Password reset by e-mail (MPM's UserPasswordController and UserPasswordResetService). The company is found from
 * the e-mail in the login directory; a user of it gets a mail with a link to the web console's reset page
 * ({@code mpm.frontend.url}, MPM's {@code MPM_FRONTEND_URL}) carrying a single-use token. The company's
 * {@code password_resets} keeps the token's SHA-256 only, one per e-mail; it is valid for
 * {@code mpm.password-reset.lifetime-minutes} (60, MPM's {@code auth.passwords.users.expire}) and gone once used. A
 * new request within a minute of the last one sends nothing (Laravel's password broker throttle). Nothing here
 * tells a caller whether an e-mail is known: the routes answer alike.
 */
@Stateless
public class PasswordResets {

  static final Duration THROTTLE = Duration.ofSeconds(60);

  @Inject LoginTenant loginTenant;
  @Inject TenantDatabase tenantDb;
  @Inject MailService mails;

  @Inject
  @ConfigProperty(name = "mpm.frontend.url", defaultValue = "http://localhost:8001")
  String consoleUrl;

  @Inject
  @ConfigProperty(name = "mpm.password-reset.lifetime-minutes", defaultValue = "60")
  long lifetimeMinutes;

  /**
   * Sends a reset mail to the user with this e-mail, if there is one (not to an agent, whose e-mail is in the
   * directory too), replacing the user's earlier token; the mail is delivered after this transaction commits.
   */
  public void request(String email) {
    if (!loginTenant.bindIfKnown(email)) {
      return;
    }
    User user = user(email, true);
    if (user == null) {
      return;
    }
    EntityManager em = tenantDb.em();
    LocalDateTime now = Timestamped.nowUtc();
    Number recent = (Number) em.createNativeQuery(
            "SELECT COUNT(*) FROM password_resets WHERE email = ? AND created_at > ?")
        .setParameter(1, user.getEmail()).setParameter(2, Timestamp.valueOf(now.minus(THROTTLE))).getSingleResult();
    if (recent.longValue() > 0) {
      return;
    }
    em.createNativeQuery("DELETE FROM password_resets WHERE email = ?").setParameter(1, user.getEmail())
        .executeUpdate();
    String token = ResetTokens.newToken();
    em.createNativeQuery("INSERT INTO password_resets (email, token, created_at) VALUES (?, ?, ?)")
        .setParameter(1, user.getEmail()).setParameter(2, ResetTokens.hash(token))
        .setParameter(3, Timestamp.valueOf(now)).executeUpdate();
    String link = PasswordResetMail.link(consoleUrl, ResetTokens.encode(user.getEmail(), token));
    mails.send(PasswordResetMail.mail(user.getEmail(), user.getName(), link),
        PasswordResetMail.kept(user.getName(), consoleUrl));
  }

  /** The e-mail a composite token resets the password of, while the token is valid. */
  public Optional<String> check(String composite) {
    Optional<Composite> c = ResetTokens.decode(composite);
    if (c.isEmpty() || !loginTenant.bindIfKnown(c.get().email())) {
      return Optional.empty();
    }
    User user = user(c.get().email(), false);
    return user != null && valid(c.get(), false) ? Optional.of(user.getEmail()) : Optional.empty();
  }

  /**
   * Sets the password of the user a valid composite token names and removes the user's tokens; false, changing
   * nothing, for an unknown, used or expired token. Of concurrent uses of one token one succeeds.
   */
  public boolean reset(String composite, String password) {
    Optional<Composite> c = ResetTokens.decode(composite);
    if (c.isEmpty() || !loginTenant.bindIfKnown(c.get().email())) {
      return false;
    }
    User user = user(c.get().email(), true);
    if (user == null || !valid(c.get(), true)) {
      return false;
    }
    user.setPasswordHash(PasswordHasher.hash(password));
    tenantDb.em().createNativeQuery("DELETE FROM password_resets WHERE email = ?").setParameter(1, user.getEmail())
        .executeUpdate();
    return true;
  }

  /** Whether the company keeps this e-mail's token and it has not expired. */
  private boolean valid(Composite c, boolean lock) {
    List<?> created = tenantDb.em().createNativeQuery("SELECT created_at FROM password_resets WHERE email = ?"
            + " AND token = ?" + (lock ? " FOR UPDATE" : ""))
        .setParameter(1, c.email()).setParameter(2, ResetTokens.hash(c.token())).getResultList();
    LocalDateTime now = Timestamped.nowUtc();
    Duration lifetime = Duration.ofMinutes(lifetimeMinutes);
    return created.stream().anyMatch(t -> ResetTokens.live(localDateTime(t), now, lifetime));
  }

  /** The user with this e-mail; locked, requests and resets of one user take turns. */
  private User user(String email, boolean lock) {
    var q = tenantDb.em().createNamedQuery("User.findByEmail", User.class).setParameter("email", email);
    if (lock) {
      q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return q.getResultStream().findFirst().orElse(null);
  }

  private static LocalDateTime localDateTime(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l : null;
  }
}
