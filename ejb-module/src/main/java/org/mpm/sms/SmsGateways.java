package org.mpm.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the configured {@link SmsGateway} ({@code mpm.sms.gateway}, default {@code recording}). */
@ApplicationScoped
public class SmsGateways {

  @Inject
  @ConfigProperty(name = "mpm.sms.gateway", defaultValue = RecordingSmsGateway.NAME)
  String configured;

  @Inject @Any Instance<SmsGateway> gateways;

  /** The configured gateway; an unknown name is a configuration error. */
  public SmsGateway active() {
    return named(configured == null || configured.isBlank() ? RecordingSmsGateway.NAME : configured.trim());
  }

  /** The gateway of this name; an unknown name is a configuration error. */
  public SmsGateway named(String wanted) {
    for (SmsGateway g : gateways) {
      if (g.name().equalsIgnoreCase(wanted)) {
        return g;
      }
    }
    throw new IllegalStateException("Unknown SMS gateway '" + wanted + "' (mpm.sms.gateway)");
  }
}
