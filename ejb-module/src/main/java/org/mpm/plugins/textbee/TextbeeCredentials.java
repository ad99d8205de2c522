package org.mpm.plugins.textbee;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's TextBee account ({@code textbee_credentials}, one row, created empty on first read as MPM's
 * installation does): API key, device id and the secret TextBee signs its webhooks with, all stored encrypted.
 */
@Stateless
public class TextbeeCredentials {

  /** {@code mpm_plugins.id} of TextbeeSmsGateway. */
  public static final long PLUGIN_ID = 26;

  /** The credentials in clear (null where not set). */
  public record Credential(long id, String apiKey, String deviceId, String webhookSecret, LocalDateTime createdAt,
      LocalDateTime updatedAt) {

    boolean complete() {
      return apiKey != null && !apiKey.isBlank() && deviceId != null && !deviceId.isBlank();
    }
  }

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential (403 when the plugin is not enabled), created empty if the company has none. */
  public Credential show() {
    return gate.oneRow(PLUGIN_ID, this::read, this::create);
  }

  /** Saves the values encrypted (403 when the plugin is not enabled); no secret clears it, its mask keeps it. */
  public Credential update(String apiKey, String deviceId, String webhookSecret) {
    Credential c = show();
    CredentialCipher cipher = gate.cipher();
    String key = CredentialCipher.unlessMasked(apiKey, c.apiKey());
    String secret = CredentialCipher.unlessMasked(webhookSecret, c.webhookSecret());
    tenantDb.em().createNativeQuery("UPDATE textbee_credentials SET api_key = ?, device_id = ?, webhook_secret = ?,"
            + " updated_at = ? WHERE id = ?")
        .setParameter(1, cipher.encrypt(key)).setParameter(2, cipher.encrypt(deviceId))
        .setParameter(3, cipher.encrypt(secret)).setParameter(4, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(5, c.id()).executeUpdate();
    return read().orElseThrow();
  }

  /** The credentials the gateway sends with: present when the plugin is enabled and key and device are set. */
  public Optional<Credential> usable() {
    if (!gate.enabled(PLUGIN_ID)) {
      return Optional.empty();
    }
    return read().filter(Credential::complete);
  }

  /** The webhook secret of the current company (403 when the plugin is not enabled), if one is set. */
  public Optional<String> webhookSecret() {
    gate.requireEnabled(PLUGIN_ID);
    return read().map(Credential::webhookSecret).filter(s -> !s.isEmpty());
  }

  private Optional<Credential> read() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, api_key, device_id, webhook_secret, created_at,"
        + " updated_at FROM textbee_credentials ORDER BY id LIMIT 1").getResultList();
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
    tenantDb.em().createNativeQuery("INSERT INTO textbee_credentials (created_at, updated_at) VALUES (?, ?)")
        .setParameter(1, now).setParameter(2, now).executeUpdate();
    return read().orElseThrow();
  }

  static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
