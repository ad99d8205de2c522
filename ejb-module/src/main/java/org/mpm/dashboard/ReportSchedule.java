package org.mpm.dashboard;

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
 * MPM's village reports ({@code reports:city-revenue weekly} on Mondays at 03:00 UTC, {@code monthly} on the 1st at
 * 03:00 UTC): every company gets the reports of the period that ended the day before. Every node runs it;
 * {@link VillageReports#generateOnce} writes each report once. One company's failure is logged and the others go
 * on.
 */
@Startup
@Singleton
@DependsOn("Boot")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportSchedule {

  @Resource ManagedExecutorService executor;
  @Inject TenantRegistry registry;
  @Inject Runner runner;

  @Schedule(dayOfWeek = "Mon", hour = "3", minute = "0", timezone = "UTC", persistent = false)
  void weekly() {
    all("weekly");
  }

  @Schedule(dayOfMonth = "1", hour = "3", minute = "0", timezone = "UTC", persistent = false)
  void monthly() {
    all("monthly");
  }

  private void all(String type) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    registry.forEachCompany(type + " village reports", executor,
        (companyId, database) -> runner.run(companyId, database, type, day));
  }

  /** One company's reports, in a request context bound to the company. */
  @ApplicationScoped
  public static class Runner {

    @Inject TenantContext tenant;
    @Inject VillageReports reports;

    @ActivateRequestContext
    public int run(long companyId, String database, String type, LocalDate day) {
      tenant.set(companyId, database);
      LocalDate[] range = VillageReports.rangeOf(type, day);
      return reports.generateOnce(companyId, type, range[0], range[1]);
    }
  }
}
