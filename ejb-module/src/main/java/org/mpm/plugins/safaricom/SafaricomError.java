package org.mpm.plugins.safaricom;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refusal of the M-Pesa routes in MPM's shape for them: {@code {"error": …}}. */
public class SafaricomError extends ApiException {

  private static final long serialVersionUID = 1L;

  public SafaricomError(int status, String message) {
    super(status, message);
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", getMessage());
    return body;
  }
}
