package org.mpm.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;
import org.mpm.agent.AgentAuthService;
import org.mpm.agent.AgentView;
import org.mpm.auth.ApiKeyService;
import org.mpm.auth.AuthService;
import org.mpm.auth.Guard;
import org.mpm.auth.JwtClaims;
import org.mpm.auth.Principal;
import org.mpm.auth.TokenService;
import org.mpm.common.ForbiddenException;
import org.mpm.common.UnauthorizedException;
import org.mpm.tenancy.TenantContext;
import org.mpm.tenancy.TenantMemo;
import org.mpm.tenancy.TenantRegistry;

/**
 * The one place a request's tenant is decided (MPM's tenant middleware plus its guards): a user JWT's
 * {@code companyId}, an agent JWT's on {@link AgentAuth} routes, or a company API key on {@link ApiKeyAuth}
 * routes; {@link Public} routes need neither.
 * Runs after route matching, so an unknown route is a 404 and a wrong method a 405 whatever the token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Inject TokenService tokens;
  @Inject AuthService auth;
  @Inject ApiKeyService apiKeys;
  @Inject TenantRegistry registry;
  @Inject TenantContext tenant;
  @Inject CurrentUser currentUser;
  @Inject AgentAuthService agents;
  @Inject CurrentAgent currentAgent;
  @Inject TenantMemo memo;

  /**
   * How long a user's roles and permissions are trusted without reading them again. Changes made through this
   * server apply at once; changes through another server or in the database within this time.
   */
  static final long PRINCIPAL_TTL_NANOS = 2_000_000_000L;

  @Override
  public void filter(ContainerRequestContext request) {
    if ("OPTIONS".equals(request.getMethod()) || resource.getResourceMethod() == null) {
      return;
    }
    RouteGuard guard = RouteGuard.of(resource.getResourceMethod(), resource.getResourceClass());
    if (guard.kind() == RouteGuard.Kind.PUBLIC) {
      return;
    }
    String token = Bearer.of(request);
    if (guard.kind() == RouteGuard.Kind.API_KEY) {
      OptionalLong company = apiKeys.authenticate(token);
      if (company.isEmpty()) {
        throw new UnauthorizedException();
      }
      bindTenant(company.getAsLong());
      return;
    }
    if (guard.kind() == RouteGuard.Kind.AGENT) {
      JwtClaims agentClaims = tokens.verify(token, Guard.AGENT);
      bindTenant(agentClaims.companyId());
      // The agent, remembered briefly as a user is: most agent requests skip that transaction.
      AgentView agent = memo.get(TenantMemo.AGENTS, tenant.databaseName(), Long.toString(agentClaims.subjectId()),
          PRINCIPAL_TTL_NANOS, () -> agents.agent(agentClaims.subjectId()));
      if (agent == null) {
        throw new UnauthorizedException();
      }
      currentAgent.set(agent, agentClaims);
      return;
    }
    JwtClaims claims = tokens.verify(token, Guard.USER);
    bindTenant(claims.companyId());
    // The user with its roles and permissions, remembered briefly: most requests skip that transaction.
    Principal principal = memo.get(TenantMemo.USERS, tenant.databaseName(), Long.toString(claims.subjectId()),
        PRINCIPAL_TTL_NANOS, () -> auth.principal(claims.subjectId()));
    if (principal == null) {
      throw new UnauthorizedException();
    }
    currentUser.set(principal, claims);
    if (guard.permission() != null && !principal.can(guard.permission())) {
      throw new ForbiddenException(ForbiddenException.NO_PERMISSION);
    }
  }

  private void bindTenant(long companyId) {
    String database = registry.databaseOf(companyId).orElseThrow(UnauthorizedException::new);
    tenant.set(companyId, database);
  }
}
