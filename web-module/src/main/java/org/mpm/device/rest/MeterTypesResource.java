package org.mpm.device.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.mpm.device.MeterQueries;
import org.mpm.device.MeterTypeService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;

/** Meter types (MPM's MeterTypeController and MeterTypeMeterController). */
@Path("meter-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Meters")
public class MeterTypesResource {

  @Inject MeterTypeService types;
  @Inject MeterQueries meters;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Meter types: all as {data: […]}, or a raw paginator with ?limit")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "limit", types::all, types::page,
        l -> l.stream().map(MeterJson::meterType).toList(), uri);
  }

  @GET
  @Path("{meterTypeId: [0-9]+}")
  @Operation(summary = "A meter type")
  public Map<String, Object> show(@PathParam("meterTypeId") long id) {
    return Json.data(MeterJson.meterType(types.find(id)));
  }

  @POST
  @Operation(summary = "Create a meter type: {online, phase (min 1), max_current (min 1)}; 201")
  public Response create(String body) {
    Form f = form(body);
    return Response.status(201).entity(Json.data(MeterJson.meterType(types.create(f.online, f.phase,
        f.maxCurrent)))).build();
  }

  @PUT
  @Path("{meterTypeId: [0-9]+}")
  @Operation(summary = "Update a meter type: {online, phase (min 1), max_current (min 1)}")
  public Map<String, Object> update(@PathParam("meterTypeId") long id, String body) {
    types.find(id);
    Form f = form(body);
    return Json.data(MeterJson.meterType(types.update(id, f.online, f.phase, f.maxCurrent)));
  }

  @GET
  @Path("{meterTypeId: [0-9]+}/list")
  @Operation(summary = "A meter type with its meters")
  public Map<String, Object> withMeters(@PathParam("meterTypeId") long id) {
    return Json.data(MeterJson.meterTypeWithMeters(types.find(id), meters.ofType(id)));
  }

  private record Form(boolean online, int phase, int maxCurrent) {}

  /** MeterTypeCreateRequest / MeterTypeUpdateRequest. */
  private static Form form(String body) {
    JsonBody b = JsonBody.parse(body);
    Long maxCurrent = b.integer("max_current", true, 1, JsonBody.MAX_INT);
    Long phase = b.integer("phase", true, 1, JsonBody.MAX_INT);
    Boolean online = b.bool("online", true);
    b.validate();
    return new Form(online, phase.intValue(), maxCurrent.intValue());
  }
}
