package org.mpm.plugins.smsparser;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.plugins.smsparser.SmsParsingRules.Parsed;
import org.mpm.sms.SmsReceived;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * MPM's SmsStoredListener: an incoming message that one of the company's enabled rules reads as a mobile-money
 * confirmation becomes a payment through {@link PaymentIngress}, keyed by the provider's transaction reference, so
 * the same confirmation received twice, also at once, is booked once. Runs after the message is stored, outside
 * its transaction; a refused payment (an unknown device …) is kept by the pipeline as a rejected record.
 */
@ApplicationScoped
public class SmsPayments {

  private static final Logger LOG = Logger.getLogger(SmsPayments.class.getName());

  @Inject SmsParsingRules rules;
  @Inject PaymentIngress ingress;

  void received(@Observes SmsReceived message) {
    Optional<Parsed> found = rules.match(message.sender(), message.body());
    if (found.isEmpty()) {
      return;
    }
    Parsed p = found.get();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(SmsPaymentProvider.PROVIDER_NAME, p.providerName());
    attributes.put(SmsPaymentProvider.SENDER_PHONE, p.senderPhone() == null ? message.sender() : p.senderPhone());
    attributes.put(SmsPaymentProvider.RAW_MESSAGE, p.rawMessage());
    try {
      ingress.receive(new PaymentRequest(SmsPaymentProvider.MORPH, p.deviceSerial(), p.amount(), p.rawAmount(),
          SmsPaymentProvider.SCOPE, p.reference(), attributes, null));
    } catch (PaymentRejectedException e) {
      LOG.info("SMS payment " + p.reference() + " refused: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "SMS payment " + p.reference() + " could not be booked", e);
    }
  }
}
