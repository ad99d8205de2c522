package org.mpm.plugin.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugin.Plugin;
import org.mpm.plugin.PluginService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.schema.ApiSchemas;

/** The company's plugin switches (permission {@code plugins}). */
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class PluginsResource {

  @Inject PluginService plugins;

  @GET
  @Operation(summary = "The company's plugin rows: {data:[{id, mpm_plugin_id, status, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(plugins.plugins().stream().map(PluginsResource::json).toList());
  }

  @PUT
  @Path("{mpmPluginId}")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.PluginToggle.class)))
  @Operation(summary = "Enable or disable a plugin; body {checked: bool}")
  public Map<String, Object> update(@PathParam("mpmPluginId") long mpmPluginId, String body) {
    JsonBody b = JsonBody.parse(body);
    Boolean checked = b.bool("checked", true);
    b.validate();
    return Json.data(json(plugins.update(mpmPluginId, checked)));
  }

  static Map<String, Object> json(Plugin p) {
    return Json.obj("id", p.getId(), "mpm_plugin_id", p.getMpmPluginId(), "status", p.isStatus() ? 1 : 0,
        "created_at", Json.ts(p.getCreatedAt()), "updated_at", Json.ts(p.getUpdatedAt()));
  }
}
