package org.mpm.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

/**
 * The part of {@link InvalidPathGuard} that knows Payara's HTTP engine (Grizzly): a probe that sees each request
 * as it is received, before the engine decodes its path, and sends a request whose path cannot be decoded to the
 * JSON error servlet. Only {@link InvalidPathGuard} refers to this class, so that on a server without Grizzly the
 * missing classes fail one call there and nothing else.
 *
 * <p>Grizzly's probes are its public monitoring interface; the way to the listeners' HTTP filters is not public:
 * Payara's service locator, its {@code GrizzlyService} and the network listeners of its configuration, reached by
 * name (the classes are Payara's internals, not compiled against).
 */
final class GrizzlyPathProbe extends HttpServerProbe.Adapter {

  /** Payara's listener of its administration console (Payara Server), which does not serve this application. */
  private static final String ADMIN_LISTENER = "admin-listener";
  private static final Logger LOG = Logger.getLogger(GrizzlyPathProbe.class.getName());

  private final String contextPath;
  private final String errorPath;

  private GrizzlyPathProbe(String contextPath, String errorPath) {
    this.contextPath = contextPath;
    this.errorPath = errorPath;
  }

  /**
   * Adds the probe to the HTTP listeners of the server.
   *
   * @return what removes it again (when the application stops)
   * @throws IllegalStateException when there is no listener to guard
   */
  static Runnable install(String contextPath, String errorPath) throws ReflectiveOperationException {
    List<HttpServerFilter> filters = httpFilters();
    if (filters.isEmpty()) {
      throw new IllegalStateException("no HTTP listener found");
    }
    GrizzlyPathProbe probe = new GrizzlyPathProbe(contextPath, errorPath);
    filters.forEach(f -> f.getMonitoringConfig().addProbes(probe));
    LOG.fine(() -> "Guarding the paths of " + filters.size() + " HTTP listener(s)");
    return () -> filters.forEach(f -> f.getMonitoringConfig().removeProbes(probe));
  }

  @Override
  public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
    HttpRequestPacket packet = request.getRequest();
    String target = packet.getRequestURI();
    if (target != null && target.startsWith(contextPath) && !InvalidPathGuard.valid(target)) {
      request.setAttribute(InvalidPathGuard.ATTRIBUTE, Boolean.TRUE);
      packet.setRequestURI(errorPath);
    }
  }

  /** The HTTP filters of Payara's network listeners, but the administration's. */
  private static List<HttpServerFilter> httpFilters() throws ReflectiveOperationException {
    Class<?> globals = load("org.glassfish.internal.api.Globals");
    Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
    List<?> services = services(locator, "com.sun.enterprise.v3.services.impl.GrizzlyService");
    if (services.isEmpty()) {
      return List.of();
    }
    Object grizzly = services.get(0);
    List<HttpServerFilter> filters = new ArrayList<>();
    for (Object listener : services(locator, "org.glassfish.grizzly.config.dom.NetworkListener")) {
      if (ADMIN_LISTENER.equals(call(listener, "getName"))) {
        continue;
      }
      Object proxy = call(grizzly, "lookupNetworkProxy", listener);
      Object engine = proxy == null ? null : call(proxy, "getUnderlyingListener");
      if (engine != null && call(engine, "getFilters", HttpServerFilter.class) instanceof List<?> found) {
        found.stream().filter(HttpServerFilter.class::isInstance).map(HttpServerFilter.class::cast)
            .forEach(filters::add);
      }
    }
    return filters;
  }

  /** The services of the locator that advertise a contract (a class name), through HK2's own classes. */
  private static List<?> services(Object locator, String contract) throws ReflectiveOperationException {
    ClassLoader hk2 = locator.getClass().getClassLoader();
    Class<?> filterType = Class.forName("org.glassfish.hk2.api.Filter", true, hk2);
    Object filter = Class.forName("org.glassfish.hk2.utilities.BuilderHelper", true, hk2)
        .getMethod("createContractFilter", String.class).invoke(null, contract);
    Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, hk2);
    return (List<?>) locatorType.getMethod("getAllServices", filterType).invoke(locator, filter);
  }

  /** Calls the public instance method of that name that takes these arguments. */
  private static Object call(Object target, String name, Object... args) throws ReflectiveOperationException {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length && !Modifier.isStatic(m.getModifiers())) {
        return m.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name);
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    try {
      return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      return Class.forName(name, true, HttpServerFilter.class.getClassLoader());
    }
  }
}
