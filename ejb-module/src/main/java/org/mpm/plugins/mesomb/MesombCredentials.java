package org.mpm.plugins.mesomb;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/**
 * The secret MeSomb signs the company's webhooks with ({@code mesomb_credentials}, one row, created empty on first
 * read, the secret stored encrypted). MPM's MeSomb plugin keeps no credentials; this row exists for the signed
 * webhook only.
 */
@Stateless
public class MesombCredentials {

  /** The credential in clear (a null secret when none is set). */
  public record Credential(long id, String webhookSecret, LocalDateTime createdAt, LocalDateTime updatedAt) {}

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential (403 when the plugin is not enabled), created empty if the company has none. */
  public Credential show() {
    return gate.oneRow(MesombService.PLUGIN_ID, this::read, () -> {
      Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
      tenantDb.em().createNativeQuery("INSERT INTO mesomb_credentials (created_at, updated_at) VALUES (?, ?)")
          .setParameter(1, now).setParameter(2, now).executeUpdate();
      return read().orElseThrow();
    });
  }

  /** Saves the webhook secret encrypted (403 when the plugin is not enabled); its mask keeps the stored one. */
  public Credential update(String webhookSecret) {
    Credential c = show();
    String secret = CredentialCipher.unlessMasked(webhookSecret, c.webhookSecret());
    tenantDb.em().createNativeQuery("UPDATE mesomb_credentials SET webhook_secret = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, gate.cipher().encrypt(secret)).setParameter(2, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(3, c.id()).executeUpdate();
    return read().orElseThrow();
  }

  /** The current company's webhook secret, if one is set; no enablement check and nothing written. */
  public Optional<String> webhookSecret() {
    return read().map(Credential::webhookSecret).filter(s -> !s.isEmpty());
  }

  private Optional<Credential> read() {
    return tenantDb.em().createNativeQuery("SELECT id, webhook_secret, created_at, updated_at FROM mesomb_credentials"
        + " ORDER BY id LIMIT 1").getResultStream().findFirst().map(row -> {
          Object[] r = (Object[]) row;
          return new Credential(((Number) r[0]).longValue(), gate.cipher().decrypt((String) r[1]), time(r[2]),
              time(r[3]));
        });
  }

  private static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
