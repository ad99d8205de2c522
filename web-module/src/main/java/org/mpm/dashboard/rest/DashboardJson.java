package org.mpm.dashboard.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.dashboard.AgentMetrics;
import org.mpm.dashboard.DashboardService.ClusterDashboard;
import org.mpm.dashboard.DashboardService.GroupFigures;
import org.mpm.dashboard.DashboardService.MiniGridDashboard;
import org.mpm.dashboard.DashboardService.TicketChart;
import org.mpm.dashboard.Targets;
import org.mpm.dashboard.VillageReports.Report;
import org.mpm.geography.Cluster;
import org.mpm.geography.GridRevenueService.Periodic;
import org.mpm.geography.MiniGrid;
import org.mpm.geography.rest.GeographyJson;
import org.mpm.rest.Json;
import org.mpm.tariff.ConnectionGroup;
import org.mpm.tariff.rest.TariffJson;
import org.mpm.ticket.rest.TicketJson;

/** MPM's JSON of the dashboards, revenue figures, targets and reports. */
final class DashboardJson {

  private DashboardJson() {}

  /** A cluster dashboard item (MPM's ClusterDashboardData). */
  static Map<String, Object> cluster(ClusterDashboard d) {
    Cluster c = d.detail().cluster();
    Periodic monthly = d.monthly();
    return Json.obj("id", c.getId(), "name", c.getName(), "manager_id", c.getManagerId(),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()),
        "deviceCount", d.figures().deviceCount(), "meterCount", d.figures().meterCount(),
        "applianceCount", d.applianceCount(), "revenue", GeographyJson.num(d.figures().revenue()),
        "population", d.figures().population(),
        "citiesRevenue", d.citiesRevenue().stream().map(GeographyJson::miniGridPeriodic).toList(),
        "revenueAnalysis", GeographyJson.connectionTypeRevenue(d.revenueAnalysis()),
        "clusterData", GeographyJson.clusterWithRelations(d.detail(), Map.of()),
        "period", monthly == null ? List.of() : GeographyJson.slots(monthly.slots(), true),
        "periodWeekly", d.weekly() == null ? List.of() : GeographyJson.slots(d.weekly().slots(), true),
        "totalRevenue", GeographyJson.num(monthly == null ? 0 : monthly.total()));
  }

  /** A mini-grid dashboard item (MPM's MiniGridDashboardData). */
  static Map<String, Object> miniGrid(MiniGridDashboard d) {
    Map<String, Object> m = GeographyJson.miniGrid(d.miniGrid());
    m.put("soldEnergy", Json.obj("data", GeographyJson.num(d.soldEnergy())));
    m.put("transactions", List.of(Json.obj("amount", d.sales().count(),
        "revenue", d.sales().count() == 0 ? null : GeographyJson.num(d.sales().revenue()))));
    m.put("period", d.period() == null ? List.of() : d.period());
    m.put("tickets", tickets(d.tickets()));
    GroupFigures f = d.revenueList();
    m.put("revenueList", Json.obj("totalConnections", f.totalConnections(), "revenue", amounts(f.revenue()),
        "newConnections", f.newConnections(), "target", Json.obj("targets", f.targets())));
    return m;
  }

  static Map<String, Object> tickets(TicketChart t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("categories", t.categories().stream().map(TicketJson::category).toList());
    m.putAll(t.weeks());
    return m;
  }

  static Map<String, Object> amounts(Map<String, Object> byName) {
    Map<String, Object> m = new LinkedHashMap<>();
    byName.forEach((k, v) -> m.put(k, GeographyJson.num(((Number) v).doubleValue())));
    return m;
  }

  /** POST /api/revenue: the target in force (or only its figures) and the figures per connection group. */
  static Map<String, Object> revenue(GroupFigures f) {
    Map<String, Object> target;
    if (f.target() == null) {
      target = Json.obj("targets", f.targets());
    } else {
      target = target(f.target().target());
      target.put("city", null);
      target.put("targets", f.targets());
    }
    return Json.obj("target", target, "total_connections", f.totalConnections(),
        "new_connections", f.newConnections(), "revenue", amounts(f.revenue()));
  }

  static Map<String, Object> target(Targets.Target t) {
    return Json.obj("id", t.id(), "target_date", t.targetDate().toString(), "type", t.type(),
        "owner_type", t.ownerType(), "owner_id", t.ownerId(), "created_at", Json.ts(t.createdAt()),
        "updated_at", Json.ts(t.updatedAt()));
  }

  static Map<String, Object> subTarget(Targets.SubTarget s) {
    return Json.obj("id", s.id(), "target_id", s.targetId(), "connection_id", s.connectionId(),
        "revenue", s.revenue(), "new_connections", s.newConnections(),
        "connected_power", GeographyJson.num(s.connectedPower()),
        "energy_per_month", GeographyJson.num(s.energyPerMonth()),
        "average_revenue_per_month", GeographyJson.num(s.averageRevenuePerMonth()),
        "created_at", Json.ts(s.createdAt()), "updated_at", Json.ts(s.updatedAt()));
  }

  /** A listed target: with its owner and its sub-targets, each with its connection group. */
  static Map<String, Object> listed(Targets.Detail d, Object owner, Map<Long, ConnectionGroup> groups) {
    Map<String, Object> m = target(d.target());
    m.put("owner", owner(owner));
    m.put("sub_targets", d.subTargets().stream().map(s -> {
      Map<String, Object> j = subTarget(s);
      ConnectionGroup g = groups.get(s.connectionId());
      j.put("connection_type", g == null ? null : TariffJson.group(g));
      return j;
    }).toList());
    return m;
  }

  /** A shown target: with its sub-targets and (always null: targets have no village) its city. */
  static Map<String, Object> shown(Targets.Detail d) {
    Map<String, Object> m = target(d.target());
    m.put("sub_targets", d.subTargets().stream().map(DashboardJson::subTarget).toList());
    m.put("city", null);
    return m;
  }

  static Object owner(Object owner) {
    if (owner instanceof Cluster c) {
      return GeographyJson.cluster(c);
    }
    return owner instanceof MiniGrid g ? GeographyJson.miniGrid(g) : null;
  }

  static Map<String, Object> agentMetrics(AgentMetrics.Metrics m) {
    AgentMetrics.Overall o = m.overall();
    Map<String, Object> metrics = Json.obj("number_of_agents", o.agents(), "sold_appliances", o.sold(),
        "total_commission", o.commission(), "avg_customers_per_agent", o.customersPerAgent());
    List<Map<String, Object>> top = m.top().stream().map(t -> Json.obj("agent", t.agent(),
        "customers", t.customers(), "commission", t.commission(), "sales", t.sales())).toList();
    return Json.obj("data", Json.obj("metrics", metrics, "top_agents", top, "period", m.periods()),
        "status", "success");
  }

  static Map<String, Object> report(Report r) {
    return Json.obj("id", r.id(), "name", r.name(), "path", r.path(), "type", r.type(), "date", r.date(),
        "created_at", Json.ts(r.createdAt()), "updated_at", Json.ts(r.updatedAt()));
  }
}
