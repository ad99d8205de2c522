package org.mpm.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.mpm.tenancy.TenantMemo;

/**
 * Logged-out and refreshed token ids, in central {@code jwt_blacklist}; shared by every node. {@link TokenService}
 * remembers the answers briefly per node ({@link #REMEMBER_NANOS}), as every authenticated request asks.
 */
@Stateless
public class TokenDenylist {

  /** The memo topic of deny-list answers (scope: the central database). */
  static final String TOPIC = "jwt_blacklist";
  /**
   * How long this node remembers that a token id is (not) denied. A logout or refresh on this node is seen at
   * once; one on another node within this time.
   */
  static final long REMEMBER_NANOS = 2_000_000_000L;

  @PersistenceContext(unitName = "central")
  EntityManager central;

  @Inject TenantMemo memo;

  /**
   * Denies a token id.
   *
   * @return true when this call denied it, false when it was already denied
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean deny(String jti, long untilEpochSeconds) {
    LocalDateTime until = LocalDateTime.ofInstant(Instant.ofEpochSecond(untilEpochSeconds), ZoneOffset.UTC);
    int inserted = central.createNativeQuery(
            "INSERT IGNORE INTO jwt_blacklist (jti, expires_at, created_at) VALUES (?1, ?2, UTC_TIMESTAMP())")
        .setParameter(1, jti)
        .setParameter(2, until)
        .executeUpdate();
    central.createNativeQuery("DELETE FROM jwt_blacklist WHERE expires_at < UTC_TIMESTAMP() LIMIT 100")
        .executeUpdate();
    memo.changed(TOPIC, "central");
    return inserted == 1;
  }

  /** Whether the token id is denied, read from the database (callers remember the answer: {@link #TOPIC}). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean isDenied(String jti) {
    return !central.createNativeQuery("SELECT 1 FROM jwt_blacklist WHERE jti = ?1")
        .setParameter(1, jti)
        .getResultList()
        .isEmpty();
  }
}
