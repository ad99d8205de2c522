package org.mpm.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS as MPM configures it: any origin, method and header, {@code Content-Disposition} exposed, no
 * credentials. MPM's web console runs on another origin and calls this API from the browser.
 */
@Provider
@Priority(100)
public class CorsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString("Origin");
    if (origin == null) {
      return;
    }
    MultivaluedMap<String, Object> h = response.getHeaders();
    h.putSingle("Access-Control-Allow-Origin", "*");
    h.putSingle("Access-Control-Expose-Headers", "Content-Disposition, Server-Timing");
    if ("OPTIONS".equals(request.getMethod())) {
      String method = request.getHeaderString("Access-Control-Request-Method");
      String headers = request.getHeaderString("Access-Control-Request-Headers");
      h.putSingle("Access-Control-Allow-Methods", method == null ? "GET, POST, PUT, PATCH, DELETE, OPTIONS" : method);
      if (headers != null) {
        h.putSingle("Access-Control-Allow-Headers", headers);
      }
      h.putSingle("Access-Control-Max-Age", "0");
      if (response.getStatus() == 200 && response.getEntity() != null) {
        response.setEntity(null);
      }
      response.setStatus(204);
    }
  }
}
