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

/** Connection groups (MPM's ConnectionGroupController); {@code settings} permission. */
@Path("connection-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "Connection types")
public class ConnectionGroupsResource {

  @Inject ConnectionService connections;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Connection groups; ?per_page=n paginates, without it {data:[…]}")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", connections::groups, connections::groupsPage,
        l -> l.stream().map(TariffJson::group).toList(), uri);
  }

  @GET
  @Path("{connectionGroupId}")
  public Map<String, Object> show(@PathParam("connectionGroupId") long id) {
    return Json.data(TariffJson.group(connections.group(id)));
  }

  @POST
  @Operation(summary = "Create a connection group {name}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 0, 191);
    b.validate();
    return Response.status(201).entity(Json.data(TariffJson.createdGroup(connections.createGroup(name)))).build();
  }

  @PUT
  @Path("{connectionGroupId}")
  @Operation(summary = "Rename a connection group {name}")
  public Map<String, Object> update(@PathParam("connectionGroupId") long id, String body) {
    connections.group(id);
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 0, 191);
    b.validate();
    return Json.data(TariffJson.group(connections.updateGroup(id, name)));
  }
}
