package org.mpm.user.rest;

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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.customer.rest.PersonJson;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.schema.ApiSchemas;
import org.mpm.user.UserService;
import org.mpm.user.UserView;

/** Web-console users of the company (MPM's UserController). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Users")
public class UsersResource {

  @Inject UserService users;
  @Inject CurrentUser current;
  @Context UriInfo uri;

  @GET
  @RequiresPermission("users")
  @Operation(summary = "List users (?page, ?per_page): {data:[{id, name, email, roles, address_details}], links, meta}"
      + " (address_details [] for a user without an address)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    Page<UserView> p = users.page(q.page(), q.size("per_page", 15));
    List<Map<String, Object>> data = p.items().stream().map(u -> Json.obj("id", u.id(), "name", u.name(),
        "email", u.email(), "roles", u.roles(), "address_details",
        u.address() == null ? List.of() : PersonJson.address(u.address()))).toList();
    return Paginator.collection(p, data, uri);
  }

  @POST
  @RequiresPermission("users")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.UserCreate.class)))
  @APIResponse(responseCode = "200", description = "Created",
      content = @Content(schema = @Schema(implementation = ApiSchemas.UserData.class)))
  @APIResponse(responseCode = "422", description = "Invalid",
      content = @Content(schema = @Schema(implementation = ApiSchemas.ValidationError.class)))
  @Operation(summary = "Create a user; body {name, email, password (min 6), roles?: [names]} (default role: user)")
  public Map<String, Object> create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, 191);
    String email = b.email("email", true);
    String password = b.string("password", true, 6, 191);
    List<String> roles = b.strings("roles", false);
    b.validate();
    return Json.data(json(users.create(current.principal(), name, email, password, roles)));
  }

  @GET
  @Path("{user}")
  @APIResponse(responseCode = "200", description = "The user",
      content = @Content(schema = @Schema(implementation = ApiSchemas.UserData.class)))
  @APIResponse(responseCode = "404", description = "No such user in this company",
      content = @Content(schema = @Schema(implementation = ApiSchemas.Message.class)))
  @Operation(summary = "Show a user with address_details (its address with the city, or null); yourself, or anyone"
      + " with the users permission")
  public Map<String, Object> show(@PathParam("user") long id) {
    UserView u = users.show(current.principal(), id);
    Map<String, Object> user = json(u);
    user.put("address_details", u.address() == null ? null : PersonJson.address(u.address()));
    return Json.data(user);
  }

  @PUT
  @Path("{user}")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.UserUpdate.class)))
  @APIResponse(responseCode = "200", description = "Updated",
      content = @Content(schema = @Schema(implementation = ApiSchemas.UserData.class)))
  @Operation(summary = "Update name, password and roles of a user; body {name?, password?, roles?}")
  public Map<String, Object> update(@PathParam("user") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 1, 191);
    String password = b.string("password", false, 6, 191);
    List<String> roles = b.strings("roles", false);
    b.validate();
    return Json.data(json(users.update(current.principal(), id, name, password, roles)));
  }

  @DELETE
  @Path("{user}")
  @Operation(summary = "Delete a user (never yourself)")
  public Map<String, Object> delete(@PathParam("user") long id) {
    users.delete(current.principal(), id);
    return Json.data(Json.message("User deleted"));
  }

  static Map<String, Object> json(UserView u) {
    return Json.obj("id", u.id(), "name", u.name(), "email", u.email(), "company_id", u.companyId(),
        "created_at", Json.ts(u.createdAt()), "updated_at", Json.ts(u.updatedAt()), "roles", u.roles());
  }
}
