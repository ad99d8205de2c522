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
import org.mpm.tariff.ConnectionService;

/** Sub-connection types (MPM's SubConnectionTypeController); any logged-in user. */
@Path("sub-connection-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Connection types")
public class SubConnectionTypesResource {

  @Inject ConnectionService connections;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "All sub-connection types; ?limit=n paginates")
  public Map<String, Object> list() {
    return list(null);
  }

  @GET
  @Path("{connectionTypeId}")
  @Operation(summary = "The sub-connection types of a connection type; ?limit=n paginates")
  public Map<String, Object> ofType(@PathParam("connectionTypeId") long typeId) {
    return list(typeId);
  }

  private Map<String, Object> list(Long typeId) {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "limit",
        () -> connections.subTypes(typeId), (page, size) -> connections.subTypesPage(typeId, page, size),
        l -> l.stream().map(TariffJson::subType).toList(), uri);
  }

  @POST
  @Operation(summary = "Create a sub-connection type {name (min 3), connection_type_id, tariff_id}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 3, 191);
    Long typeId = b.integer("connection_type_id", true);
    Long tariffId = b.integer("tariff_id", true);
    b.validate();
    return Response.status(201).entity(Json.data(TariffJson.createdSubType(
        connections.createSubType(name, typeId, tariffId)))).build();
  }

  @PUT
  @Path("{subConnectionTypeId}")
  @Operation(summary = "Change a sub-connection type {name?, tariff_id?}")
  public Map<String, Object> update(@PathParam("subConnectionTypeId") long id, String body) {
    connections.subType(id);
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 3, 191);
    Long tariffId = b.integer("tariff_id", false);
    b.validate();
    return Json.data(TariffJson.subType(connections.updateSubType(id, name, tariffId)));
  }
}
