package org.mpm.plugins.viber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.mpm.plugins.viber.ViberCredentials.Credential;

/**
 * Saving the bot's token as MPM does: the credentials first (their own transaction), then, outside any transaction,
 * Viber is asked to call the company's webhook URL ({@code set_webhook}) and for the bot's URI, from which the deep
 * link customers register with is built; what Viber accepted is recorded. A bot Viber refuses keeps
 * {@code has_webhook_created} false (saving the token again retries).
 */
@ApplicationScoped
public class ViberSetup {

  private static final Logger LOG = Logger.getLogger(ViberSetup.class.getName());

  @Inject ViberCredentials credentials;
  @Inject ViberApi api;

  /** Saves the token; {@code baseUrl} is this server's address as the request reached it. */
  public Credential save(String apiToken, String baseUrl) {
    Credential c = credentials.update(apiToken, baseUrl);
    if (c.hasWebhookCreated()) {
      return c;
    }
    ViberApi.Answer hook = api.setWebhook(apiToken, c.webhookUrl());
    if (!hook.ok()) {
      LOG.warning("Viber refused the webhook: " + hook.status() + " " + hook.message());
      return c;
    }
    String deepLink = null;
    if (c.deepLink() == null) {
      ViberApi.Answer info = api.accountInfo(apiToken);
      if (info.ok() && info.body().containsKey("uri")) {
        deepLink = "viber://pa?chatURI=" + URLEncoder.encode(info.body().getString("uri", ""),
            StandardCharsets.UTF_8) + "&text=register+change_this_with_your_meter_serial_number";
      }
    }
    return credentials.webhookSet(deepLink);
  }
}
