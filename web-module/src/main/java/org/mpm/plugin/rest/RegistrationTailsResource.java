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
import org.mpm.plugin.PluginService;
import org.mpm.plugin.RegistrationTail;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.schema.ApiSchemas;

/** The onboarding checklist of the web console. */
@Path("registration-tails")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Plugins")
public class RegistrationTailsResource {

  @Inject PluginService plugins;
  @Inject CurrentUser current;

  @GET
  @Operation(summary = "Onboarding steps: {data:[{id, component, adjusted, updated_by, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(plugins.registrationTails().stream().map(RegistrationTailsResource::json).toList());
  }

  @PUT
  @Path("{id}")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.TailAdjust.class)))
  @Operation(summary = "Mark a step adjusted; body {adjusted: bool} (default true)")
  public Map<String, Object> update(@PathParam("id") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    Boolean adjusted = b.bool("adjusted", false);
    b.validate();
    return Json.data(json(plugins.adjust(id, adjusted == null || adjusted, current.principal().id())));
  }

  static Map<String, Object> json(RegistrationTail t) {
    return Json.obj("id", t.getId(), "component", t.getComponent(), "adjusted", t.isAdjusted(),
        "updated_by", t.getUpdatedBy(), "created_at", Json.ts(t.getCreatedAt()),
        "updated_at", Json.ts(t.getUpdatedAt()));
  }
}
