package org.mpm.transaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.mpm.transaction.engine.InstallmentRules;
import org.mpm.transaction.engine.InstallmentRules.Rate;
import org.mpm.transaction.engine.PaymentChecks;

/**
 * Accepts a payment on an appliance sale (the {@link InstallmentBooking#SALE_ID} attribute of the request), in one
 * tenant transaction: the customer and the sale locked, the amount checked against the rates as MPM checks it, the
 * rates paid oldest first, the histories, the provider row and, for a PAYG device, its token. An amount MPM refuses
 * is a 422 and writes nothing. Reached through {@link PaymentIngress} only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class InstallmentEngine {

  @Inject InstallmentBooking booking;

  public PaymentEngine.Accepted ingest(PaymentRequest r) {
    BigDecimal amount = PaymentChecks.amount(r);
    InstallmentBooking.Sale sale = booking.lock(r.longAttribute(InstallmentBooking.SALE_ID));
    List<Rate> rates = booking.rates(sale.id());
    InstallmentRules.checkAmount(sale.energyService(), sale.minimumPayable(), rates, amount);
    return booking.bookInstallment(r, sale, rates, amount);
  }
}
