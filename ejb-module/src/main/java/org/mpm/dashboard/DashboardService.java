package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.dashboard.GridFigures.Scope;
import org.mpm.dashboard.GridFigures.WeeklyAmount;
import org.mpm.dashboard.GridFigures.WeeklyTickets;
import org.mpm.geography.GeographyService;
import org.mpm.geography.GeographyService.ClusterView;
import org.mpm.geography.GridRevenueService;
import org.mpm.geography.GridRevenueService.ClusterDetail;
import org.mpm.geography.GridRevenueService.ClusterFigures;
import org.mpm.geography.GridRevenueService.DateRange;
import org.mpm.geography.GridRevenueService.MiniGridRevenue;
import org.mpm.geography.GridRevenueService.Periodic;
import org.mpm.geography.GridRevenueService.Sales;
import org.mpm.geography.MiniGrid;
import org.mpm.geography.RevenuePeriod;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tariff.ConnectionService;
import org.mpm.tariff.ConnectionType;
import org.mpm.ticket.TicketCategory;
import org.mpm.ticket.TicketQueries;

/**
 * MPM's cluster and mini-grid dashboards, revenue against targets, revenue trends and ticket figures, computed on
 * demand from grouped SQL (MPM computes them in PHP loops and caches them; here every request sees the payments
 * booked so far). The figures come from {@link GridRevenueService} and {@link GridFigures}.
 */
@Stateless
public class DashboardService {

  /** Where MPM's ticket chart of a mini-grid starts. */
  static final LocalDate TICKETS_SINCE = LocalDate.of(2018, 8, 1);

  @Inject GridRevenueService revenue;
  @Inject GridFigures figures;
  @Inject GeographyService geography;
  @Inject ConnectionService connections;
  @Inject TicketQueries tickets;
  @Inject Targets targets;

  /** One cluster's dashboard. */
  public record ClusterDashboard(ClusterDetail detail, ClusterFigures figures, long applianceCount,
      List<MiniGridRevenue> citiesRevenue, Map<String, Map<String, Object>> revenueAnalysis, Periodic monthly,
      Periodic weekly) {}

  /** Figures per connection group name (MPM's revenue list), with the targets in force. */
  public record GroupFigures(Map<String, Object> totalConnections, Map<String, Object> revenue,
      Map<String, Object> newConnections, Map<String, Object> targets, Targets.Detail target) {}

  /** One mini-grid's dashboard. */
  public record MiniGridDashboard(MiniGrid miniGrid, double soldEnergy, Sales sales, Map<String, Object> period,
      TicketChart tickets, GroupFigures revenueList) {}

  /** Ticket categories and, per ISO week, per category: opened and closed. */
  public record TicketChart(List<TicketCategory> categories, Map<String, Object> weeks) {}

  /** Every cluster's dashboard for {@code range}; the per-mini-grid and per-type figures are of this year. */
  public List<ClusterDashboard> clusters(DateRange range) {
    DateRange year = thisYear();
    Map<Long, Periodic> monthly = byCluster(revenue.clustersRevenue(range, RevenuePeriod.MONTHLY));
    Map<Long, Periodic> weekly = byCluster(revenue.clustersRevenue(range, RevenuePeriod.WEEK_MONTH));
    List<ClusterDashboard> out = new ArrayList<>();
    for (ClusterView v : geography.clusterViews()) {
      long id = v.cluster().getId();
      out.add(new ClusterDashboard(revenue.clusterDetail(id), revenue.clusterFigures(id, range),
          figures.appliancesSold(id), revenue.miniGridsRevenue(id, year, RevenuePeriod.MONTHLY),
          revenue.connectionTypeRevenue(id, year, RevenuePeriod.MONTHLY), monthly.get(id), weekly.get(id)));
    }
    return out;
  }

  private static Map<Long, Periodic> byCluster(List<GridRevenueService.ClusterRevenue> list) {
    Map<Long, Periodic> out = new HashMap<>();
    list.forEach(r -> out.put(r.cluster().cluster().getId(), r.revenue()));
    return out;
  }

  /** Every mini-grid's dashboard for {@code range}. */
  public List<MiniGridDashboard> miniGrids(DateRange range) {
    List<MiniGridDashboard> out = new ArrayList<>();
    for (MiniGrid g : geography.allMiniGrids()) {
      long id = g.getId();
      out.add(new MiniGridDashboard(g, revenue.miniGridEnergy(id, range), revenue.miniGridSales(id, range),
          weeklyByType(id, range), tickets(id, range.from(), range.to()),
          groupFigures(Scope.MINI_GRID, id, range)));
    }
    return out;
  }

