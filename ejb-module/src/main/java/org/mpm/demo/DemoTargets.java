package org.mpm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.mpm.dashboard.Targets;
import org.mpm.dashboard.Targets.NewSubTarget;
import org.mpm.dashboard.VillageReports;
import org.mpm.tenancy.TenantDatabase;

/**
 * The demo's targets and reports: for every mini-grid a target at the end of this month and of the next, with
 * figures for every connection group (as MPM's TargetSeeder), and last week's and last month's village reports of
 * the first village, so the console's dashboards, targets and reports pages show something.
 */
@Stateless
public class DemoTargets {

  @Inject Targets targets;
  @Inject VillageReports reports;
  @Inject TenantDatabase tenantDb;

  public void seed(long companyId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<?> groups = tenantDb.em().createNativeQuery("SELECT id FROM connection_groups ORDER BY id").getResultList();
    List<?> grids = tenantDb.em().createNativeQuery("SELECT id FROM mini_grids WHERE deleted_at IS NULL ORDER BY id")
        .getResultList();
    int n = 0;
    for (Object grid : grids) {
      for (LocalDate end : List.of(today.withDayOfMonth(today.lengthOfMonth()),
          today.plusMonths(1).withDayOfMonth(today.plusMonths(1).lengthOfMonth()))) {
        List<NewSubTarget> figures = new ArrayList<>();
        for (Object g : groups) {
          n++;
          figures.add(new NewSubTarget(((Number) g).longValue(), 200_000L + 25_000L * (n % 7), 5 + n % 9,
              10 + n % 5, 150 + 10 * (n % 6), 12_000 + 500 * (n % 4)));
        }
        targets.create(end, Targets.MINI_GRID, ((Number) grid).longValue(), figures);
      }
    }
    List<?> city = tenantDb.em().createNativeQuery("SELECT id, name FROM cities WHERE deleted_at IS NULL"
        + " ORDER BY id LIMIT 1").getResultList();
    if (!city.isEmpty()) {
      Object[] c = (Object[]) city.get(0);
      long cityId = ((Number) c[0]).longValue();
      LocalDate[] week = VillageReports.rangeOf("weekly", today.minusDays(1));
      reports.generate(companyId, cityId, (String) c[1], "weekly", week[0], week[1]);
      LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
      reports.generate(companyId, cityId, (String) c[1], "monthly", lastMonthEnd.withDayOfMonth(1), lastMonthEnd);
    }
  }
}
