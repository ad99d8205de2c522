package org.mpm.plugins.wavemoney;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Wave Money's two public routes, the company taken from their path as MPM does. Starting a payment requests it
 * (its own transaction), then asks Wave Money outside any transaction. A callback is checked against its
 * {@code hashValue} with the company's secret before anything is read or written; a confirmed payment is accepted
 * through the {@link PaymentIngress} once, keyed by the order id (scope {@code wave_money}); a failed one marks the
 * request failed; an unknown order, another amount or another currency is refused and kept as a refused row with a
 * conflict. A plain bean: each step is its own transaction.
 */
@ApplicationScoped
public class WaveMoneyPayments {

  public static final String SCOPE = "wave_money";
  static final String CONFIRMED = "PAYMENT_CONFIRMED";
  private static final Logger LOG = Logger.getLogger(WaveMoneyPayments.class.getName());

  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject WaveMoneyService wave;
  @Inject WaveMoneyClient client;
  @Inject PaymentIngress ingress;

  /** A callback's fields as sent (strings, null when absent; the amount as sent). */
  public record Callback(String status, String merchantId, String orderId, String merchantReferenceId,
      String backendResultUrl, String initiatorMsisdn, String amount, String currency, String hashValue,
      String transactionId, String paymentRequestId, String requestTime) {}

  /** Starts a payment of a customer: Wave Money's answer (where to pay, or the error). */
  public WaveMoneyClient.Answer start(String company, String serial, BigDecimal amount) {
    bind(company);
    WaveMoneyService.Started started = wave.start(serial, amount);
    WaveMoneyClient.Answer answer = client.requestPayment(started);
    if (answer.error() == null) {
      wave.started(started.id(), answer.transactionId());
    } else {
      LOG.warning("Wave Money payment request " + started.orderId() + " failed: " + answer.error());
      wave.failed(started.id());
    }
    return answer;
  }

  public void callback(String company, Callback c) {
    bind(company);
    if (!WaveMoneyHash.valid(wave.secretKey(), c.hashValue(), c.merchantId(), c.orderId(), c.amount(),
        c.backendResultUrl(), c.merchantReferenceId(), c.initiatorMsisdn(), c.transactionId(),
        c.paymentRequestId(), c.requestTime())) {
      LOG.warning("Wave Money callback with a wrong hashValue for company " + company + ", order " + c.orderId());
      throw new WaveMoneyException(401, "The hashValue is not valid.");
    }
    WaveMoneyService.Requested requested = c.orderId() == null ? null : wave.requested(c.orderId());
    if (requested == null) {
      refuse(c, null, "Wave Money callback for an unknown order " + c.orderId());
      throw new WaveMoneyException(400, "No Wave Money transaction with the order id " + c.orderId() + " exists.");
    }
    if (!CONFIRMED.equals(c.status())) {
      wave.failed(requested.id());
      return;
    }
    BigDecimal amount = number(c.amount());
    if (amount == null || amount.compareTo(requested.amount()) != 0) {
      refuse(c, requested.serial(), "Wave Money amount does not match the stored transaction (order "
          + c.orderId() + ")");
      return;
    }
    if (c.currency() != null && !c.currency().equalsIgnoreCase(requested.currency())) {
      refuse(c, requested.serial(), "Wave Money currency does not match the stored transaction (order "
          + c.orderId() + ")");
      return;
    }
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(WaveMoneyPaymentProvider.REQUESTED_ROW, requested.id());
    if (c.transactionId() != null) {
      attributes.put(WaveMoneyPaymentProvider.EXTERNAL_ID, c.transactionId());
    }
    if (c.initiatorMsisdn() != null) {
      attributes.put(WaveMoneyPaymentProvider.SENDER, c.initiatorMsisdn());
    }
    ingress.receive(new PaymentRequest(WaveMoneyPaymentProvider.MORPH, requested.serial(), requested.amount(),
        requested.amount().toPlainString(), SCOPE, c.orderId(), attributes, null));
  }

  /**
   * Keeps a refused callback: a row with status -1 and a conflict, once however often it is delivered. A callback
   * of another amount or currency is answered as MPM does, 200 without a body: Wave Money need not deliver it again.
   */
  private void refuse(Callback c, String serial, String message) {
    Map<String, Object> attributes = new HashMap<>();
    putIfPresent(attributes, WaveMoneyPaymentProvider.ORDER_ID, c.orderId());
    putIfPresent(attributes, WaveMoneyPaymentProvider.REFERENCE_ID, c.merchantReferenceId());
    putIfPresent(attributes, WaveMoneyPaymentProvider.CURRENCY, c.currency());
    putIfPresent(attributes, WaveMoneyPaymentProvider.EXTERNAL_ID, c.transactionId());
    ingress.recordRefusal(new PaymentRequest(WaveMoneyPaymentProvider.MORPH, serial, number(c.amount()), c.amount(),
        null, null, attributes, null), new PaymentRejectedException(400, null, message));
  }

  /** The company of the path; 400 as MPM words it when there is none. */
  private void bind(String company) {
    long id;
    try {
      id = Long.parseLong(company);
    } catch (NumberFormatException e) {
      throw new WaveMoneyException(400, "Company could not be resolved for this callback.");
    }
    Optional<String> database = registry.databaseOf(id);
    if (database.isEmpty()) {
      throw new WaveMoneyException(400, "Company could not be resolved for this callback.");
    }
    tenant.set(id, database.get());
  }

  private static void putIfPresent(Map<String, Object> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static BigDecimal number(String s) {
    try {
      return s == null ? null : new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