  /**
   * Revenue, registered and new meters per connection group of a mini-grid or cluster in {@code range}, and the
   * targets in force at its end (for a cluster: its mini-grids' targets added up per group). Groups without a
   * target show {@code "-"}.
   */
  public GroupFigures groupFigures(Scope scope, long id, DateRange range) {
    if (scope == Scope.CLUSTER) {
      geography.cluster(id);
    } else {
      geography.miniGrid(id);
    }
    List<ConnectionGroup> groups = connections.groups();
    Map<Long, Double> rev = figures.revenueByGroup(scope, id, range.from(), range.to());
    Map<Long, Double> total = figures.metersByGroup(scope, id, range.to());
    Map<Long, Double> added = figures.newMetersByGroup(scope, id, range.from(), range.to());
    Map<String, Object> revenues = new LinkedHashMap<>();
    Map<String, Object> totals = new LinkedHashMap<>();
    Map<String, Object> news = new LinkedHashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (ConnectionGroup g : groups) {
      names.put(g.getId(), g.getName());
      revenues.put(g.getName(), rev.getOrDefault(g.getId(), 0.0));
      totals.put(g.getName(), total.getOrDefault(g.getId(), 0.0).longValue());
      news.put(g.getName(), added.getOrDefault(g.getId(), 0.0).longValue());
    }
    List<Targets.Detail> inForce = scope == Scope.CLUSTER ? targets.forCluster(id, range.to())
        : listOf(targets.forMiniGrid(id, range.to()));
    Map<String, Object> formatted = new LinkedHashMap<>();
    if (inForce.isEmpty()) {
      for (ConnectionGroup g : groups) {
        formatted.put(g.getName(), TargetFigures.none());
      }
    }
    for (Targets.Detail t : inForce) {
      for (Targets.SubTarget s : t.subTargets()) {
        String name = names.get(s.connectionId());
        if (name != null) {
          formatted.merge(name, TargetFigures.of(s), (a, b) -> TargetFigures.add(a, b));
        }
      }
    }
    return new GroupFigures(totals, revenues, news, formatted, inForce.isEmpty() ? null : inForce.get(0));
  }

  private static List<Targets.Detail> listOf(Targets.Detail d) {
    return d == null ? List.of() : List.of(d);
  }

  /**
   * Weekly revenue of the mini-grid's meters per connection type name: ISO week → type → {@code {"revenue": n}}
   * (whole currency units, as MPM casts them); null when the mini-grid has no village.
   */
  public Map<String, Object> weeklyByType(long miniGridId, DateRange range) {
    geography.miniGrid(miniGridId);
    if (geography.citiesOf(miniGridId).isEmpty()) {
      return null;
    }
    List<ConnectionType> types = connections.types();
    Map<Long, String> names = new HashMap<>();
    types.forEach(t -> names.put(t.getId(), t.getName()));
    Map<String, Object> weeks = RevenuePeriod.WEEKLY.slots(range.from(), range.to(), () -> {
      Map<String, Object> m = new LinkedHashMap<>();
      types.forEach(t -> m.put(t.getName(), Map.of("revenue", 0L)));
      return m;
    });
    for (WeeklyAmount w : figures.weeklyRevenueByType(miniGridId, range.from(), range.to())) {
      String name = names.get(w.typeId());
      if (name != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> week = (Map<String, Object>) weeks.computeIfAbsent(RevenuePeriod.isoWeek(w.yearWeek()),
            k -> new LinkedHashMap<String, Object>());
        week.put(name, Map.of("revenue", (long) w.amount()));
      }
    }
    return weeks;
  }

  /** Tickets of the mini-grid's customers opened and closed per ISO week and category, since MPM's start date. */
  public TicketChart ticketsSinceStart(long miniGridId) {
    geography.miniGrid(miniGridId);
    return tickets(miniGridId, null, null);
  }

  private TicketChart tickets(long miniGridId, LocalDate from, LocalDate to) {
    List<TicketCategory> categories = tickets.categories(false);
    LocalDate start = from == null ? TICKETS_SINCE : from;
    LocalDate end = to == null ? LocalDate.now() : to;
    Map<String, Object> weeks = new LinkedHashMap<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusWeeks(1)) {
      Map<String, Object> week = new LinkedHashMap<>();
      categories.forEach(c -> week.put(c.getLabelName(), counts(0, 0)));
      weeks.put(RevenuePeriod.isoWeek(d), week);
    }
    for (boolean closed : new boolean[] {true, false}) {
      for (WeeklyTickets t : figures.weeklyTickets(miniGridId, closed, from, to)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> week = (Map<String, Object>) weeks.computeIfAbsent(RevenuePeriod.isoWeek(t.yearWeek()),
            k -> new LinkedHashMap<String, Object>());
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) week.computeIfAbsent(t.category(), k -> counts(0, 0));
        c.put(closed ? "closed" : "opened", t.count());
      }
    }
    return new TicketChart(categories, weeks);
  }

  private static Map<String, Object> counts(long opened, long closed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opened", opened);
    m.put("closed", closed);
    return m;
  }

  private static DateRange thisYear() {
    LocalDate today = LocalDate.now();
    return new DateRange(today.withDayOfYear(1), today.withDayOfMonth(today.lengthOfMonth()));
  }
}
