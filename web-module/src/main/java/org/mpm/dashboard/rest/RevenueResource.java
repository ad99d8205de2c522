package org.mpm.dashboard.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.mpm.dashboard.DashboardService;
import org.mpm.dashboard.GridFigures.Scope;
import org.mpm.geography.GridRevenueService.DateRange;
import org.mpm.geography.rest.RevenueQuery;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/** Revenue against targets, weekly revenue trends and weekly tickets of a mini-grid (MPM's RevenueController). */
@Path("revenue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Dashboards")
public class RevenueResource {

  @Inject DashboardService dashboards;
  @Context UriInfo uri;

  @POST
  @Operation(summary = "Revenue, registered and new meters per connection group of a mini-grid or cluster and the"
      + " target in force: {target_type: mini-grid|cluster, target_type_id, start_date (2018-01-01), end_date"
      + " (2018-12-31)} → {data:{target, total_connections, new_connections, revenue}}")
  public Map<String, Object> revenue(String body) {
    JsonBody b = JsonBody.input(body, uri);
    String type = b.in("target_type", true, List.of("mini-grid", "cluster"));
    Long id = b.integer("target_type_id", true, 1, Long.MAX_VALUE);
    LocalDate from = b.date("start_date", false);
    LocalDate to = b.date("end_date", false);
    b.validate();
    DateRange range = new DateRange(from == null ? LocalDate.of(2018, 1, 1) : from,
        to == null ? LocalDate.of(2018, 12, 31) : to);
    return Json.data(DashboardJson.revenue(dashboards.groupFigures("cluster".equals(type) ? Scope.CLUSTER
        : Scope.MINI_GRID, id, range)));
  }

  @POST
  @Path("trends/{id: [0-9]+}")
  @Operation(summary = "Weekly revenue of the mini-grid's meters per connection type in startDate (1 January)"
      + " ..endDate (today): {data:{\"2025-09\":{type:{revenue}}}}; a mini-grid without village"
      + " {data:{data:null, message}}")
  public Map<String, Object> trends(@PathParam("id") long id, String body) {
    JsonBody b = JsonBody.input(body, uri);
    DateRange range = RevenueQuery.range(b, "startDate", RevenueQuery.today().withDayOfYear(1), "endDate",
        RevenueQuery.today());
    Map<String, Object> weeks = dashboards.weeklyByType(id, range);
    return Json.data(weeks == null ? Json.obj("data", null, "message", "There is no city for this MiniGrid")
        : weeks);
  }

  @GET
  @Path("tickets/{id: [0-9]+}")
  @Operation(summary = "Tickets of the mini-grid's customers opened and closed per ISO week and category since"
      + " 2018-08-01: {data:{categories:[…], \"2025-09\":{category:{opened, closed}}}}")
  public Map<String, Object> tickets(@PathParam("id") long id) {
    return Json.data(DashboardJson.tickets(dashboards.ticketsSinceStart(id)));
  }
}
