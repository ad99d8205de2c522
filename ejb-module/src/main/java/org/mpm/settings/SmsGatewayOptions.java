package org.mpm.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SMS gateways a company may choose in its main settings ({@code sms_gateway_id}), as MPM's
 * {@code SmsGatewayResolverService::getAvailableSmsGateways} lists them: the legacy Android gateway always (id 2),
 * then Africa's Talking, TextBee and Viber when the company's plugin of that id is active.
 */
public final class SmsGatewayOptions {

  /** One gateway: its id (an {@code mpm_plugins} id, or 2 for Android), class name and label. */
  public record Option(long id, String name, String label, boolean active) {}

  public static final long ANDROID = 2;
  public static final long VIBER_MESSAGING = 10;
  public static final long AFRICAS_TALKING = 18;
  public static final long TEXTBEE_SMS_GATEWAY = 26;

  private SmsGatewayOptions() {}

  /** The gateways offered to a company whose active plugins are {@code activePlugins}, in MPM's order. */
  public static List<Option> available(Set<Long> activePlugins) {
    List<Option> out = new ArrayList<>();
    out.add(new Option(ANDROID, "AndroidGateway", "Android Gateway (DEPRECATED)", true));
    if (activePlugins.contains(AFRICAS_TALKING)) {
      out.add(new Option(AFRICAS_TALKING, "AfricasTalkingGateway", "Africa's Talking", true));
    }
    if (activePlugins.contains(TEXTBEE_SMS_GATEWAY)) {
      out.add(new Option(TEXTBEE_SMS_GATEWAY, "TextbeeSmsGateway", "TextBee SMS Gateway", true));
    }
    if (activePlugins.contains(VIBER_MESSAGING)) {
      out.add(new Option(VIBER_MESSAGING, "ViberGateway", "Viber Messaging", true));
    }
    return out;
  }
}
