package org.mpm.common;

/** A record that does not exist in the caller's company: 404 {@code {"message": …}}. */
public class NotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(404, message);
  }

  /** Laravel's route-model-binding message. */
  public static NotFoundException model(String modelClass, Object id) {
    return new NotFoundException("No query results for model [" + modelClass + "] " + id);
  }
}
