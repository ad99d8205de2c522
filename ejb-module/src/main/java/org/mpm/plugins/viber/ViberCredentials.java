package org.mpm.plugins.viber;

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
 * The company's Viber bot ({@code viber_credentials}, one row, created empty on first read as MPM's installation
 * does): its auth token, the webhook URL Viber calls, whether the webhook is set, and the deep link customers open
 * to register. Token, webhook URL and deep link are stored encrypted.
 */
@Stateless
public class ViberCredentials {

  /** {@code mpm_plugins.id} of ViberMessaging. */
  public static final long PLUGIN_ID = 10;

  /** The credentials in clear (null where not set). */
  public record Credential(long id, String apiToken, String webhookUrl, boolean hasWebhookCreated, String deepLink,
      LocalDateTime createdAt, LocalDateTime updatedAt) {

    boolean complete() {
      return apiToken != null && !apiToken.isBlank();
    }
  }

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential (403 when the plugin is not enabled), created empty if the company has none. */
  public Credential show() {
    return gate.oneRow(PLUGIN_ID, this::read, this::create);
  }

  /**
   * Saves the token and the company's webhook URL (403 when the plugin is not enabled); a new token needs its
   * webhook set again.
   */
  public Credential update(String apiToken, String webhookUrlBase) {
    Credential c = show();
    CredentialCipher cipher = gate.cipher();
    apiToken = CredentialCipher.unlessMasked(apiToken, c.apiToken());
    String webhookUrl = webhookUrlBase + "/api/viber-messaging/webhook/" + tenantDb.companyId();
    boolean same = apiToken.equals(c.apiToken()) && webhookUrl.equals(c.webhookUrl());
    tenantDb.em().createNativeQuery("UPDATE viber_credentials SET api_token = ?, webhook_url = ?,"
            + " has_webhook_created = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, cipher.encrypt(apiToken)).setParameter(2, cipher.encrypt(webhookUrl))
        .setParameter(3, same && c.hasWebhookCreated()).setParameter(4, Timestamp.valueOf(Timestamped.nowUtc()))
        .setParameter(5, c.id()).executeUpdate();
    return read().orElseThrow();
  }

  /** Records that Viber accepted the webhook, and the bot's deep link when one is known. */
  public Credential webhookSet(String deepLink) {
    CredentialCipher cipher = gate.cipher();
    tenantDb.em().createNativeQuery("UPDATE viber_credentials SET has_webhook_created = 1,"
            + " deep_link = COALESCE(?, deep_link), updated_at = ?")
        .setParameter(1, deepLink == null ? null : cipher.encrypt(deepLink))
        .setParameter(2, Timestamp.valueOf(Timestamped.nowUtc())).executeUpdate();
    return read().orElseThrow();
  }

  /** The credentials the gateway sends with: present when the plugin is enabled and the token is set. */
  public Optional<Credential> usable() {
    if (!gate.enabled(PLUGIN_ID)) {
      return Optional.empty();
    }
    return read().filter(Credential::complete);
  }

  /** The token of the current company, for the webhook's signature (403 when the plugin is not enabled). */
  public Optional<String> token() {
    gate.requireEnabled(PLUGIN_ID);
    return read().map(Credential::apiToken).filter(s -> !s.isEmpty());
  }

  private Optional<Credential> read() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT id, api_token, webhook_url, has_webhook_created,"
        + " deep_link, created_at, updated_at FROM viber_credentials ORDER BY id LIMIT 1").getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    CredentialCipher cipher = gate.cipher();
    boolean created = r[3] instanceof Boolean b ? b : r[3] != null && ((Number) r[3]).intValue() != 0;
    return Optional.of(new Credential(((Number) r[0]).longValue(), cipher.decrypt((String) r[1]),
        cipher.decrypt((String) r[2]), created, cipher.decrypt((String) r[4]), time(r[5]), time(r[6])));
  }

  private Credential create() {
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("INSERT INTO viber_credentials (has_webhook_created, created_at, updated_at)"
        + " VALUES (0, ?, ?)").setParameter(1, now).setParameter(2, now).executeUpdate();
    return read().orElseThrow();
  }

  static LocalDateTime time(Object o) {
    return o instanceof Timestamp t ? t.toLocalDateTime() : o instanceof LocalDateTime l ? l : null;
  }
}
