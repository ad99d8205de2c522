package org.mpm.geography.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.geography.GeographyService;
import org.mpm.rest.Json;

/** MPM's {@code GET /api/clusterlist}, the same list as {@code GET /api/clusters}. */
@Path("clusterlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Geography")
public class ClusterListResource {

  @Inject GeographyService geography;

  @GET
  @Operation(summary = "Same as GET /api/clusters")
  public Map<String, Object> list() {
    return Json.data(geography.clusterViews().stream().map(GeographyJson::cluster).toList());
  }
}
