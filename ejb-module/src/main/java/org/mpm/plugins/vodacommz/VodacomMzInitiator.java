package org.mpm.plugins.vodacommz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.mpm.common.ApiException;
import org.mpm.transaction.InstallmentBooking;
import org.mpm.transaction.PaymentEngine.Accepted;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentInitiator;
import org.mpm.transaction.PaymentProvider;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * An appliance payment with Vodacom M-Pesa (MPM's VodacomMzTransactionService initiatePayment): the pending row is
 * committed first, then Vodacom's C2B payment is asked for outside any transaction, then a confirmation is booked
 * on the sale's rates through the {@link PaymentIngress} once, keyed by Vodacom's transaction id (scope
 * {@code vodacom_mz}). A refusal leaves the row failed (-1) with a conflict giving Vodacom's code; no answer leaves it
 * pending (0) with a conflict, to be settled against Vodacom's record of the reference; nothing is credited then.
 * A plain bean: each step is its own transaction.
 */
@ApplicationScoped
public class VodacomMzInitiator implements PaymentInitiator {

  public static final String SCOPE = "vodacom_mz";
  private static final Logger LOG = Logger.getLogger(VodacomMzInitiator.class.getName());

  @Inject VodacomMzService vodacom;
  @Inject VodacomMzClient client;
  @Inject PaymentIngress ingress;

  @Override
  public long pluginId() {
    return VodacomMzService.PLUGIN_ID;
  }

  @Override
  public Initiated initiate(Initiation request) {
    BigDecimal amount = request.amount();
    VodacomMzService.Requested q = vodacom.request(request.saleId(), amount, request.payer());
    VodacomMzClient.Answer a = client.c2bPayment(q.credential(), q.transactionReference(),
        q.payer().replaceAll("[^0-9]", ""), amount, q.referenceId());
    switch (a.outcome()) {
      case UNKNOWN -> {
        LOG.warning("Vodacom MZ payment " + q.referenceId() + " unanswered: " + a.description());
        vodacom.unbooked(q.rowId(), PaymentProvider.STATUS_PENDING, a.conversationId(), a.transactionId(),
            "Pending: " + a.description() + "; whether the payer paid is unknown until Vodacom's status of the"
                + " reference " + q.referenceId() + " is checked. Nothing was credited.");
        throw new ApiException(502, "Vodacom M-Pesa did not confirm the payment (" + a.description() + "). It stays"
            + " pending with the reference " + q.referenceId() + "; nothing was credited.");
      }
      case REFUSED -> {
        String reason = (a.code() == null ? "" : a.code() + ": ") + a.description();
        vodacom.unbooked(q.rowId(), PaymentProvider.STATUS_FAILED, a.conversationId(), a.transactionId(),
            "Refused by Vodacom M-Pesa: " + reason);
        throw new ApiException(502, "Vodacom MZ C2B payment was rejected: " + reason);
      }
      default -> {
        return new Initiated(book(request, q, a).transactionId(), Map.of());
      }
    }
  }

  /**
   * Books Vodacom's confirmation on the sale once: its transaction id is the key (its conversation id, else the
   * reference, when Vodacom gave none). A key that already paid another request is kept as a conflict on this row.
   */
  private Accepted book(Initiation request, VodacomMzService.Requested q, VodacomMzClient.Answer a) {
    BigDecimal amount = request.amount();
    String key = a.transactionId() != null ? a.transactionId()
        : a.conversationId() != null ? a.conversationId() : q.referenceId();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(InstallmentBooking.SALE_ID, request.saleId());
    if (request.downPayment()) {
      attributes.put(InstallmentBooking.DOWN_PAYMENT, true);
    }
    attributes.put(VodacomMzPaymentProvider.REQUESTED_ROW, q.rowId());
    attributes.put(VodacomMzPaymentProvider.PAYER, q.payer());
    if (a.conversationId() != null) {
      attributes.put(VodacomMzPaymentProvider.CONVERSATION_ID, a.conversationId());
    }
    if (a.transactionId() != null) {
      attributes.put(VodacomMzPaymentProvider.TRANSACTION_ID, a.transactionId());
    }
    try {
      return ingress.receive(new PaymentRequest(VodacomMzPaymentProvider.MORPH, q.serial(), amount,
          amount.toPlainString(), SCOPE, key, attributes, null));
    } catch (PaymentRejectedException e) {
      if (e.status() != 409) {
        throw e; // kept by the ingress: the row failed, with a conflict
      }
      vodacom.unbooked(q.rowId(), PaymentProvider.STATUS_FAILED, a.conversationId(), a.transactionId(),
          "Rejected: Vodacom M-Pesa confirmed this payment with the transaction id " + key + ", which already paid"
              + " another payment. Nothing more was credited.");
      throw new ApiException(409, "Vodacom M-Pesa confirmed this payment with the transaction id " + key
          + ", which already paid another payment; nothing more was credited.");
    }
  }
}
