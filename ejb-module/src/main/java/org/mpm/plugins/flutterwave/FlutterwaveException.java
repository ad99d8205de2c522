package org.mpm.plugins.flutterwave;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refusal of the Flutterwave plugin's routes, with MPM's plugin body {@code {"error": …}}. */
public class FlutterwaveException extends ApiException {

  private static final long serialVersionUID = 1L;

  public FlutterwaveException(int status, String message) {
    super(status, message);
  }

  /** 502: Flutterwave could not be reached, or answered with a server error. */
  public static FlutterwaveException unavailable(String message) {
    return new FlutterwaveException(502, message);
  }

  /** 400: Flutterwave answered, refusing the call (an unknown transaction, a bad amount …). */
  public static FlutterwaveException refused(String message) {
    return new FlutterwaveException(400, message);
  }

  /** 401: the webhook's {@code verif-hash} is not the company's secret hash. */
  public static FlutterwaveException badSignature() {
    return new FlutterwaveException(401, "Invalid webhook signature");
  }

  /** 404: no Flutterwave transaction of the company with this id or reference. */
  public static FlutterwaveException notFound() {
    return new FlutterwaveException(404, "Transaction not found");
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", getMessage());
    return body;
  }
}
