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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.geography.GeographyService;
import org.mpm.geography.GridRevenueService;
import org.mpm.geography.GridRevenueService.Sales;
import org.mpm.geography.MiniGrid;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/**
 * Mini-grids (MPM's MiniGridController) with their revenue, sold energy and devices (MiniGridRevenueController,
 * MiniGridDeviceController).
 */
@Path("mini-grids")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Geography")
public class MiniGridsResource {

  @Inject GeographyService geography;
  @Inject GridRevenueService revenue;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Mini-grids with their location; ?per_page paginates (Laravel paginator), without it {data:[…]}")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", geography::allMiniGrids, geography::miniGrids,
        l -> geography.miniGridViews(l).stream().map(GeographyJson::miniGrid).toList(), uri);
  }

  @GET
  @Path("{miniGridId: [0-9]+}")
  @Operation(summary = "A mini-grid; ?relation=1 adds its location")
  public Map<String, Object> show(@PathParam("miniGridId") long id) {
    if (GeographyJson.withRelation(JsonBody.query(uri))) {
      return Json.data(GeographyJson.miniGrid(geography.miniGridView(id)));
    }
    return Json.data(GeographyJson.miniGrid(geography.miniGrid(id)));
  }

  @POST
  @RequiresPermission("settings")
  @Operation(summary = "Create a mini-grid; body {name (min 3), cluster_id, geo_json: GeoJSON Feature Point"
      + " [lng, lat]}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 3, 191);
    Long clusterId = b.integer("cluster_id", true);
    String geo = b.point("geo_json", true);
    b.validate();
    MiniGrid m = geography.createMiniGrid(name, clusterId, geo);
    return Response.status(201).entity(Json.data(GeographyJson.miniGrid(geography.miniGridView(m.getId()))))
        .build();
  }

  @PUT
  @Path("{miniGridId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "Update a mini-grid; body {name?, cluster_id?, geo_json?}")
  public Map<String, Object> update(@PathParam("miniGridId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 1, 191);
    Long clusterId = b.integer("cluster_id", false);
    String geo = b.point("geo_json", false);
    b.validate();
    geography.updateMiniGrid(id, name, clusterId, geo);
    return Json.data(GeographyJson.miniGrid(geography.miniGridView(id)));
  }

  @DELETE
  @Path("{miniGridId: [0-9]+}")
  @RequiresPermission("settings")
  @Operation(summary = "Soft-delete a mini-grid without villages: {message: \"Mini-grid deleted.\"}; 422 otherwise")
  public Map<String, Object> delete(@PathParam("miniGridId") long id) {
    geography.deleteMiniGrid(id);
    return Json.message("Mini-grid deleted.");
  }

  @POST
  @Path("{miniGridId: [0-9]+}/transactions")
  @Operation(summary = "Settled payments for the mini-grid's meters: {data:[{amount: <number of payments>, revenue}]};"
      + " body {startDate (default 1 January), endDate (default end of this month)}, both days included")
  public Map<String, Object> transactions(@PathParam("miniGridId") long id, String body) {
    Sales sales = revenue.miniGridSales(id, RevenueQuery.thisYear(JsonBody.input(body, uri)));
    return Json.data(List.of(Json.obj("amount", sales.count(), "revenue", GeographyJson.num(sales.revenue()))));
  }

  @POST
  @Path("{miniGridId: [0-9]+}/energy")
  @Operation(summary = "kWh of the energy tokens of the mini-grid's meters, rounded to 3 decimals: {data: 12.5};"
      + " body {startDate, endDate} as for transactions")
  public Map<String, Object> energy(@PathParam("miniGridId") long id, String body) {
    return Json.data(GeographyJson.num(revenue.miniGridEnergy(id, RevenueQuery.thisYear(JsonBody.input(body, uri)))));
  }

  @GET
  @Path("{miniGridId: [0-9]+}/devices")
  @Operation(summary = "Devices whose owner's primary address is in a village of the mini-grid: {data:[{…device,"
      + " device: meter|solar home system|e-bike, geo, person: {…, is_active, addresses: [{…, city}],"
      + " latest_payment}}]}")
  public Map<String, Object> devices(@PathParam("miniGridId") long id) {
    return Json.data(revenue.miniGridDevices(id).stream().map(MiniGridDeviceJson::device).toList());
  }
}
