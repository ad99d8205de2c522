package org.mpm.dashboard.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.dashboard.AgentMetrics;
import org.mpm.dashboard.DashboardService;
import org.mpm.geography.GridRevenueService.DateRange;
import org.mpm.geography.rest.RevenueQuery;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/**
 * The cluster, mini-grid and agent dashboards (MPM's ClustersDashboardCacheDataController,
 * MiniGridDashboardCacheController, AgentPerformanceMetricsController). Figures are computed on each request from
 * grouped SQL, so the {@code PUT} that refreshes MPM's cache answers the same as the {@code GET} for its range.
 */
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Dashboards")
public class DashboardResource {

  @Inject DashboardService dashboards;
  @Inject AgentMetrics agents;
  @Context UriInfo uri;

  @GET
  @Path("clusters")
  @Operation(summary = "Every cluster's dashboard for the last three months: {data:[{id, name, manager_id,"
      + " created_at, updated_at, deviceCount, meterCount, applianceCount, revenue, population, citiesRevenue,"
      + " revenueAnalysis, clusterData, period, periodWeekly, totalRevenue}]}")
  public Map<String, Object> clusters() {
    return Json.data(clusterList(null));
  }

  @PUT
  @Path("clusters")
  @Operation(summary = "The cluster dashboards for ?from..?to (both, else the last three months): {data:[…]}")
  public Map<String, Object> refreshClusters() {
    return Json.data(clusterList(JsonBody.query(uri)));
  }

  @GET
  @Path("clusters/{clusterId}")
  @Operation(summary = "One cluster's dashboard item: {data:{…}}; 404 for an unknown cluster")
  public Map<String, Object> cluster(@PathParam("clusterId") String clusterId) {
    return Json.data(one(clusterList(null), clusterId, "App\\Models\\Cluster"));
  }

  @GET
  @Path("mini-grids")
  @Operation(summary = "Every mini-grid's dashboard for this year: {data:[{…mini-grid, soldEnergy:{data},"
      + " transactions:[{amount, revenue}], period, tickets, revenueList}]}")
  public Map<String, Object> miniGrids() {
    return Json.data(miniGridList(null));
  }

  @PUT
  @Path("mini-grids")
  @Operation(summary = "The mini-grid dashboards for ?from..?to (both, else this year): {data:[…]}")
  public Map<String, Object> refreshMiniGrids() {
    return Json.data(miniGridList(JsonBody.query(uri)));
  }

  @GET
  @Path("mini-grids/{miniGridId}")
  @Operation(summary = "One mini-grid's dashboard item: {data:{…}}; 404 for an unknown mini-grid")
  public Map<String, Object> miniGrid(@PathParam("miniGridId") String miniGridId) {
    return Json.data(one(miniGridList(null), miniGridId, "App\\Models\\MiniGrid"));
  }

  @GET
  @Path("agents")
  @Operation(summary = "Agents' appliance sales in ?start_date..?end_date (default the last three months), by"
      + " ?period (daily, weekly, monthly (default), yearly): {data:{metrics, top_agents, period}, status}")
  public Map<String, Object> agents() {
    JsonBody q = JsonBody.query(uri);
    LocalDate from = q.date("start_date", false);
    LocalDate to = q.date("end_date", false);
    q.notBefore("end_date", to, "start_date", from);
    String period = q.in("period", false, List.of("daily", "weekly", "monthly", "yearly"));
    q.validate();
    LocalDate today = RevenueQuery.today();
    return DashboardJson.agentMetrics(agents.metrics(from == null ? today.minusMonths(3) : from,
        to == null ? today : to, period == null ? "monthly" : period));
  }

  private List<Map<String, Object>> clusterList(JsonBody q) {
    LocalDate today = RevenueQuery.today();
    DateRange range = range(q, today.minusMonths(3), today);
    return dashboards.clusters(range).stream().map(DashboardJson::cluster).toList();
  }

  private List<Map<String, Object>> miniGridList(JsonBody q) {
    LocalDate today = RevenueQuery.today();
    DateRange range = range(q, today.withDayOfYear(1), today);
    return dashboards.miniGrids(range).stream().map(DashboardJson::miniGrid).toList();
  }

  /** {@code ?from..?to} when both are given (422 for a bad date or an end before the start), else the default. */
  private static DateRange range(JsonBody q, LocalDate from, LocalDate to) {
    if (q == null) {
      return new DateRange(from, to);
    }
    LocalDate f = q.date("from", false);
    LocalDate t = q.date("to", false);
    q.notBefore("to", t, "from", f);
    q.validate();
    return f == null || t == null ? new DateRange(from, to) : new DateRange(f, t);
  }

  private static Map<String, Object> one(List<Map<String, Object>> items, String id, String model) {
    return items.stream().filter(m -> String.valueOf(m.get("id")).equals(id)).findFirst()
        .orElseThrow(() -> NotFoundException.model(model, id));
  }
}
