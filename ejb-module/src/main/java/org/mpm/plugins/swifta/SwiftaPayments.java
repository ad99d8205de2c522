package org.mpm.plugins.swifta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * Swifta's payment confirmation ({@code POST /api/swifta/transaction}), after its token and cipher were checked:
 * the requested payment it names is accepted through the {@link PaymentIngress} once, whatever the number of
 * deliveries, with the requested row as the idempotency key (scope {@code swifta}). A confirmation of an unknown
 * payment, with another amount or of a payment failed by {@link SwiftaExpiry} is refused and kept as a refused row
 * with a conflict. A plain bean: each step is
 * its own transaction.
 */
@ApplicationScoped
public class SwiftaPayments {

  public static final String SCOPE = "swifta";

  @Inject SwiftaService swifta;
  @Inject PaymentIngress ingress;

  /** A confirmation as Swifta sends it, the amount as a number (null when it is not one) and as sent. */
  public record Confirmation(long transactionId, String reference, BigDecimal amount, String rawAmount,
      String cipher, String timestamp) {}

  public Accepted confirm(Confirmation c) {
    SwiftaService.Requested requested = swifta.requested(c.transactionId());
    if (requested == null) {
      throw refuse(c, null, "transaction_id validation field.");
    }
    if (c.amount() == null || c.amount().compareTo(requested.amount()) != 0) {
      throw refuse(c, requested.deviceSerial(), "amount validation field.");
    }
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(SwiftaPaymentProvider.REQUESTED_ROW, requested.id());
    if (c.reference() != null) {
      attributes.put(SwiftaPaymentProvider.REFERENCE, c.reference());
    }
    String phone = swifta.payerPhone(requested.deviceSerial());
    if (phone != null) {
      attributes.put(SwiftaPaymentProvider.SENDER, phone);
    }
    try {
      return ingress.receive(new PaymentRequest(SwiftaPaymentProvider.MORPH, requested.deviceSerial(),
          requested.amount(), requested.amount().toPlainString(), SCOPE, Long.toString(requested.id()), attributes,
          null));
    } catch (PaymentRejectedException e) {
      // refused by the pipeline (and kept there), e.g. the requested payment has expired: Swifta's own answer
      throw new SwiftaException(400, e.getMessage());
    }
  }

  /** Keeps a refused confirmation once (a row with status -1 and a conflict) and returns Swifta's 400 to throw. */
  private SwiftaException refuse(Confirmation c, String serial, String message) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(SwiftaPaymentProvider.CIPHER, c.cipher());
    attributes.put(SwiftaPaymentProvider.TIMESTAMP, c.timestamp());
    if (c.reference() != null) {
      attributes.put(SwiftaPaymentProvider.REFERENCE, c.reference());
    }
    PaymentRequest attempt = new PaymentRequest(SwiftaPaymentProvider.MORPH, serial, c.amount(), c.rawAmount(),
        null, null, attributes, null);
    ingress.recordRefusal(attempt, new PaymentRejectedException(400, null, message + " (Swifta transaction_id "
        + c.transactionId() + ")"));
    return new SwiftaException(400, message);
  }
}
