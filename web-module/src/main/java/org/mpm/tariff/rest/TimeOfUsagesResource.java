package org.mpm.tariff.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.tariff.TariffService;

/** Time-of-use slots of tariffs (MPM's TimeOfUsageController). */
@Path("time-of-usages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tariffs")
public class TimeOfUsagesResource {

  @Inject TariffService tariffs;

  @DELETE
  @Path("{timeOfUsageId}")
  @Operation(summary = "Delete a time-of-use slot; answers the bare number 1")
  public Response delete(@PathParam("timeOfUsageId") long id) {
    tariffs.deleteTimeOfUsage(id);
    return Response.ok("1".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
