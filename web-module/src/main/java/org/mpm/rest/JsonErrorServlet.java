package org.mpm.rest;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;

/**
 * MPM's JSON for every error the servlet container answers itself, outside the JAX-RS application: an unknown path
 * outside {@code /api} (404 {@code {"message":"Not found"}}), a static file asked with the wrong method, an error
 * of the container. It is the application's error page ({@code WEB-INF/web.xml}), and the answer to a path the
 * server cannot decode ({@link InvalidPathGuard}: 400). Asked for directly, it is a path like any unknown one.
 */
@WebServlet(JsonErrorServlet.PATH)
public class JsonErrorServlet extends HttpServlet {

  /** Where the container sends its errors (the error page of {@code WEB-INF/web.xml}). */
  public static final String PATH = "/error";

  static final String NOT_FOUND = "Not found";
  /** The servlet of the container that serves the WAR's files (Payara's and WildFly's name for it). */
  static final String STATIC_FILES = "default";
  static final String INVALID_PATH = "The request path is not valid.";

  private static final long serialVersionUID = 1L;
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    int status;
    String message;
    if (req.getAttribute(InvalidPathGuard.ATTRIBUTE) != null) {
      status = 400;
      message = INVALID_PATH;
    } else if (req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400) {
      String uri = (String) req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      status = code;
      if (STATIC_FILES.equals(req.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME))
          && (code == 403 || code == 405 || code == 501)) {
        // The container's file servlet refuses PUT and DELETE (403) and methods it does not know (501): for a path
        // with no file behind it that is an unknown route, as in MPM; for a file, a method it does not support.
        status = isFile(uri, req.getContextPath()) ? 405 : 404;
      }
      message = message(status, req.getMethod(), uri, req.getContextPath());
    } else {
      status = 404;
      message = NOT_FOUND;
    }
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    byte[] body = JSON.createObjectBuilder().add("message", message).build().toString()
        .getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      resp.getOutputStream().write(body);
    }
  }

  /** MPM's message for a status: Laravel's words where it has them, the reason phrase otherwise. */
  static String message(int status, String method, String uri, String contextPath) {
    if (status == 404) {
      return NOT_FOUND;
    }
    if (status == 405 && uri != null) {
      String route = route(uri, contextPath).replaceFirst("^/", "");
      return "The " + method + " method is not supported for route " + (route.isEmpty() ? "/" : route) + ".";
    }
    if (status >= 500) {
      return "Server Error";
    }
    Status known = Status.fromStatusCode(status);
    return known == null ? "Bad request." : known.getReasonPhrase() + ".";
  }

  private boolean isFile(String uri, String contextPath) {
    try {
      return uri != null && getServletContext().getResource(route(uri, contextPath)) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }

  /** The path of a request URI within the application. */
  private static String route(String uri, String contextPath) {
    String path = uri.substring(Math.min(contextPath.length(), uri.length()));
    return path.isEmpty() ? "/" : path;
  }
}
