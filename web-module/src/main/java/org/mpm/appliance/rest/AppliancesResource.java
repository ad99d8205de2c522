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
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/**
 * The appliance catalogue (MPM's ApplianceController); {@code appliances}. Creating and changing answer with the
 * whole catalogue, as MPM does.
 */
@Path("appliances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("appliances")
@Tag(name = "Appliances")
public class AppliancesResource {

  @Inject ApplianceCatalog catalog;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The appliances with appliance_type {data:[…]}; paginated with ?per_page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", catalog::appliances, catalog::appliances, ApplianceJson::appliances,
        uri);
  }

  @POST
  @Operation(summary = "Add an appliance {appliance_type_id, name (at least 3 characters), price (at least 1)}:"
      + " {data:[appliances]}")
  public Map<String, Object> create(String body) {
    JsonBody b = JsonBody.parse(body);
    Long type = b.integer("appliance_type_id", true, 1, JsonFields.MAX_INT);
    String name = b.string("name", true, 3, 191);
    Long price = b.integer("price", true, 1, JsonFields.MAX_INT);
    b.validate();
    catalog.create(type, name, price);
    return all();
  }

  @PUT
  @Path("{appliance: [0-9]+}")
  @Operation(summary = "Change an appliance {appliance_type_id?, name? (at least 4 characters), price?}:"
      + " {data:[appliances]}")
  public Map<String, Object> update(@PathParam("appliance") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    Long type = b.integer("appliance_type_id", false, 1, JsonFields.MAX_INT);
    String name = b.string("name", false, 4, 191);
    Long price = b.integer("price", false, 0, JsonFields.MAX_INT);
    b.validate();
    catalog.update(id, type, name, price);
    return all();
  }

  @DELETE
  @Path("{appliance: [0-9]+}")
  @Operation(summary = "Delete an appliance nothing was sold of: {data: appliance}")
  public Map<String, Object> delete(@PathParam("appliance") long id) {
    return Json.data(ApplianceJson.appliance(catalog.delete(id)));
  }

  private Map<String, Object> all() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", catalog::appliances, catalog::appliances, ApplianceJson::appliances,
        uri);
  }
}
