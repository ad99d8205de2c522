package org.mpm.plugins.mesomb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.logging.Logger;
import org.mpm.tenancy.WebhookTenant;
import org.mpm.transaction.PaymentIngress;
import org.mpm.transaction.PaymentRejectedException;
import org.mpm.transaction.PaymentRequest;

/**
 * A MeSomb payment notification ({@code POST /api/mesomb}, or MeSomb's signed webhook
 * {@code POST /api/mesomb/webhook/{companyId}}): a successful payment by a payer the company can tell is
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
  @Inject MesombCredentials credentials;
  @Inject WebhookTenant webhookTenant;
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

  /**
   * Binds the webhook's company (the id in its path) and checks MeSomb's signature before anything else.
   *
   * @throws MesombException 401 when the company is unknown, has no webhook secret or the signature does not match
   *     (nothing is written); 403 when the company has not enabled the plugin
   */
  public void verify(String companyId, byte[] body, String signature) {
    if (!webhookTenant.enter(companyId) || !credentials.webhookSecret().map(secret -> MesombSignature.valid(body,
        signature, secret, System.currentTimeMillis() / 1000)).orElse(false)) {
      LOG.warning("MeSomb webhook with an invalid signature for company " + companyId);
      throw new MesombException(401, "Invalid signature.", "The MeSomb-Signature header does not sign this body.");
    }
    mesomb.requireEnabled();
  }

  /**
   * A signed webhook's payment: booked as {@link #receive} books it (the same idempotency key, so a payment that
   * also came through {@code POST /api/mesomb} is one payment); false when it was not booked — a failed or pending
   * payment, a payer the company cannot tell or a refused amount (both kept as a refused row with a conflict), or
   * its pk already booked with other details.
   */
  public boolean receiveSigned(String status, BigDecimal amount, String rawAmount, Map<String, Object> fields) {
    if (!"SUCCESS".equals(status)) {
      LOG.info("MeSomb webhook for a payment " + fields.get(MesombPaymentProvider.PK) + " with status " + status);
      return false;
    }
    try {
      receive(status, amount, rawAmount, fields);
      return true;
    } catch (MesombException | PaymentRejectedException e) {
      LOG.warning("MeSomb webhook payment " + fields.get(MesombPaymentProvider.PK) + " not booked: "
          + e.getMessage());
      return false;
    }
  }
}
