package org.mpm.rest;

import jakarta.ejb.EJBException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.ForbiddenException;
import org.mpm.common.UnauthorizedException;
import org.mpm.common.ValidationException;

/**
 * Every error as MPM's JSON: 422 validation bodies, 401/403/404/405 messages, and a bare
 * {@code {"message":"Server Error"}} for anything unexpected, whose stack trace goes to the log only.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Context UriInfo uri;
  @Context Request request;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof ValidationException v) {
      return json(422, v.errors().isEmpty() ? Json.message(v.getMessage())
          : Json.obj("message", v.getMessage(), "errors", v.errors()));
    }
    if (e instanceof UnauthorizedException) {
      return json(401, Json.message(e.getMessage()));
    }
    if (e instanceof ForbiddenException) {
      return json(403, Json.message(e.getMessage()));
    }
    if (e instanceof org.mpm.common.NotFoundException) {
      return json(404, Json.message(e.getMessage()));
    }
    if (e instanceof BadRequestBody b) {
      return json(b.status(), Json.message(b.getMessage()));
    }
    if (e instanceof JsonParsingException) {
      return json(400, Json.message("The request body is not valid JSON."));
    }
    if (e instanceof NotFoundException) {
      return json(404, Json.message("Not found"));
    }
    if (e instanceof NotAllowedException na) {
      TreeSet<String> allowed = new TreeSet<>(na.getResponse().getAllowedMethods());
      allowed.remove("OPTIONS");
      if (allowed.contains("GET")) {
        allowed.add("HEAD");
      }
      String path = "api/" + uri.getPath().replaceFirst("^/", "");
      return json(405, Json.message("The " + request.getMethod() + " method is not supported for route " + path
          + ". Supported methods: " + String.join(", ", allowed) + "."));
    }
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      int status = w.getResponse().getStatus();
      String message = status == 415 ? "Unsupported media type: send application/json."
          : status == 406 ? "Not acceptable: this API answers application/json." : "Bad request.";
      return json(status, Json.message(message));
    }
    LOG.log(Level.SEVERE, "Unhandled error on " + request.getMethod() + " " + uri.getRequestUri(), thrown);
    return json(500, Json.message("Server Error"));
  }

  /** The domain exception inside an EJB or CDI wrapper, if there is one. */
  private static Throwable unwrap(Throwable thrown) {
    Throwable e = thrown;
    for (int i = 0; i < 10 && e != null; i++) {
      if (e instanceof ValidationException || e instanceof UnauthorizedException || e instanceof ForbiddenException
          || e instanceof org.mpm.common.NotFoundException || e instanceof WebApplicationException
          || e instanceof BadRequestBody || e instanceof JsonParsingException) {
        return e;
      }
      if (!(e instanceof EJBException) && e.getCause() == null) {
        break;
      }
      e = e instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException()
          : e.getCause();
    }
    return thrown;
  }

  private static Response json(int status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
