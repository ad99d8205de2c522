package org.mpm.ticket;

import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/**
 * MPM's monthly payout report of outsourced tickets ({@code reports:ticket-outsource-payout}, {@code 30 3 1 * *}):
 * on the 1st at 03:30 UTC every company gets the report of the month that ended the day before. Every node runs
 * it; {@link TicketPayoutReports#generateOnce} writes each report once. One company's failure is logged and the
 * others go on.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketPayoutSchedule {

  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject Runner runner;

  @Schedule(dayOfMonth = "1", hour = "3", minute = "30", timezone = "UTC", persistent = false)
  void monthly() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    registry.forEachCompany("the payout report", executor,
        (companyId, database) -> runner.run(companyId, database, day));
  }

  /** One company's report, in a request context bound to the company. */
  @ApplicationScoped
  public static class Runner {

    @Inject TenantContext tenant;
    @Inject TicketPayoutReports reports;

    @ActivateRequestContext
    public void run(long companyId, String database, LocalDate day) {
      tenant.set(companyId, database);
      reports.generateOnce(companyId, day);
    }
  }
}
