package org.mpm.appliance.rest;

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
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/** Appliance types (MPM's ApplianceTypeController); {@code appliances}. */
@Path("appliances/types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("appliances")
@Tag(name = "Appliances")
public class ApplianceTypesResource {

  @Inject ApplianceCatalog catalog;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The appliance types {data:[{id, name, paygo_enabled, created_at, updated_at}]}; paginated"
      + " with ?per_page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", catalog::types, catalog::types,
        l -> l.stream().map(ApplianceJson::type).toList(), uri);
  }

  @POST
  @Operation(summary = "Create an appliance type {name (at least 3 characters)}: 201 {data: type}")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 3, 191);
    b.validate();
    return Response.status(Response.Status.CREATED).entity(Json.data(ApplianceJson.type(catalog.createType(name))))
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @PUT
  @Path("{applianceType: [0-9]+}")
  @Operation(summary = "Rename an appliance type {name? (at least 4 characters)}: {data: type}")
  public Map<String, Object> update(@PathParam("applianceType") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 4, 191);
    b.validate();
    return Json.data(ApplianceJson.type(catalog.updateType(id, name)));
  }

  @DELETE
  @Path("{applianceType: [0-9]+}")
  @Operation(summary = "Delete an appliance type no appliance uses: {data: {message}}")
  public Map<String, Object> delete(@PathParam("applianceType") long id) {
    catalog.deleteType(id);
    return Json.data(Json.message("Appliance type deleted successfully"));
  }
}
