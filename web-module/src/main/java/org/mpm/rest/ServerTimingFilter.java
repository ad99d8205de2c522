package org.mpm.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Reports how long the API took for a request in the standard {@code Server-Timing} header
 * ({@code Server-Timing: app;dur=12.3}, milliseconds from routing to the answer), so clients and operators can
 * tell server time from network time.
 */
@Provider
@PreMatching
@Priority(1)
public class ServerTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = ServerTimingFilter.class.getName() + ".started";

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Long started) {
      long tenths = Math.round((System.nanoTime() - started) / 1e5); // tenths of a millisecond
      response.getHeaders().add("Server-Timing", "app;dur=" + tenths / 10 + "." + tenths % 10);
    }
  }
}
