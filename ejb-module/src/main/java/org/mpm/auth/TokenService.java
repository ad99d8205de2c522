package org.mpm.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.UnauthorizedException;
import org.mpm.tenancy.TenantMemo;

/**
 * Issues and verifies JWTs: 60-minute tokens, refresh within 14 days of the original {@code iat}, and a
 * deny-list in the central database so a logged-out token is dead on every node. The signing secret comes
 * from {@code mpm.jwt.secret} (MPM_JWT_SECRET) or, when none is configured, is generated once per installation.
 */
@ApplicationScoped
public class TokenService {

  @Inject
  @ConfigProperty(name = "mpm.jwt.secret")
  Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(name = "mpm.jwt.ttl-minutes", defaultValue = "60")
  long ttlMinutes;

  @Inject
  @ConfigProperty(name = "mpm.jwt.refresh-ttl-minutes", defaultValue = "20160")
  long refreshTtlMinutes;

  @Inject InstanceSecrets secrets;
  @Inject TokenDenylist denylist;
  @Inject TenantMemo memo;

  private volatile JwtCodec codec;

  @PostConstruct
  void init() {
    configuredSecret.filter(s -> !s.isBlank())
        .ifPresent(s -> codec = new JwtCodec(s.getBytes(StandardCharsets.UTF_8)));
  }

  private JwtCodec codec() {
    JwtCodec c = codec;
    if (c == null) {
      synchronized (this) {
        if (codec == null) {
          codec = new JwtCodec(secrets.getOrCreate("jwt_secret").getBytes(StandardCharsets.UTF_8));
        }
        c = codec;
      }
    }
    return c;
  }

  public IssuedToken issue(Guard guard, long subjectId, long companyId, String issuer, long ttlMinutesOverride) {
    long now = Instant.now().getEpochSecond();
    return issue(guard, subjectId, companyId, issuer, now, now, ttlMinutesOverride);
  }

  public IssuedToken issue(Guard guard, long subjectId, long companyId, String issuer) {
    return issue(guard, subjectId, companyId, issuer, ttlMinutes);
  }

  private IssuedToken issue(Guard guard, long subjectId, long companyId, String issuer, long iat, long now,
      long ttl) {
    long exp = now + ttl * 60;
    String token = codec().encode(new JwtClaims(issuer, iat, exp, now, JwtCodec.newId(),
        Long.toString(subjectId), guard.prv(), companyId));
    return new IssuedToken(token, ttl * 60);
  }

  /** Verifies a token for normal use by the given guard. */
  public JwtClaims verify(String token, Guard guard) {
    JwtClaims claims = codec().decode(token, Instant.now().getEpochSecond(), 0);
    checkGuardAndDenylist(claims, guard);
    return claims;
  }

  /**
   * Exchanges a token, possibly expired but within the refresh window, for a new one with the same
   * {@code sub}, {@code iat} and {@code companyId}; the old one is denied from then on.
   */
  public IssuedToken refresh(String token, Guard guard, String issuer) {
    long now = Instant.now().getEpochSecond();
    JwtClaims claims = codec().decode(token, now, refreshTtlMinutes * 60);
    checkGuardAndDenylist(claims, guard);
    if (!denylist.deny(claims.id(), claims.issuedAt() + refreshTtlMinutes * 60)) {
      // A concurrent refresh of the same token won: one token, one successor.
      throw new UnauthorizedException("The token has been blacklisted");
    }
    return issue(guard, claims.subjectId(), claims.companyId(), issuer, claims.issuedAt(), now, ttlMinutes);
  }

  /** Logs a token out: it is refused from now on, on every node. */
  public void revoke(JwtClaims claims) {
    denylist.deny(claims.id(), Math.max(claims.expiresAt(), claims.issuedAt() + refreshTtlMinutes * 60));
  }

  public long ttlSeconds() {
    return ttlMinutes * 60;
  }

  private void checkGuardAndDenylist(JwtClaims claims, Guard guard) {
    if (!guard.prv().equals(claims.prv())) {
      throw new UnauthorizedException();
    }
    // Remembered here, so that most requests need no call into the deny list (nor its transaction).
    if (memo.get(TokenDenylist.TOPIC, "central", claims.id(), TokenDenylist.REMEMBER_NANOS,
        () -> denylist.isDenied(claims.id()))) {
      throw new UnauthorizedException("The token has been blacklisted");
    }
  }
}
