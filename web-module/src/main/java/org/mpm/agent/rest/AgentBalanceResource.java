package org.mpm.agent.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentAuthService;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.CurrentAgent;

/** The agent's balance as a bare number (MPM's AgentBalanceController). */
@Path("app/agents/balance")
@Produces(MediaType.APPLICATION_JSON)
@AgentAuth
@Tag(name = "Agent app")
public class AgentBalanceResource {

  @Inject AgentAuthService agents;
  @Inject CurrentAgent current;

  @GET
  @Operation(summary = "The logged-in agent's balance as a bare number, e.g. 4500 or -120.5 (each payment the agent"
      + " takes lowers it by the full amount: a negative balance is cash the agent holds for the company)")
  public Response balance() {
    // Read afresh: the agent of the request may be remembered from a moment ago, its balance not. The bare number
    // is valid JSON, sent as the other bare answers (DELETE /api/tariffs/{id}) are.
    String number = number(agents.agent(current.agent().id()).balance());
    return Response.ok(number.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** A number as PHP prints a float: no trailing ".0", no exponent. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
