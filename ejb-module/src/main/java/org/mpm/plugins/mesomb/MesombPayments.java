package org.mpm.plugins.mesomb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.logging.Logger;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * A MeSomb payment notification ({@code POST /api/mesomb}): a successful payment by a payer the company can tell is
 * accepted through the {@link PaymentIngress} once, with MeSomb's {@code pk} as the idempotency key (scope
 * {@code mesomb}); a payment whose payer cannot be told is refused and kept as a refused row with a conflict
 * (once, however often it is delivered), so the money received is not lost from sight. A plain bean: each step is
 * its own transaction.
 */
@ApplicationScoped
public class MesombPayments {

  public static final String SCOPE = "mesomb";
  private static final Logger LOG = Logger.getLogger(MesombPayments.class.getName());

  @Inject MesombService mesomb;
  @Inject PaymentIngress ingress;

  /**
   * @param fields MeSomb's fields as sent (pk, type, fees, b_party, message, service, reference, ts, direction)
   * @return the accepted payment's row
   */
  public MesombService.Row receive(String status, BigDecimal amount, String rawAmount, Map<String, Object> fields) {
    mesomb.requireEnabled();
    String pk = String.valueOf(fields.get(MesombPaymentProvider.PK));
    String bParty = String.valueOf(fields.get(MesombPaymentProvider.B_PARTY));
    if ("FAILED".equals(status)) {
      LOG.warning("MeSomb reported a failed payment " + pk + " of " + bParty);
      throw new MesombException(400, "Mesomp Status Failed.", String.valueOf(fields.get(
          MesombPaymentProvider.MESSAGE)));
    }
    String serial;
    try {
      serial = mesomb.payerDevice(bParty);
    } catch (MesombException e) {
      ingress.recordRefusal(new PaymentRequest(MesombPaymentProvider.MORPH, null, amount, rawAmount, null, null,
          fields, null), new PaymentRejectedException(422, null, e.getMessage() + " (MeSomb pk " + pk + ")"));
      throw e;
    }
    long transactionId = ingress.receive(new PaymentRequest(MesombPaymentProvider.MORPH, serial, amount, rawAmount,
        SCOPE, pk, fields, null)).transactionId();
    return mesomb.row(transactionId);
  }
}
