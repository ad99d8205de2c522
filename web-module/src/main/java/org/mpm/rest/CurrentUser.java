package org.mpm.rest;

import jakarta.enterprise.context.RequestScoped;
import org.mpm.auth.JwtClaims;
import org.mpm.auth.Principal;
import org.mpm.common.UnauthorizedException;

/** The authenticated user of this request and the token it came with, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentUser {

  private Principal principal;
  private JwtClaims claims;

  void set(Principal principal, JwtClaims claims) {
    this.principal = principal;
    this.claims = claims;
  }

  public Principal principal() {
    if (principal == null) {
      throw new UnauthorizedException();
    }
    return principal;
  }

  public JwtClaims claims() {
    if (claims == null) {
      throw new UnauthorizedException();
    }
    return claims;
  }
}
