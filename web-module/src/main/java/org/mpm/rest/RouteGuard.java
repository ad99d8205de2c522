package org.mpm.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Who may call a route, read from its annotations (a method's own annotation wins over its class's): anyone
 * ({@link Public}), a company API key ({@link ApiKeyAuth}), an agent token ({@link AgentAuth}), or a user token,
 * with the permission the route requires ({@link RequiresPermission}), if any. {@link AuthenticationFilter} acts
 * on it.
 */
public record RouteGuard(Kind kind, String permission) {

  /** The kinds of caller a route takes. */
  public enum Kind { PUBLIC, API_KEY, AGENT, USER }

  public static RouteGuard of(Method method, Class<?> resource) {
    if (annotation(Public.class, method, resource) != null) {
      return new RouteGuard(Kind.PUBLIC, null);
    }
    if (annotation(ApiKeyAuth.class, method, resource) != null) {
      return new RouteGuard(Kind.API_KEY, null);
    }
    if (annotation(AgentAuth.class, method, resource) != null) {
      return new RouteGuard(Kind.AGENT, null);
    }
    RequiresPermission permission = annotation(RequiresPermission.class, method, resource);
    return new RouteGuard(Kind.USER, permission == null ? null : permission.value());
  }

  private static <A extends Annotation> A annotation(Class<A> type, Method method, Class<?> resource) {
    A onMethod = method.getAnnotation(type);
    return onMethod != null ? onMethod : resource.getAnnotation(type);
  }
}
