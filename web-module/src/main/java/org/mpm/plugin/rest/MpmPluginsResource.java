package org.mpm.plugin.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.company.CompanyService;
import org.mpm.plugin.MpmPlugin;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;

/** The plugin catalogue (public, as in MPM). */
@Path("mpm-plugins")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "Plugins")
public class MpmPluginsResource {

  @Inject CompanyService companies;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List the plugin catalogue (?limit=n)")
  public Map<String, Object> list() {
    Integer n = JsonBody.query(uri).pageSize("limit");
    return Json.data(companies.plugins(n).stream().map(MpmPluginsResource::json).toList());
  }

  static Map<String, Object> json(MpmPlugin p) {
    return Json.obj("id", p.getId(), "usage_type", p.getUsageType(), "name", p.getName(),
        "description", p.getDescription(), "created_at", Json.ts(p.getCreatedAt()),
        "updated_at", Json.ts(p.getUpdatedAt()), "installation_command", p.getInstallationCommand(),
        "root_class", p.getRootClass());
  }
}
