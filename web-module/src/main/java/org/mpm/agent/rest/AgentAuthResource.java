package org.mpm.agent.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentAppAccount;
import org.mpm.agent.AgentAuthService;
import org.mpm.agent.AgentLoginFailedException;
import org.mpm.agent.AgentView;
import org.mpm.auth.Guard;
import org.mpm.auth.IssuedToken;
import org.mpm.auth.TokenService;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.Bearer;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.settings.MainSettingsService;
import org.mpm.settings.MainSettingsService.AppSettings;

/** Agent-app login, refresh, logout and "me" (MPM's AgentAuthController). */
@Path("app")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Agent app")
public class AgentAuthResource {

  @Inject AgentAuthService auth;
  @Inject AgentAppAccount account;
  @Inject TokenService tokens;
  @Inject CurrentAgent current;
  @Inject MainSettingsService settings;
  @Context UriInfo uri;

  @POST
  @Path("login")
  @Public
  @Operation(summary = "Agent login with e-mail and password",
      description = "Body {email, password}, optional header device-id (stored as the agent's mobile device id)."
          + " 200 {access_token, token_type, expires_in: 31536000, agent, roles, permissions, settings: {currency,"
          + " country, language, company_name} or null};"
          + " 401 {data: {message: Unauthorized, status: 401}}.")
  public Response login(String body, @HeaderParam("device-id") String deviceId) {
    JsonBody b = JsonBody.parse(body);
    String email = b.string("email", false);
    String password = b.string("password", false);
    if (!b.valid()) {
      throw new AgentLoginFailedException();
    }
    AgentAuthService.Session s = auth.login(email, password, deviceId, issuer());
    return Response.ok(session(s.token(), s.agent())).build();
  }

  @POST
  @Path("reset-password")
  @Public
  @Operation(summary = "Reset an agent's password: body {email}. A new password is mailed to the agent, never"
      + " answered. 200 {data: {message, status_code: 200}}; unknown e-mail 422 {data: {message: Invalid email.,"
      + " status_code: 400}}")
  public Response resetPassword(String body) {
    JsonBody b = JsonBody.parse(body);
    String email = b.string("email", false, 0, 191);
    if (!b.valid() || !account.resetPassword(email)) {
      return Response.status(422).entity(Json.data(Json.obj("message", "Invalid email.", "status_code", 400)))
          .build();
    }
    return Response.ok(Json.data(Json.obj("message", "A new password has been sent to your e-mail address.",
        "status_code", 200))).build();
  }

  @POST
  @Path("refresh")
  @AgentAuth
  @Operation(summary = "Exchange a valid agent token for a new one (default lifetime)")
  public Map<String, Object> refresh(@Context HttpHeaders headers) {
    IssuedToken fresh = tokens.refresh(Bearer.of(headers, uri), Guard.AGENT, issuer());
    return session(fresh, auth.agent(current.agent().id()));
  }

  @POST
  @Path("logout")
  @AgentAuth
  @Operation(summary = "Log the agent out: the token is refused from now on")
  public Map<String, Object> logout() {
    tokens.revoke(current.claims());
    return Json.message("Successfully logged out");
  }

  @GET
  @Path("me")
  @AgentAuth
  @Operation(summary = "The logged-in agent with role and permission names and the company's settings")
  public Map<String, Object> me() {
    // Read afresh: the agent of the request may be remembered from a moment ago, its balance not.
    return Json.obj("agent", agent(auth.agent(current.agent().id())), "roles", List.of(), "permissions", List.of(),
        "settings", settings());
  }

  private Map<String, Object> session(IssuedToken token, AgentView a) {
    return Json.obj(
        "access_token", token.token(),
        "token_type", "bearer",
        "expires_in", token.expiresIn(),
        "agent", agent(a),
        "roles", List.of(),
        "permissions", List.of(),
        "settings", settings());
  }

  /** The company's currency, country, language and name (MPM's AgentAuthController::mainSettings), or null. */
  private Map<String, Object> settings() {
    AppSettings s = settings.forAgentApp();
    return s == null ? null : Json.obj("currency", s.currency(), "country", s.country(), "language", s.language(),
        "company_name", s.companyName());
  }

  /** An agent row as MPM's model serialises it. */
  public static Map<String, Object> agent(AgentView a) {
    return Json.obj("id", a.id(), "person_id", a.personId(), "mini_grid_id", a.miniGridId(),
        "agent_commission_id", a.agentCommissionId(), "email", a.email(), "fire_base_token", a.fireBaseToken(),
        "balance", a.balance(), "commission_revenue", a.commissionRevenue(),
        "created_at", Json.ts(a.createdAt()), "updated_at", Json.ts(a.updatedAt()),
        "connection", a.connection());
  }

  private String issuer() {
    return uri.getAbsolutePath().toString();
  }
}
