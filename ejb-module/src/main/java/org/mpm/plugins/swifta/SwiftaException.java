package org.mpm.plugins.swifta;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refusal of a Swifta call in Swifta's shape, {@code {"success": 0, "message": …}}, which Swifta reads. */
public class SwiftaException extends ApiException {

  private static final long serialVersionUID = 1L;

  public SwiftaException(int status, String message) {
    super(status, message);
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", 0);
    body.put("message", getMessage());
    return body;
  }
}
