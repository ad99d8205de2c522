package org.mpm.rest;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.resource.ResourceException;
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
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mpm.common.ApiException;

/**
 * The one way an error leaves the API, as MPM's JSON: an {@link ApiException} with its status and body (422
 * validation, 401, 403, 404, a refused payment …), the JAX-RS routing errors (404 {@code {"message":"Not found"}},
 * 405 with Laravel's message, 415, 406), 503 {@code {"message":"Service Unavailable"}} when the database cannot be
 * reached, and a bare {@code {"message":"Server Error"}} for anything else, whose stack trace goes to the log only.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Context UriInfo uri;
  @Context Request request;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof ApiException a) {
      return json(a.status(), a.body());
    }
    if (e instanceof NotFoundException) {
      return json(404, Json.message("Not found"));
    }
    if (e instanceof NotAllowedException na) {
      return json(405, Json.message(notAllowed(na)));
    }
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      int status = w.getResponse().getStatus();
      String message = status == 415 ? "Unsupported media type: send application/json."
          : status == 406 ? "Not acceptable: this API answers application/json." : "Bad request.";
      return json(status, Json.message(message));
    }
    if (e instanceof JsonException) {
      // a JSON entity read by a provider rather than by the request reader
      return json(400, Json.message("The request body is not valid JSON."));
    }
    if (databaseUnreachable(thrown)) {
      LOG.log(Level.WARNING, "Database unreachable on " + describe() + ": " + thrown);
      return json(503, Json.message("Service Unavailable"));
    }
    LOG.log(Level.SEVERE, "Unhandled error on " + describe(), thrown);
    return json(500, Json.message("Server Error"));
  }

  /** The exception inside the EJB container's wrappers (a system exception of a bean is wrapped, maybe twice). */
  static Throwable unwrap(Throwable thrown) {
    Throwable e = thrown;
    for (int i = 0; i < 10 && e instanceof EJBException ejb; i++) {
      Throwable inner = ejb.getCausedByException() != null ? ejb.getCausedByException() : ejb.getCause();
      if (inner == null) {
        break;
      }
      e = inner;
    }
    return e;
  }

  /**
   * Whether the failure is the database's absence rather than a fault: a connection that could not be made or was
   * lost (SQL state class 08), or a pool that could not allocate one.
   */
  static boolean databaseUnreachable(Throwable thrown) {
    Throwable t = thrown;
    for (int i = 0; i < 20 && t != null; i++) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof ResourceException
          || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
        return true;
      }
      Throwable next = t instanceof EJBException ejb && ejb.getCausedByException() != null
          ? ejb.getCausedByException() : t.getCause();
      if (next == t) {
        break;
      }
      t = next;
    }
    return false;
  }

  /** Laravel's 405 message, naming the methods the route takes. */
  private String notAllowed(NotAllowedException na) {
    TreeSet<String> allowed = new TreeSet<>(na.getResponse().getAllowedMethods());
    allowed.remove("OPTIONS");
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    String path = "api/" + (uri == null ? "" : uri.getPath().replaceFirst("^/", ""));
    return "The " + (request == null ? "" : request.getMethod()) + " method is not supported for route " + path
        + ". Supported methods: " + String.join(", ", allowed) + ".";
  }

  private String describe() {
    return request == null || uri == null ? "a request" : request.getMethod() + " " + uri.getRequestUri();
  }

  private static Response json(int status, Map<String, Object> body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
