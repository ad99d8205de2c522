package org.mpm.common;

import jakarta.ejb.ApplicationException;

/** A record that does not exist in the caller's company: 404 {@code {"message": …}}. */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  /** Laravel's route-model-binding message. */
  public static NotFoundException model(String modelClass, Object id) {
    return new NotFoundException("No query results for model [" + modelClass + "] " + id);
  }
}
