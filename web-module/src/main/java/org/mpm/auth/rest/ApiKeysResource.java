package org.mpm.auth.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.auth.ApiKey;
import org.mpm.auth.ApiKeyService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.schema.ApiSchemas;
import org.mpm.tenancy.TenantContext;

/** The company's API keys (permission {@code settings.api-keys}). */
@Path("api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings.api-keys")
@Tag(name = "API keys")
public class ApiKeysResource {

  @Inject ApiKeyService keys;
  @Inject TenantContext tenant;

  @GET
  @Operation(summary = "List the company's API keys")
  public Map<String, Object> list() {
    return Json.data(keys.list(tenant.companyId()).stream().map(ApiKeysResource::json).toList());
  }

  @POST
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.ApiKeyCreate.class)))
  @APIResponse(responseCode = "201", description = "Created",
      content = @Content(schema = @Schema(implementation = ApiSchemas.ApiKeyCreated.class)))
  @Operation(summary = "Create an API key; body {name}; 201 {data:{id, token}} - the only time the token is shown")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 0, 191);
    b.validate();
    ApiKeyService.Created created = keys.create(tenant.companyId(), name);
    return Response.status(201)
        .entity(Json.data(Json.obj("id", created.key().getId(), "token", created.token()))).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke (delete) an API key")
  public Map<String, Object> revoke(@PathParam("id") long id) {
    keys.revoke(tenant.companyId(), id);
    return Json.message("revoked");
  }

  static Map<String, Object> json(ApiKey k) {
    return Json.obj("id", k.getId(), "company_id", k.getCompanyId(), "name", k.getName(),
        "token_hash", k.getTokenHash(), "last_used_at", Json.ts(k.getLastUsedAt()), "active", k.isActive(),
        "created_at", Json.ts(k.getCreatedAt()), "updated_at", Json.ts(k.getUpdatedAt()));
  }
}
