package org.mpm.common;

/** The caller may not do this: 403 {@code {"message": …}}. */
public class ForbiddenException extends ApiException {

  private static final long serialVersionUID = 1L;

  public static final String NO_PERMISSION = "User does not have the right permissions.";
  public static final String UNAUTHORIZED_ACTION = "This action is unauthorized.";

  public ForbiddenException(String message) {
    super(403, message);
  }
}
