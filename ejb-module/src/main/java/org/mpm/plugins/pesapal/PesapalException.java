package org.mpm.plugins.pesapal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refusal of the Pesapal plugin's routes, with MPM's plugin body {@code {"error": …}}. */
public class PesapalException extends ApiException {

  private static final long serialVersionUID = 1L;

  public PesapalException(int status, String message) {
    super(status, message);
  }

  /** 502: Pesapal could not be reached, or answered with a server error. */
  public static PesapalException unavailable(String message) {
    return new PesapalException(502, message);
  }

  /** 400: Pesapal answered, refusing the call (bad credentials, an unknown order …). */
  public static PesapalException refused(String message) {
    return new PesapalException(400, message);
  }

  /** 404: no Pesapal transaction of the company with this id or reference. */
  public static PesapalException notFound() {
    return new PesapalException(404, "Transaction not found");
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", getMessage());
    return body;
  }
}
