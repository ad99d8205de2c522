package org.mpm.auth.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.auth.AuthService;
import org.mpm.auth.Guard;
import org.mpm.auth.IssuedToken;
import org.mpm.auth.JwtClaims;
import org.mpm.auth.Principal;
import org.mpm.auth.TokenService;
import org.mpm.common.UnauthorizedException;
import org.mpm.rest.Bearer;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.rest.schema.ApiSchemas;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantRegistry;

/** Web-user login, refresh, logout and "me" (MPM's AuthController). */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Auth")
public class AuthResource {

  @Inject AuthService auth;
  @Inject TokenService tokens;
  @Inject CurrentUser current;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Context UriInfo uri;

  @POST
  @Path("login")
  @Public
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiSchemas.LoginRequest.class)))
  @APIResponse(responseCode = "200", description = "Logged in",
      content = @Content(schema = @Schema(implementation = ApiSchemas.LoginResponse.class)))
  @APIResponse(responseCode = "401", description = "Unknown e-mail or wrong password",
      content = @Content(schema = @Schema(implementation = ApiSchemas.Message.class)))
  @Operation(summary = "Log in with e-mail and password",
      description = "Body {email, password}. 200 {access_token, token_type, expires_in, user, roles, permissions};"
          + " 401 for an unknown e-mail or a wrong password.")
  public Map<String, Object> login(String body) {
    JsonBody b = JsonBody.parse(body);
    String email = b.string("email", false);
    String password = b.string("password", false);
    if (!b.valid()) {
      throw new UnauthorizedException();
    }
    AuthService.Session s = auth.login(email, password, issuer());
    return session(s.token(), s.principal());
  }

  @POST
  @Path("refresh")
  @Public
  @APIResponse(responseCode = "200", description = "A new token",
      content = @Content(schema = @Schema(implementation = ApiSchemas.LoginResponse.class)))
  @APIResponse(responseCode = "401", description = "Token invalid or too old to refresh",
      content = @Content(schema = @Schema(implementation = ApiSchemas.Message.class)))
  @Operation(summary = "Exchange a token, possibly expired within the 14-day refresh window, for a new one")
  public Map<String, Object> refresh(@Context HttpHeaders headers) {
    String old = Bearer.of(headers, uri);
    IssuedToken fresh = tokens.refresh(old, Guard.USER, issuer());
    JwtClaims claims = tokens.verify(fresh.token(), Guard.USER);
    tenant.set(claims.companyId(),
        registry.databaseOf(claims.companyId()).orElseThrow(UnauthorizedException::new));
    Principal principal = auth.principal(claims.subjectId());
    if (principal == null) {
      throw new UnauthorizedException();
    }
    return session(fresh, principal);
  }

  @POST
  @Path("logout")
  @APIResponse(responseCode = "200", description = "Successfully logged out",
      content = @Content(schema = @Schema(implementation = ApiSchemas.Message.class)))
  @Operation(summary = "Log out: the token is refused from now on, on every node")
  public Map<String, Object> logout() {
    tokens.revoke(current.claims());
    return Json.message("Successfully logged out");
  }

  @GET
  @Path("me")
  @APIResponse(responseCode = "200", description = "The user of the token",
      content = @Content(schema = @Schema(implementation = ApiSchemas.MeResponse.class)))
  @Operation(summary = "The logged-in user with role and permission names")
  public Map<String, Object> me() {
    Principal p = current.principal();
    return Json.obj("user", user(p), "roles", p.roles(), "permissions", p.permissions());
  }

  private Map<String, Object> session(IssuedToken token, Principal p) {
    return Json.obj(
        "access_token", token.token(),
        "token_type", "bearer",
        "expires_in", token.expiresIn(),
        "user", user(p),
        "roles", p.roles(),
        "permissions", p.permissions());
  }

  static Map<String, Object> user(Principal p) {
    return Json.obj("id", p.id(), "name", p.name(), "email", p.email(), "company_id", p.companyId(),
        "created_at", Json.ts(p.createdAt()), "updated_at", Json.ts(p.updatedAt()));
  }

  private String issuer() {
    return uri.getAbsolutePath().toString();
  }
}
