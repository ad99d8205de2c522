package org.mpm.geography.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.geography.GeographyService;
import org.mpm.geography.GridRevenueService;
import org.mpm.geography.GridRevenueService.DateRange;
import org.mpm.geography.RevenuePeriod;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/**
 * Clusters of mini-grids (MPM's ClusterController) and their figures (ClusterRevenueController,
 * ClusterRevenueAnalysisController, ClusterMiniGridRevenueController).
 */
@Path("clusters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Geography")
public class ClustersResource {

  @Inject GeographyService geography;
  @Inject GridRevenueService revenue;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List clusters with their mini_grids: {data:[{id, name, manager_id, geo_json, …, mini_grids}]}")
  public Map<String, Object> list() {
    return Json.data(geography.clusterViews().stream().map(GeographyJson::cluster).toList());
  }

  @GET
  @Path("{clusterId: [0-9]+}")
  @Operation(summary = "The cluster with its figures: {data:{id, name, manager_id, created_at, updated_at, deviceCount,"
      + " meterCount, applianceCount, revenue, population, citiesRevenue, revenueAnalysis, clusterData (the cluster"
      + " with mini_grids and cities), period, periodWeekly, totalRevenue}}; revenue of ?start_date..?end_date"
      + " (both, else the last 31 days up to yesterday)")
  public Map<String, Object> show(@PathParam("clusterId") long id) {
    DateRange range = RevenueQuery.bothOrLastMonth(JsonBody.query(uri), "start_date", "end_date");
    return Json.data(GeographyJson.clusterDashboard(revenue.clusterDetail(id), revenue.clusterFigures(id, range)));
  }

  @GET
  @Path("revenue")
  @Operation(summary = "Every cluster with its revenue per period: {data:[{…cluster, period:{\"2025-03\":{revenue}},"
      + " totalRevenue, mini_grids}]}; ?startDate (default: first of the month a year ago), ?endDate (default: end"
      + " of this month), ?period=monthly|weekly|weekMonth")
  public Map<String, Object> revenueOfAll() {
    JsonBody q = JsonBody.query(uri);
    RevenuePeriod p = RevenueQuery.period(q);
    DateRange range = RevenueQuery.range(q, "startDate", RevenueQuery.today().withDayOfMonth(1).minusMonths(12),
        "endDate", RevenueQuery.endOfMonth());
    return Json.data(revenue.clustersRevenue(range, p).stream().map(GeographyJson::clusterPeriodic).toList());
  }

  @GET
  @Path("{clusterId: [0-9]+}/revenue")
  @Operation(summary = "The cluster with meterCount, revenue (?startDate..?endDate, both, else the last 31 days),"
      + " population, mini_grids and cities")
  public Map<String, Object> revenueOfOne(@PathParam("clusterId") long id) {
    DateRange range = RevenueQuery.bothOrLastMonth(JsonBody.query(uri), "startDate", "endDate");
    return Json.data(GeographyJson.clusterRevenue(revenue.clusterDetail(id), revenue.clusterFigures(id, range)));
  }

  @GET
  @Path("{clusterId: [0-9]+}/revenue/analysis")
  @Operation(summary = "Revenue of the cluster's meters per connection type and period, plus Total:"
      + " {data:{\"<type>\":{\"2025-03\":1200}, \"Total\":{…}}}; ?startDate (default 1 January), ?endDate (default"
      + " end of this month), ?period")
  public Map<String, Object> analysis(@PathParam("clusterId") long id) {
    JsonBody q = JsonBody.query(uri);
    RevenuePeriod p = RevenueQuery.period(q);
    DateRange range = RevenueQuery.thisYear(q);
    return Json.data(GeographyJson.connectionTypeRevenue(revenue.connectionTypeRevenue(id, range, p)));
  }

  @GET
  @Path("{clusterId: [0-9]+}/cities-revenue")
  @Operation(summary = "The cluster's mini-grids, each with its revenue per period: {data:[{…mini-grid, period,"
      + " totalRevenue}]}; ?startDate (default 1 January), ?endDate (default end of this month), ?period")
  public Map<String, Object> miniGridRevenue(@PathParam("clusterId") long id) {
    JsonBody q = JsonBody.query(uri);
    RevenuePeriod p = RevenueQuery.period(q);
    DateRange range = RevenueQuery.thisYear(q);
    return Json.data(revenue.miniGridsRevenue(id, range, p).stream().map(GeographyJson::miniGridPeriodic).toList());
  }

  @GET
  @Path("{clusterId: [0-9]+}/geo")
  @Operation(summary = "The cluster's area: {data:{geo_json}}")
  public Map<String, Object> geo(@PathParam("clusterId") long id) {
    return Json.data(Json.obj("geo_json", Json.parsed(geography.cluster(id).getGeoJson())));
  }

  @POST
  @RequiresPermission("settings")
  @Operation(summary = "Create a cluster; body {name, manager_id (a user), geo_json (GeoJSON area)}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, 191);
    Long managerId = b.integer("manager_id", true);
    String geo = b.area("geo_json", true);
    b.validate();
    return Response.status(201)
        .entity(Json.data(GeographyJson.cluster(geography.createCluster(name, managerId, geo)))).build();
  }

  @PUT
  @Path("{clusterId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "Update a cluster; body {name?, manager_id?, geo_json?}")
  public Map<String, Object> update(@PathParam("clusterId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 1, 191);
    Long managerId = b.integer("manager_id", false);
    String geo = b.area("geo_json", false);
    b.validate();
    return Json.data(GeographyJson.cluster(geography.updateCluster(id, name, managerId, geo)));
  }

  @DELETE
  @Path("{clusterId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "Soft-delete a cluster without mini-grids: {message: \"Cluster deleted.\"}; 422 otherwise")
  public Map<String, Object> delete(@PathParam("clusterId") long id) {
    geography.deleteCluster(id);
    return Json.message("Cluster deleted.");
  }
}
