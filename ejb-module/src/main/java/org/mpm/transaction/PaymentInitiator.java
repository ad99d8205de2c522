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

  /**
   * What is to be paid on an appliance sale ({@code appliance_people.id}): an installment, or the sale's down payment
   * (its open rate due at the sale, booked as a {@code down_payment}).
   *
   * @param payer the payer's phone as the request gives it; null for the customer's primary address
   */
  record Initiation(long saleId, BigDecimal amount, boolean downPayment, String payer) {

    /** An installment paid by the customer's primary phone. */
    public static Initiation installment(long saleId, BigDecimal amount) {
      return new Initiation(saleId, amount, false, null);
    }
  }

  /**
   * A started payment: its {@code transactions} row (once confirmed) and what the provider adds to the answer
   * (MPM's {@code provider_data}, e.g. where the customer pays).
   */
  record Initiated(long transactionId, Map<String, Object> providerData) {}
}
