package org.mpm.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Answers CORS preflight requests for any path before routing (the browser sends no token with them), and
 * refuses bodies over the size limit before they are read.
 */
@Provider
@PreMatching
public class PreflightFilter implements ContainerRequestFilter {

  /** Larger JSON bodies are refused with 413 before they are read. */
  static final long MAX_BODY_BYTES = JsonText.MAX_BODY_BYTES;

  /** Uploads (multipart/form-data): a 5 MB file with its form fields. */
  public static final long MAX_UPLOAD_BYTES = 6L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if ("OPTIONS".equals(request.getMethod()) && request.getHeaderString("Origin") != null
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      request.abortWith(Response.noContent().build());
      return;
    }
    String type = request.getHeaderString("Content-Type");
    boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    if (request.getLength() > (upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES)) {
      request.abortWith(Response.status(413).type("application/json")
          .entity(Json.message("The request body is too large.")).build());
    }
  }
}
