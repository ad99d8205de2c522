package org.mpm.plugins.wavemoney;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refused Wave Money call in MPM's shape for it, {@code {"success": 0, "message": …}}. */
public class WaveMoneyException extends ApiException {

  private static final long serialVersionUID = 1L;

  public WaveMoneyException(int status, String message) {
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
