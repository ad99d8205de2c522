package org.mpm.plugins.swifta.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.swifta.SwiftaAuthentication;
import org.mpm.plugins.swifta.SwiftaService;
import org.mpm.rest.Json;
import org.mpm.rest.RequiresPermission;

/** The company's Swifta token (permission {@code plugins}). */
@Path("swifta-payment/authentication")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class SwiftaAuthenticationResource {

  @Inject SwiftaService swifta;

  @GET
  @Operation(summary = "The Swifta token: {data:{id, token, expire_date, created_at, updated_at}}; created by the"
      + " first call, the only answer with the token in clear; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    SwiftaAuthentication a = swifta.authentication();
    return Json.data(Json.obj("id", a.id(), "token", a.token(), "expire_date", a.expireDate(),
        "created_at", Json.ts(a.createdAt()), "updated_at", Json.ts(a.updatedAt())));
  }
}
