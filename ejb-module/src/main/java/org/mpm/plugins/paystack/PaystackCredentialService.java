package org.mpm.plugins.paystack;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugin.PluginGate;
import org.mpm.tenancy.TenantDatabase;

/** The company's one Paystack credential row, created empty on first read as MPM does. */
@Stateless
public class PaystackCredentialService {

  /** {@code mpm_plugins.id} of PaystackPaymentProvider. */
  public static final long PLUGIN_ID = 25;

  @Inject TenantDatabase tenantDb;
  @Inject PluginGate gate;

  /** The credential as stored (keys encrypted), created with MPM's defaults if the company has none. */
  public PaystackCredential credential() {
    EntityManager em = tenantDb.em();
    return gate.oneRow(PLUGIN_ID, () -> em.createQuery("SELECT c FROM PaystackCredential c ORDER BY c.id",
        PaystackCredential.class).setMaxResults(1).getResultStream().findFirst(), () -> {
          PaystackCredential created = new PaystackCredential();
          em.persist(created);
          em.flush();
          return created;
        });
  }

  public PaystackCredential update(PaystackCredentialForm form) {
    PaystackCredential c = credential();
    CredentialCipher cipher = gate.cipher();
    c.update(cipher.encrypt(form.secretKey()), cipher.encrypt(form.publicKey()), form.callbackUrl(),
        form.merchantName(), form.merchantEmail(), form.environment());
    tenantDb.em().flush();
    return c;
  }

  /** The clear secret key, for the vendor client and the webhook signature only. */
  public String secretKey(PaystackCredential c) {
    return gate.cipher().decrypt(c.getSecretKey());
  }

  public String publicKey(PaystackCredential c) {
    return gate.cipher().decrypt(c.getPublicKey());
  }
}
