package org.mpm.sms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.mpm.tenancy.TenantDatabase;

/**
 * The company's Android gateway phone ({@code sms_android_settings}, the first with a token); the company sends
 * through it when MPM's {@code main_settings.sms_gateway_id} 2 chooses the Android gateway.
 */
@Stateless
public class SmsAndroidPhones {

  @Inject TenantDatabase tenantDb;

  /** A phone of the gateway app: its FCM url, token, server key (or null) and callback pattern. */
  public record Phone(String url, String token, String key, String callback) {}

  /** The phone messages are pushed to, if the company has one. */
  public Optional<Phone> phone() {
    List<?> rows = tenantDb.em().createNativeQuery("SELECT url, token, `key`, callback FROM sms_android_settings"
        + " WHERE token IS NOT NULL AND token <> '' ORDER BY id LIMIT 1").getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new Phone((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
  }
}
