package org.mpm.plugins.pesapal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpm.common.Timestamped;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's one {@code pesapal_credentials} row, created with MPM's defaults on first read. Consumer key and
 * secret are stored encrypted ({@link PluginGate#cipher()}) and leave the server only towards Pesapal.
 */
@Stateless
public class PesapalCredentials {

  /** {@code mpm_plugins.id} of PesapalPaymentProvider. */
  public static final long PLUGIN_ID = 30;
  public static final List<String> CURRENCIES = List.of("KES", "UGX", "TZS", "USD");
  public static final String DEFAULT_CURRENCY = "KES";

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** A validated {@code PUT /api/pesapal/credential}; a null key or secret keeps the stored one. */
  public record Form(String consumerKey, String consumerSecret, String callbackUrl, String merchantName,
      String merchantEmail, String environment, String currency) {}

  private static final String COLUMNS = "id, consumer_key, consumer_secret, callback_url, merchant_name,"
      + " merchant_email, environment, currency, ipn_id, ipn_registered_at, created_at, updated_at";

  /**
   * The credential as the console sees it: MPM's fields, {@code consumer_key_set} and {@code consumer_secret_set}
   * instead of the secrets. 403 unless the plugin is enabled.
   */
  public Map<String, Object> view() {
    Object[] r = row();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", ((Number) r[0]).longValue());
    m.put("consumer_key_set", r[1] != null && !r[1].toString().isEmpty());
    m.put("consumer_secret_set", r[2] != null && !r[2].toString().isEmpty());
    m.put("callback_url", r[3]);
    m.put("merchant_name", r[4]);
    m.put("merchant_email", r[5]);
    m.put("environment", r[6]);
    m.put("currency", r[7]);
    m.put("ipn_id", r[8]);
    m.put("ipn_registered_at", time(r[9]));
    m.put("created_at", time(r[10]));
    m.put("updated_at", time(r[11]));
    return m;
  }

  /** The clear account for the vendor client (403 unless the plugin is enabled). */
  public PesapalAccount account() {
    Object[] r = row();
    CredentialCipher cipher = gate.cipher();
    return new PesapalAccount(tenantDb.companyId(), open(cipher, r[1]), open(cipher, r[2]), (String) r[6],
        (String) r[8], (String) r[3], (String) r[5], (String) r[7]);
  }

  /** The account of a saved form: its key and secret, else the stored ones; the environment of the form. */
  public PesapalAccount merged(Form f) {
    PesapalAccount stored = account();
    return new PesapalAccount(stored.companyId(), blank(f.consumerKey()) ? stored.consumerKey() : f.consumerKey(),
        blank(f.consumerSecret()) ? stored.consumerSecret() : f.consumerSecret(), f.environment(), stored.ipnId(),
        f.callbackUrl(), f.merchantEmail(), f.currency());
  }

  /**
   * Saves the form (key and secret encrypted; blank ones keep the stored values) and, when Pesapal registered the
   * IPN URL, its id.
   */
  public Map<String, Object> save(Form f, String ipnId) {
    Object[] r = row();
    CredentialCipher cipher = gate.cipher();
    String key = blank(f.consumerKey()) ? (String) r[1] : cipher.encrypt(f.consumerKey());
    String secret = blank(f.consumerSecret()) ? (String) r[2] : cipher.encrypt(f.consumerSecret());
    Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
    tenantDb.em().createNativeQuery("UPDATE pesapal_credentials SET consumer_key = ?, consumer_secret = ?,"
            + " callback_url = ?, merchant_name = ?, merchant_email = ?, environment = ?, currency = ?,"
            + " ipn_id = COALESCE(?, ipn_id), ipn_registered_at = CASE WHEN ? IS NULL THEN ipn_registered_at"
            + " ELSE ? END, updated_at = ? WHERE id = ?")
        .setParameter(1, key).setParameter(2, secret).setParameter(3, f.callbackUrl())
        .setParameter(4, f.merchantName()).setParameter(5, f.merchantEmail()).setParameter(6, f.environment())
        .setParameter(7, f.currency()).setParameter(8, ipnId).setParameter(9, ipnId).setParameter(10, now)
        .setParameter(11, now).setParameter(12, r[0]).executeUpdate();
    return view();
  }

  private Object[] row() {
    return gate.oneRow(PLUGIN_ID, this::stored, () -> {
      Timestamp now = Timestamp.valueOf(Timestamped.nowUtc());
      tenantDb.em().createNativeQuery("INSERT INTO pesapal_credentials (consumer_key, consumer_secret, callback_url,"
              + " merchant_name, merchant_email, environment, currency, created_at, updated_at)"
              + " VALUES ('', '', '', 'Pesapal', NULL, 'test', ?, ?, ?)")
          .setParameter(1, DEFAULT_CURRENCY).setParameter(2, now).setParameter(3, now).executeUpdate();
      return stored().orElseThrow();
    });
  }

  private Optional<Object[]> stored() {
    return tenantDb.em().createNativeQuery("SELECT " + COLUMNS + " FROM pesapal_credentials ORDER BY id LIMIT 1")
        .getResultStream().findFirst().map(Object[].class::cast);
  }

  private static String open(CredentialCipher cipher, Object stored) {
    return stored == null || stored.toString().isEmpty() ? "" : cipher.decrypt(stored.toString());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static LocalDateTime time(Object v) {
    return v instanceof Timestamp t ? t.toLocalDateTime() : v instanceof LocalDateTime l ? l : null;
  }
}
