package org.mpm.sms;

import java.util.Optional;

/**
 * An SMS gateway a company brings itself (a plugin: Africa's Talking, TextBee, Viber): a CDI bean that, for the
 * current company, answers a {@link SmsGateway} bound to the company's own credentials. A company sends through it
 * when its main settings choose the plugin ({@code sms_gateway_id} = the plugin's {@code mpm_plugins.id}), the
 * plugin is enabled and its credentials are complete; otherwise through the installation's gateway.
 */
public interface SmsGatewayPlugin {

  /** The {@code mpm_plugins.id} of the plugin, the value of {@code main_settings.sms_gateway_id} that chooses it. */
  long pluginId();

  /**
   * The company's gateway, bound to its credentials, when the plugin is enabled for the company and its credentials
   * are complete; runs inside a tenant transaction and may read the company's database. The gateway it answers is
   * called later, outside any transaction.
   */
  Optional<SmsGateway> forCompany();
}
