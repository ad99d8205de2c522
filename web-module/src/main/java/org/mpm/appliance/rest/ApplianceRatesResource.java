package org.mpm.appliance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.appliance.ApplianceSales;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.RequiresPermission;

/** The cost of one installment rate (MPM's ApplianceRateController); {@code appliances}. */
@Path("appliances/rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("appliances")
@Tag(name = "Appliances")
public class ApplianceRatesResource {

  @Inject ApplianceSales sales;
  @Inject CurrentUser current;

  @PUT
  @Path("{applianceRate: [0-9]+}")
  @Operation(summary = "Change the cost of a rate nothing was paid on {newCost (0 deletes it), admin_id?}; the sale's"
      + " total follows: {data: rate}")
  public Map<String, Object> update(@PathParam("applianceRate") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    Long cost = b.integer("newCost", true, 0, JsonFields.MAX_INT);
    b.integer("admin_id", false, 1, JsonFields.MAX_INT);
    b.validate();
    // The change is logged for the user who makes it (MPM logs the admin_id sent).
    return Json.data(ApplianceJson.rate(sales.updateRate(id, cost, current.principal().id())));
  }
}
