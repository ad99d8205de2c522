package org.mpm.rest;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.mpm.tenancy.AppServer;

/**
 * A path the server cannot decode is answered with MPM's JSON, 400 {@code {"message":"The request path is not
 * valid."}}, instead of the server's bare answer.
 *
 * <p>Payara decodes and normalizes the path in its HTTP engine (Grizzly's URI decoder, called by the servlet
 * container's connector) before it chooses an application, and refuses {@code %00}, {@code %5C} (a backslash),
 * invalid UTF-8 and a path that climbs above the root with an empty 400; a broken escape such as {@code %zz} even
 * gets an empty 200 and a stack trace in the log. No error page, servlet filter or JAX-RS provider sees those
 * requests. So, on Payara (Micro, and Server with the EAR), this listener adds a probe to the HTTP engine
 * ({@link GrizzlyPathProbe}) that sends such a request to {@link JsonErrorServlet} before the engine decodes it.
 * It also refuses a path whose percent-encoded slashes or dots add {@code .} or {@code ..} segments once decoded
 * ({@code /api/people/..%2F..%2Fx}): the server would resolve them and serve another path than the one asked.
 *
 * <p>On another server (WildFly) there is no such engine: the listener logs that it is off, and that server's own
 * handling of such paths applies.
 */
@WebListener
public class InvalidPathGuard implements ServletContextListener {

  /** Request attribute that marks a request sent to {@link JsonErrorServlet} for its path. */
  public static final String ATTRIBUTE = InvalidPathGuard.class.getName();

  private static final Logger LOG = Logger.getLogger(InvalidPathGuard.class.getName());

  private Runnable uninstall;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String contextPath = event.getServletContext().getContextPath();
    if (AppServer.current() != AppServer.PAYARA) {
      LOG.info("Paths the server cannot decode are answered by the server (" + AppServer.current() + ")");
      return;
    }
    try {
      uninstall = GrizzlyPathProbe.install(contextPath, contextPath + JsonErrorServlet.PATH);
    } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
      LOG.info("Paths the server cannot decode are answered by the server (no Payara HTTP engine to guard): " + e);
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (uninstall != null) {
      uninstall.run();
      uninstall = null;
    }
  }

  /**
   * Whether the server can decode a request path (the request target without its query) and it means what it says:
   * {@code /} first (or an absolute URL), complete {@code %} escapes of UTF-8 without NUL or backslash, no
   * segment above the root, and no {@code .} or {@code ..} segment made of escapes.
   */
  public static boolean valid(String target) {
    if (target.startsWith("/") && target.indexOf('%') < 0 && target.indexOf('\\') < 0 && !target.contains("/.")) {
      return true; // most requests
    }
    String path = target;
    int scheme = path.indexOf("://");
    if (!path.startsWith("/") && scheme > 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    if (!path.startsWith("/")) {
      return "*".equals(path);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    boolean escapedSlashOrDot = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
            || Character.digit(path.charAt(i + 2), 16) < 0) {
          return false;
        }
        int b = Integer.parseInt(path.substring(i + 1, i + 3), 16);
        escapedSlashOrDot |= b == '/' || b == '.';
        bytes.write(b);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    byte[] raw = bytes.toByteArray();
    for (byte b : raw) {
      if (b == 0 || b == '\\') {
        return false;
      }
    }
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    int depth = 0;
    boolean dotSegment = false;
    for (String segment : decoded.split("/")) {
      if (".".equals(segment)) {
        dotSegment = true;
      } else if ("..".equals(segment)) {
        dotSegment = true;
        if (--depth < 0) {
          return false;
        }
      } else if (!segment.isEmpty()) {
        depth++;
      }
    }
    return !(dotSegment && escapedSlashOrDot);
  }
}
