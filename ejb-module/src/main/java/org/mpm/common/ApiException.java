package org.mpm.common;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller is told about: an HTTP status and MPM's JSON body for it. Every such failure extends this
 * class, and the web tier's one exception mapper answers it as it is; resources catch nothing to build an error.
 * The default body is {@code {"message": …}}. As an application exception it reaches the caller unwrapped and
 * rolls back the transaction it is thrown in.
 */
@ApplicationException(rollback = true, inherited = true)
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** MPM's body for this failure (an ordered JSON object). */
  public Map<String, Object> body() {
    return messageBody(getMessage());
  }

  /** {@code {"message": …}}. */
  protected static Map<String, Object> messageBody(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    return body;
  }
}
