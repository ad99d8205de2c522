package org.mpm.plugin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mpm.common.ForbiddenException;
import org.mpm.tenancy.TenantDatabase;

/**
 * The one check a plugin's routes make: is the plugin enabled for the request's company (tenant {@code plugins},
 * status 1)? It also holds the cipher of the plugins' credentials.
 */
@Stateless
public class PluginGate {

  public static final String NOT_ENABLED = "The plugin is not enabled for this company.";
  /** The built-in passphrase of {@code mpm.credentials.key} (change it in production). */
  public static final String DEFAULT_CREDENTIALS_KEY = "mpm-built-in-credentials-key-change-me";

  @Inject TenantDatabase tenantDb;

  @Inject
  @ConfigProperty(name = "mpm.credentials.key", defaultValue = DEFAULT_CREDENTIALS_KEY)
  String credentialsKey;

  public boolean enabled(long mpmPluginId) {
    return !tenantDb.em().createQuery(
            "SELECT p.id FROM Plugin p WHERE p.mpmPluginId = :id AND p.status = TRUE", Long.class)
        .setParameter("id", mpmPluginId).setMaxResults(1).getResultList().isEmpty();
  }

  /** 403 {@code {"message": "The plugin is not enabled for this company."}} unless the plugin is enabled. */
  public void requireEnabled(long mpmPluginId) {
    if (!enabled(mpmPluginId)) {
      throw new ForbiddenException(NOT_ENABLED);
    }
  }

  /**
   * The company's one row of a plugin's own table (its credentials, its token), created on first read; 403 unless
   * the plugin is enabled. Two first reads at once make one row: each takes the company's {@code plugins} row of the
   * plugin before it creates, so the second waits for the first to commit and then reads the first's row (the
   * pools read committed data).
   *
   * @param read the row, if the company has one
   * @param create inserts the row with its defaults and answers it
   */
  public <T> T oneRow(long mpmPluginId, Supplier<Optional<T>> read, Supplier<T> create) {
    requireEnabled(mpmPluginId);
    Optional<T> found = read.get();
    if (found.isPresent()) {
      return found.get();
    }
    tenantDb.em().createNativeQuery("SELECT id FROM plugins WHERE mpm_plugin_id = ? FOR UPDATE")
        .setParameter(1, mpmPluginId).getResultList();
    return read.get().orElseGet(create);
  }

  public CredentialCipher cipher() {
    return new CredentialCipher(credentialsKey);
  }
}
