package org.mpm.plugins.africastalking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's Africa's Talking account ({@code africas_talking_credentials}, one row, created empty on first read
 * as MPM's installation does): API key, username and sender short code, all three stored encrypted.
 */
@Stateless
public class AfricasTalkingCredentials {

  /** {@code mpm_plugins.id} of AfricasTalking. */
  public static final long PLUGIN_ID = 18;

  /** The credentials in clear (null where not set). */
  public record Credential(long id, String apiKey, String username, String shortCode, LocalDateTime createdAt,
      LocalDateTime updatedAt) {

    boolean complete() {
      return apiKey != null && !apiKey.isBlank() && username != null && !username.isBlank();
    }
  }

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential (403 when the plugin is not enabled), created empty if the company has none. */
  public Credential show() {
    return gate.oneRow(PLUGIN_ID, this::read, this::create);
  }

  /** Saves the three values encrypted (403 when the plugin is not enabled); the masked key keeps the stored one. */
  public Credential update(String apiKey, String username, String shortCode) {
    Credential c = show();
    CredentialCipher cipher = gate.cipher();
    String key = CredentialCipher.unlessMasked(apiKey, c.apiKey());
    tenantDb.em().createNativeQuery("UPDATE africas_talking_credentials SET api_key = ?, username = ?,"
            + " short_code = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, cipher.encrypt(key)).setParameter(2, cipher.encrypt(username))
        .setParameter(3, cipher.encrypt(shortCode)).setParameter(4, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(5, c.id()).executeUpdate();
    return read().orElseThrow();
  }

  /** The credentials the gateway sends with: present when the plugin is enabled and key and username are set. */
  public Optional<Credential> usable() {
    if (!gate.enabled(PLUGIN_ID)) {
      return Optional.empty();
    }
    return read().filter(Credential::complete);
  }

  private Optional<Credential> read() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, api_key, username, short_code, created_at, updated_at"
        + " FROM africas_talking_credentials ORDER BY id LIMIT 1").getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    CredentialCipher cipher = gate.cipher();
    return Optional.of(new Credential(((Number) r[0]).longValue(), cipher.decrypt((String) r[1]),
        cipher.decrypt((String) r[2]), cipher.decrypt((String) r[3]), time(r[4]), time(r[5])));
  }

  private Credential create() {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    EntityManager em = tenantDb.em();
    em.createNativeQuery("INSERT INTO africas_talking_credentials (created_at, updated_at) VALUES (?, ?)")
        .setParameter(1, now).setParameter(2, now).executeUpdate();
    return read().orElseThrow();
  }

  static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
