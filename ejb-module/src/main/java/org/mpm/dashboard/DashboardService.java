package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

  /**
   * Every cluster's dashboard for {@code range}; the per-mini-grid and per-connection-type figures are of this
   * year. Two grouped queries over the payments (the range by cluster, month and week; the year by mini-grid,
   * connection type and month) serve every cluster.
   */
  public List<ClusterDashboard> clusters(DateRange range) {
    DateRange year = thisYear();
    Map<Long, Map<String, Object>> monthSlots = new HashMap<>();
    Map<Long, Map<String, Object>> weekSlots = new HashMap<>();
    Map<Long, Double> totals = new HashMap<>();
    for (GridFigures.ClusterWeek w : figures.weeklyByCluster(range.from(), range.to())) {
      add(monthSlots.computeIfAbsent(w.clusterId(), k -> slots(range, RevenuePeriod.MONTHLY)),
          RevenuePeriod.MONTHLY.slotOf(w.month(), w.yearWeek()), w.amount());
      add(weekSlots.computeIfAbsent(w.clusterId(), k -> slots(range, RevenuePeriod.WEEK_MONTH)),
          RevenuePeriod.WEEK_MONTH.slotOf(w.month(), w.yearWeek()), w.amount());
      totals.merge(w.clusterId(), w.amount(), Double::sum);
    }
    List<MiniGrid> grids = geography.allMiniGrids();
    Map<Long, Long> clusterOf = new HashMap<>();
    grids.forEach(g -> clusterOf.put(g.getId(), g.getClusterId()));
    List<ConnectionType> types = connections.types();
    Map<Long, String> typeNames = new HashMap<>();
    types.forEach(t -> typeNames.put(t.getId(), t.getName()));
    Map<Long, Map<String, Object>> gridMonths = new HashMap<>();
    Map<Long, Double> gridTotals = new HashMap<>();
    Map<Long, Map<String, Map<String, Object>>> analysis = new HashMap<>();
    for (GridFigures.GridMonth m : figures.monthlyByGridAndType(year.from(), year.to())) {
      add(gridMonths.computeIfAbsent(m.miniGridId(), k -> slots(year, RevenuePeriod.MONTHLY)),
          new String[] {m.month()}, m.amount());
      gridTotals.merge(m.miniGridId(), m.amount(), Double::sum);
      Long cluster = clusterOf.get(m.miniGridId());
      String type = m.typeId() == null ? null : typeNames.get(m.typeId());
      if (cluster != null && type != null) {
        Map<String, Map<String, Object>> a = analysis.computeIfAbsent(cluster, k -> emptyAnalysis(types, year));
        add(a.get(type), new String[] {m.month()}, m.amount());
        add(a.get("Total"), new String[] {m.month()}, m.amount());
      }
    }
    GridFigures.Keyed counts = figures.clusterCounts();
    GridFigures.Keyed appliances = figures.appliancesSold();
    List<ClusterDashboard> out = new ArrayList<>();
    for (ClusterView v : geography.clusterViews()) {
      long id = v.cluster().getId();
      Map<Long, Double> c = counts.of(id);
      List<MiniGridRevenue> cities = grids.stream().filter(g -> g.getClusterId() == id)
          .map(g -> new MiniGridRevenue(g, new Periodic(gridMonths.getOrDefault(g.getId(),
              slots(year, RevenuePeriod.MONTHLY)), gridTotals.getOrDefault(g.getId(), 0.0)))).toList();
      double total = totals.getOrDefault(id, 0.0);
      Periodic month = new Periodic(monthSlots.getOrDefault(id, slots(range, RevenuePeriod.MONTHLY)), total);
      Periodic week = new Periodic(weekSlots.getOrDefault(id, slots(range, RevenuePeriod.WEEK_MONTH)), total);
      out.add(new ClusterDashboard(revenue.clusterDetail(id), new ClusterFigures(
          c.getOrDefault(0L, 0.0).longValue(), c.getOrDefault(1L, 0.0).longValue(), total,
          c.getOrDefault(2L, 0.0).longValue()), appliances.of(id).getOrDefault(0L, 0.0).longValue(), cities,
          sorted(analysis.getOrDefault(id, emptyAnalysis(types, year))), month, week));
    }
    return out;
  }

  private static Map<String, Map<String, Object>> emptyAnalysis(List<ConnectionType> types, DateRange year) {
    Map<String, Map<String, Object>> a = new LinkedHashMap<>();
    for (ConnectionType t : types) {
      a.computeIfAbsent(t.getName(), k -> slots(year, RevenuePeriod.MONTHLY));
      a.computeIfAbsent("Total", k -> slots(year, RevenuePeriod.MONTHLY));
    }
    return a;
  }

  /** MPM's order of the analysis (PHP's {@code asort}). */
  private static Map<String, Map<String, Object>> sorted(Map<String, Map<String, Object>> analysis) {
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>(analysis.entrySet());
    entries.sort((x, y) -> GridRevenueService.phpCompare(x.getValue(), y.getValue()));
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, Object> slots(DateRange range, RevenuePeriod period) {
    return period.slots(range.from(), range.to(), () -> 0.0);
  }

  /** Adds an amount to the slot at {@code path} (creating it if the range did not). */
  @SuppressWarnings("unchecked")
  private static void add(Map<String, Object> slots, String[] path, double amount) {
    Map<String, Object> level = slots;
    for (int i = 0; i < path.length - 1; i++) {
      level = (Map<String, Object>) level.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
    }
    level.merge(path[path.length - 1], amount, (x, y) -> (Double) x + (Double) y);
  }

  /** Every mini-grid's dashboard for {@code range}; each figure is one query grouped by mini-grid. */
  public List<MiniGridDashboard> miniGrids(DateRange range) {
    List<ConnectionGroup> groups = connections.groups();
    List<ConnectionType> types = connections.types();
    GridFigures.Keyed sales = figures.salesByMiniGrid(range.from(), range.to());
    GridFigures.Keyed energy = figures.energyByMiniGrid(range.from(), range.to());
    GridFigures.Keyed rev = figures.revenueByGroup(Scope.MINI_GRID, null, range.from(), range.to());
    GridFigures.Keyed total = figures.metersByGroup(Scope.MINI_GRID, null, range.to());
    GridFigures.Keyed added = figures.newMetersByGroup(Scope.MINI_GRID, null, range.from(), range.to());
    Map<Long, List<WeeklyAmount>> weekly = new HashMap<>();
    figures.weeklyRevenueByType(null, range.from(), range.to())
        .forEach(w -> weekly.computeIfAbsent(w.miniGridId(), k -> new ArrayList<>()).add(w));
    List<MiniGridDashboard> out = new ArrayList<>();
    for (MiniGrid g : geography.allMiniGrids()) {
      long id = g.getId();
      Map<Long, Double> s = sales.of(id);
      out.add(new MiniGridDashboard(g, round3(energy.of(id).getOrDefault(0L, 0.0)),
          new Sales(s.getOrDefault(0L, 0.0).longValue(), s.getOrDefault(1L, 0.0)),
          weeks(types, weekly.getOrDefault(id, List.of()), range),
          tickets(id, range.from(), range.to()),
          groupFigures(groups, rev.of(id), total.of(id), added.of(id), listOf(targets.forMiniGrid(id, range.to())))));
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
    return groupFigures(connections.groups(), figures.revenueByGroup(scope, id, range.from(), range.to()).of(id),
        figures.metersByGroup(scope, id, range.to()).of(id),
        figures.newMetersByGroup(scope, id, range.from(), range.to()).of(id),
        scope == Scope.CLUSTER ? targets.forCluster(id, range.to()) : listOf(targets.forMiniGrid(id, range.to())));
  }

  private static GroupFigures groupFigures(List<ConnectionGroup> groups, Map<Long, Double> rev,
      Map<Long, Double> total, Map<Long, Double> added, List<Targets.Detail> inForce) {
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
    return weeks(connections.types(), figures.weeklyRevenueByType(miniGridId, range.from(), range.to()), range);
  }

  private static Map<String, Object> weeks(List<ConnectionType> types, List<WeeklyAmount> amounts, DateRange range) {
    Map<Long, String> names = new HashMap<>();
    types.forEach(t -> names.put(t.getId(), t.getName()));
    Map<String, Object> weeks = RevenuePeriod.WEEKLY.slots(range.from(), range.to(), () -> {
      Map<String, Object> m = new LinkedHashMap<>();
      types.forEach(t -> m.put(t.getName(), Map.of("revenue", 0L)));
      return m;
    });
    for (WeeklyAmount w : amounts) {
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

  private static double round3(double v) {
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).doubleValue();
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
