package org.mpm.plugins.flutterwave;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.mpm.common.ValidationException;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/** The company's one Flutterwave credential row, created empty on first read as MPM does. */
@Stateless
public class FlutterwaveCredentialService {

  /** {@code mpm_plugins.id} of FlutterwavePaymentProvider. */
  public static final long PLUGIN_ID = 32;

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential as stored (secrets encrypted), created with MPM's defaults if the company has none. */
  public FlutterwaveCredential credential() {
    return gate.oneRow(PLUGIN_ID, () -> Optional.ofNullable(stored()), () -> {
      FlutterwaveCredential created = new FlutterwaveCredential();
      tenantDb.em().persist(created);
      tenantDb.em().flush();
      return created;
    });
  }

  /** The stored credential without the enablement check (the webhook checks its hash first); null without one. */
  public FlutterwaveCredential stored() {
    EntityManager em = tenantDb.em();
    List<FlutterwaveCredential> rows = em.createQuery("SELECT c FROM FlutterwaveCredential c ORDER BY c.id",
        FlutterwaveCredential.class).setMaxResults(1).getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Saves the settings and the secrets given; a secret not given keeps the stored one.
   *
   * @throws ValidationException 422 on {@code secret_key} when a secret would stay unset (nothing written)
   */
  public FlutterwaveCredential update(FlutterwaveCredentialForm form) {
    FlutterwaveCredential c = credential();
    boolean complete = (form.secretKey() != null || isSet(c.getSecretKey()))
        && (form.publicKey() != null || isSet(c.getPublicKey()))
        && (form.encryptionKey() != null || isSet(c.getEncryptionKey()))
        && (form.webhookSecretHash() != null || isSet(c.getWebhookSecretHash()));
    if (!complete) {
      throw ValidationException.field("secret_key",
          "Secret key, public key, encryption key and webhook secret hash are required.");
    }
    CredentialCipher cipher = gate.cipher();
    c.setSecrets(seal(cipher, form.secretKey()), seal(cipher, form.publicKey()), seal(cipher, form.encryptionKey()),
        seal(cipher, form.webhookSecretHash()));
    c.setSettings(form.callbackUrl(), form.merchantName(), form.merchantEmail(), form.environment());
    tenantDb.em().flush();
    return c;
  }

  /** The clear secret key, for the vendor client only. */
  public String secretKey(FlutterwaveCredential c) {
    return open(c.getSecretKey());
  }

  /** The clear webhook secret hash, for the webhook check only. */
  public String webhookSecretHash(FlutterwaveCredential c) {
    return open(c.getWebhookSecretHash());
  }

  /** Whether a stored secret is set (answered instead of the secret). */
  public static boolean isSet(String stored) {
    return stored != null && !stored.isEmpty();
  }

  private String open(String stored) {
    return isSet(stored) ? gate.cipher().decrypt(stored) : "";
  }

  private static String seal(CredentialCipher cipher, String clear) {
    return clear == null ? null : cipher.encrypt(clear);
  }
}
