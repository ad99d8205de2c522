package org.mpm.rest;

import jakarta.enterprise.context.RequestScoped;
import org.mpm.agent.AgentView;
import org.mpm.auth.JwtClaims;
import org.mpm.common.UnauthorizedException;

/** The authenticated agent of this request and its token, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentAgent {

  private AgentView agent;
  private JwtClaims claims;

  void set(AgentView agent, JwtClaims claims) {
    this.agent = agent;
    this.claims = claims;
  }

  public AgentView agent() {
    if (agent == null) {
      throw new UnauthorizedException();
    }
    return agent;
  }

  public JwtClaims claims() {
    if (claims == null) {
      throw new UnauthorizedException();
    }
    return claims;
  }
}
