package org.mpm.tariff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.mpm.common.Timestamped;
import org.mpm.tenancy.TenantContext;

/**
 * The access-rate schedule of one company (what MPM's {@code accessrate:check} command was meant to do): opens an
 * account for every meter that has an owner and a tariff with an access rate, then adds one access rate to the
 * debt of every account per period that has fallen due. Run by {@code PaymentSchedules} on every node.
 */
@ApplicationScoped
public class AccessRateAccrual {

  @Inject TenantContext tenant;
  @Inject AccessRateAccounts accounts;

  /** Opens missing accounts and accrues what has fallen due; returns the number of periods charged. */
  @ActivateRequestContext
  public int run(long companyId, String database) {
    tenant.set(companyId, database);
    var now = Timestamped.nowUtc();
    accounts.open(now);
    int charged = 0;
    int batch;
    do {
      batch = accounts.accrue(now, AccessRateAccounts.BATCH);
      charged += batch;
    } while (batch > 0);
    return charged;
  }
}
