package org.mpm.plugins.safaricom;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/** The company's one Daraja credential row, created empty on first read as MPM does. */
@Stateless
public class SafaricomCredentialService {

  /** {@code mpm_plugins.id} of SafaricomKePaymentProvider. */
  public static final long PLUGIN_ID = 31;

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential as stored (secrets encrypted), created with MPM's defaults if the company has none. */
  public SafaricomCredential credential() {
    EntityManager em = tenantDb.em();
    return gate.oneRow(PLUGIN_ID, () -> em.createQuery("SELECT c FROM SafaricomCredential c ORDER BY c.id",
        SafaricomCredential.class).setMaxResults(1).getResultStream().findFirst(), () -> {
          SafaricomCredential created = new SafaricomCredential();
          em.persist(created);
          em.flush();
          return created;
        });
  }

  public SafaricomCredential update(SafaricomCredentialForm form) {
    SafaricomCredential c = credential();
    CredentialCipher cipher = gate.cipher();
    c.setSecrets(seal(cipher, form.consumerKey()), seal(cipher, form.consumerSecret()), seal(cipher, form.passkey()));
    c.setSettings(form.shortcode(), form.environment(), form.validationUrl(), form.confirmationUrl(),
        form.timeoutUrl(), form.resultUrl());
    tenantDb.em().flush();
    return c;
  }

  /** The clear account details the Daraja client needs; secrets never leave the server otherwise. */
  public DarajaAccount account() {
    SafaricomCredential c = credential();
    CredentialCipher cipher = gate.cipher();
    return new DarajaAccount(tenantDb.companyId(), open(cipher, c.getConsumerKey()),
        open(cipher, c.getConsumerSecret()), open(cipher, c.getPasskey()),
        c.getShortcode() == null ? "" : c.getShortcode(), c.getEnvironment(), c.getResultUrl());
  }

  /** Whether a stored secret is set (answered instead of the secret). */
  public static boolean isSet(String stored) {
    return stored != null && !stored.isEmpty();
  }

  private static String seal(CredentialCipher cipher, String clear) {
    return clear == null ? null : cipher.encrypt(clear);
  }

  private static String open(CredentialCipher cipher, String stored) {
    return isSet(stored) ? cipher.decrypt(stored) : "";
  }
}
