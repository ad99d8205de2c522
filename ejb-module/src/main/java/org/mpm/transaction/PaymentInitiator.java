package org.mpm.transaction;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A payment provider plugin that starts a payment from MPM (MPM's {@code PaymentInitiator}): the console asks for
 * an installment of an appliance sale to be paid with it ({@code payment_provider} = the plugin's id). An
 * implementation is an {@code @ApplicationScoped} CDI bean of the plugin, found by {@link #pluginId()} through
 * {@link PaymentInitiators}. It is called outside any transaction: it commits its request row first, then calls
 * its vendor, then books a confirmed payment through the {@link PaymentIngress} with the vendor's reference as the
 * idempotency key, so the money is credited once.
 */
public interface PaymentInitiator {

  /** {@code mpm_plugins.id} of the plugin. */
  long pluginId();

  /**
   * Starts a payment of {@code amount} on the sale's rates.
   *
   * @throws org.mpm.common.ApiException when the payment cannot be taken (the sale is unknown, the amount is
   *     refused, the vendor refused or did not answer); nothing is credited then
   */
  Initiated initiate(Initiation request);

  /** What is to be paid: an installment of an appliance sale ({@code appliance_people.id}). */
  record Initiation(long saleId, BigDecimal amount) {}

  /**
   * A started payment: its {@code transactions} row (once confirmed) and what the provider adds to the answer
   * (MPM's {@code provider_data}, e.g. where the customer pays).
   */
  record Initiated(long transactionId, Map<String, Object> providerData) {}
}
