package org.mpm.plugins.vodacommz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refused Vodacom MZ call in the shape MPM's routes use for it, {@code {"message": …, "success": false}}. */
public class VodacomMzRefusal extends ApiException {

  private static final long serialVersionUID = 1L;

  private VodacomMzRefusal(int status, String message) {
    super(status, message);
  }

  public static VodacomMzRefusal of(int status, String message) {
    return new VodacomMzRefusal(status, message);
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", getMessage());
    body.put("success", false);
    return body;
  }
}
