package org.mpm.common;

import jakarta.ejb.ApplicationException;

/** The caller may not do this: 403 {@code {"message": …}}. */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String NO_PERMISSION = "User does not have the right permissions.";
  public static final String UNAUTHORIZED_ACTION = "This action is unauthorized.";

  public ForbiddenException(String message) {
    super(message);
  }
}
