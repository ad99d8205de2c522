package org.mpm.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpm.common.ApiException;
import org.mpm.common.ValidationException;
import org.mpm.plugin.PluginGate;
import org.mpm.plugin.PluginService;

/**
 * The one place a {@code payment_provider} id of an appliance payment is resolved (MPM's
 * {@code PaymentInitiationProvider}): 0 is cash, the ids MPM knows are its initiating plugins (Vodacom MZ, Paystack,
 * Pesapal, Safaricom KE, Flutterwave), and a plugin's {@link PaymentInitiator} bean starts the payment. An id MPM
 * does not know, or a plugin the company has not enabled, is MPM's 422 {@code "The selected payment provider is
 * invalid."}; an enabled plugin without an initiator here is MPM's 422 {@code "Unsupported payment provider ID: …"}.
 */
@ApplicationScoped
public class PaymentInitiators {

  /** Cash: taken by the user, no plugin. */
  public static final long CASH = 0;
  /** The plugins MPM lets initiate a payment: Vodacom MZ, Paystack, Pesapal, Safaricom KE, Flutterwave. */
  static final Set<Long> MPM_INITIATORS = Set.of(19L, 25L, 30L, 31L, 32L);
  static final String INVALID = "The selected payment provider is invalid.";

  @Inject @Any Instance<PaymentInitiator> all;
  @Inject PluginGate gate;
  @Inject PluginService plugins;
  private final Map<Long, PaymentInitiator> byPlugin = new HashMap<>();

  /** A provider a payment can be started with: its plugin id and name. */
  public record Provider(long id, String name) {}

  @PostConstruct
  void index() {
    for (PaymentInitiator i : all) {
      byPlugin.put(i.pluginId(), i);
    }
  }

  /** Whether this id names a provider MPM accepts ({@code Rule::enum}): cash or one of its initiating plugins. */
  public static boolean known(long providerId) {
    return providerId == CASH || MPM_INITIATORS.contains(providerId);
  }

  /** The company's enabled plugins that can start a payment here (cash, always available, is not listed). */
  public List<Provider> providers() {
    return plugins.enabled(byPlugin.keySet()).stream().map(p -> new Provider(p.getId(), p.getName())).toList();
  }

  /**
   * Starts a payment with a provider plugin (not cash), outside any transaction.
   *
   * @throws ValidationException 422 on {@code payment_provider} for an id MPM does not know or a plugin not enabled
   * @throws ApiException 422 {@code "Unsupported payment provider ID: …"} for a plugin without an initiator here
   */
  public PaymentInitiator.Initiated initiate(long providerId, PaymentInitiator.Initiation request) {
    return initiator(providerId).initiate(request);
  }

  /**
   * The initiator of a provider plugin (not cash), checked as {@link #initiate} checks it; what a route checks
   * before it writes anything that a payment will be started for.
   */
  public PaymentInitiator initiator(long providerId) {
    if (providerId == CASH || !known(providerId) || !gate.enabled(providerId)) {
      throw ValidationException.field("payment_provider", INVALID);
    }
    PaymentInitiator initiator = byPlugin.get(providerId);
    if (initiator == null) {
      throw new ApiException(422, "Unsupported payment provider ID: " + providerId);
    }
    return initiator;
  }
}
