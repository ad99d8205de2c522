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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.dashboard.Targets;
import org.mpm.dashboard.Targets.NewSubTarget;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/** Period targets of mini-grids and clusters per connection group (MPM's TargetController); permission settings. */
@Path("targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Dashboards")
public class TargetsResource {

  private static final BigDecimal MAX_UNSIGNED = BigDecimal.valueOf(4_294_967_295L);

  @Inject Targets targets;
  @Context UriInfo uri;

  @GET
  @RequiresPermission("settings")
  @Operation(summary = "Targets, latest target date first, each with owner and sub_targets (with connection_type):"
      + " a paginator of ?limit (15)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    int size = q.size("limit", 15);
    q.validate();
    Page<Targets.Detail> page = targets.page(q.page(), size);
    var groups = targets.groups();
    return Paginator.raw(page, page.items().stream().map(d -> DashboardJson.listed(d, targets.ownerOf(d.target()),
        groups)).toList(), uri);
  }

  @GET
  @Path("{targetId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "A target with its sub_targets: {data:{…}}")
  public Map<String, Object> show(@PathParam("targetId") long id) {
    return Json.data(DashboardJson.shown(targets.show(id)));
  }

  @POST
  @Path("slots")
  @RequiresPermission("settings")
  @Operation(summary = "The targets dated in the month of {date}: {data:[…]}")
  public Map<String, Object> slots(String body) {
    JsonBody b = JsonBody.input(body, uri);
    LocalDate date = b.date("date", true);
    b.validate();
    return Json.data(targets.slots(date).stream().map(DashboardJson::target).toList());
  }

  @POST
  @RequiresPermission("settings")
  @Operation(summary = "A target of a mini-grid or cluster: {period (a date), targetForType (mini-grid|cluster),"
      + " targetForId, data:[{id (connection group), target:{totalRevenue, newConnection, connectedPower,"
      + " energyPerMonth, averageRevenuePerMonth}}]} → 201 {data:{…target, sub_targets}}")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    LocalDate period = b.date("period", true);
    String type = b.in("targetForType", true, List.of(Targets.MINI_GRID, Targets.CLUSTER));
    Long ownerId = b.integer("targetForId", true, 1, JsonFields.MAX_INT);
    List<NewSubTarget> figures = new ArrayList<>();
    List<JsonBody> items = b.list("data", true, JsonFields.MAX_ITEMS);
    for (JsonBody item : items == null ? List.<JsonBody>of() : items) {
      Long group = item.integer("id", true, 1, JsonFields.MAX_INT);
      JsonBody t = item.object("target", true);
      if (t == null) {
        continue;
      }
      BigDecimal revenue = t.number("totalRevenue", true, BigDecimal.ZERO, MAX_UNSIGNED);
      BigDecimal added = t.number("newConnection", true, BigDecimal.ZERO, MAX_UNSIGNED);
      BigDecimal power = t.number("connectedPower", true, BigDecimal.ZERO, JsonFields.MAX_NUMBER);
      BigDecimal energy = t.number("energyPerMonth", true, BigDecimal.ZERO, JsonFields.MAX_NUMBER);
      BigDecimal average = t.number("averageRevenuePerMonth", true, BigDecimal.ZERO, JsonFields.MAX_NUMBER);
      if (group != null && revenue != null && added != null && power != null && energy != null
          && average != null) {
        figures.add(new NewSubTarget(group, revenue.longValue(), added.longValue(), power.doubleValue(),
            energy.doubleValue(), average.doubleValue()));
      }
    }
    b.validate();
    Targets.Detail d = targets.create(period, type, ownerId, figures);
    return Response.status(201).entity(Json.data(DashboardJson.listed(d, targets.ownerOf(d.target()),
        targets.groups()))).build();
  }
}
