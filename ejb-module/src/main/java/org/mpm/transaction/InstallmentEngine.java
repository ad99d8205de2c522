package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import org.mpm.common.Timestamped;
import org.mpm.common.ValidationException;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.transaction.engine.InstallmentRules;
import org.mpm.transaction.engine.InstallmentRules.Rate;
import org.mpm.transaction.engine.PaymentChecks;

/**
 * Accepts a payment on an appliance sale (the {@link InstallmentBooking#SALE_ID} attribute of the request), in one
 * tenant transaction: the customer and the sale locked, the amount checked against the rates as MPM checks it, the
 * rates paid oldest first, the histories, the provider row and, for a PAYG device, its token. An amount MPM refuses
 * is a 422 and writes nothing. A payment with an idempotency key (a provider's confirmation) keeps its key with its
 * transaction, unique, and an amount the rates no longer take is refused as a {@link PaymentRejectedException}, which
 * the ingress keeps as a rejected record. Reached through {@link PaymentIngress} only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class InstallmentEngine {

  @Inject InstallmentBooking booking;
  @Inject TenantDatabase tenantDb;

  public PaymentEngine.Accepted ingest(PaymentRequest r) {
    BigDecimal amount = PaymentChecks.amount(r);
    InstallmentBooking.Sale sale = booking.lock(r.longAttribute(InstallmentBooking.SALE_ID));
    List<Rate> rates = booking.rates(sale.id());
    try {
      InstallmentRules.checkAmount(sale.energyService(), sale.minimumPayable(), rates, amount);
    } catch (ValidationException e) {
      if (r.keyed()) {
        // a provider's confirmed payment the rates no longer take: kept as a refusal, with its key
        throw new PaymentRejectedException(422, "amount", e.getMessage());
      }
      throw e;
    }
    PaymentEngine.Accepted a = booking.bookInstallment(r, sale, rates, amount);
    if (r.keyed()) {
      PaymentEngine.keepKeys(tenantDb.connection(), List.<Object[]>of(new Object[] {r.idempotencyScope(),
          r.idempotencyKey(), r.fingerprint(), a.transactionId(), Timestamp.valueOf(Timestamped.nowUtc())}));
    }
    return a;
  }
}
