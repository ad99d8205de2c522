package org.mpm.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/** Where a request carries its token: {@code Authorization: Bearer …}, or MPM's {@code ?token=} fallback. */
public final class Bearer {

  private Bearer() {}

  public static String of(ContainerRequestContext request) {
    return of(request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getUriInfo());
  }

  public static String of(HttpHeaders headers, UriInfo uri) {
    return of(headers.getHeaderString(HttpHeaders.AUTHORIZATION), uri);
  }

  private static String of(String header, UriInfo uri) {
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return uri.getQueryParameters().getFirst("token");
  }
}
