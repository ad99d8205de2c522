package org.mpm.agent.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentCommission;
import org.mpm.agent.AgentService;
import org.mpm.agent.AgentViews;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/** Agents' commission plans (MPM's AgentCommissionWebController); {@code settings}. */
@Path("agents/commissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "Agents")
public class AgentCommissionsResource {

  @Inject AgentService agents;
  @Inject AgentViews views;
  @Context UriInfo uri;

  /** A plan as the request gives it. */
  private record Plan(String name, double energy, double appliance, double riskBalance) {}

  @GET
  @Operation(summary = "The commission plans {data:[{id, name, energy_commission, appliance_commission,"
      + " risk_balance, created_at, updated_at}]}; a raw paginator with ?per_page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page", views::commissions, views::commissions,
        l -> l.stream().map(AgentJson::commission).toList(), uri);
  }

  @POST
  @Operation(summary = "Create a plan {name, energy_commission (0..1), appliance_commission (0..1), risk_balance"
      + " (at least 0)}: 201 {data: plan}")
  public Response create(String body) {
    Plan p = plan(body);
    AgentCommission c = agents.createCommission(p.name(), p.energy(), p.appliance(), p.riskBalance());
    return Response.status(Response.Status.CREATED).entity(Json.data(AgentJson.commission(c)))
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @PUT
  @Path("{agentCommissionId: [0-9]+}")
  @Operation(summary = "Change a plan (the fields of create, all required): {data: plan}")
  public Map<String, Object> update(@PathParam("agentCommissionId") long id, String body) {
    Plan p = plan(body);
    return Json.data(AgentJson.commission(agents.updateCommission(id, p.name(), p.energy(), p.appliance(),
        p.riskBalance())));
  }

  @DELETE
  @Path("{agentCommissionId: [0-9]+}")
  @Operation(summary = "Delete a plan: {message}")
  public Map<String, Object> delete(@PathParam("agentCommissionId") long id) {
    agents.deleteCommission(id);
    return Json.message("Agent commission deleted successfully");
  }

  private static Plan plan(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, JsonBody.MAX_STRING);
    BigDecimal energy = b.number("energy_commission", true, BigDecimal.ZERO, BigDecimal.ONE);
    BigDecimal appliance = b.number("appliance_commission", true, BigDecimal.ZERO, BigDecimal.ONE);
    BigDecimal risk = b.number("risk_balance", true, BigDecimal.ZERO, JsonBody.MAX_NUMBER);
    b.validate();
    return new Plan(name, energy.doubleValue(), appliance.doubleValue(), risk.doubleValue());
  }
}
