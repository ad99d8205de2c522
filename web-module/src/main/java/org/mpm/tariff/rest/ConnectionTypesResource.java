package org.mpm.tariff.rest;

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
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.tariff.ConnectionService;

/** Connection types (MPM's ConnectionTypeController); {@code settings} permission. */
@Path("connection-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "Connection types")
public class ConnectionTypesResource {

  @Inject ConnectionService connections;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Connection types; ?limit=n paginates, without it {data:[…]}")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "limit", connections::types, connections::typesPage,
        l -> l.stream().map(TariffJson::type).toList(), uri);
  }

  @GET
  @Path("{connectionTypeId}")
  @Operation(summary = "A connection type; ?meter_count=1 adds meter_parameters_count (its meters)")
  public Map<String, Object> show(@PathParam("connectionTypeId") long id) {
    String meterCount = JsonBody.query(uri).string("meter_count", false);
    Map<String, Object> m = TariffJson.type(connections.type(id));
    if (meterCount != null && !"0".equals(meterCount) && !"false".equals(meterCount)) {
      m.put("meter_parameters_count", connections.meterCount(id));
    }
    return Json.data(m);
  }

  @POST
  @Operation(summary = "Create a connection type {name}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 0, 191);
    b.validate();
    return Response.status(201).entity(Json.data(TariffJson.createdType(connections.createType(name)))).build();
  }

  @PUT
  @Path("{connectionTypeId}")
  @Operation(summary = "Rename a connection type {name?}")
  public Map<String, Object> update(@PathParam("connectionTypeId") long id, String body) {
    connections.type(id);
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 0, 191);
    b.validate();
    return Json.data(TariffJson.type(connections.updateType(id, name)));
  }
}
