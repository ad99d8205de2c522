package org.mpm.plugins.paystack;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refusal of the Paystack plugin's routes, with MPM's plugin body {@code {"error": …}}. */
public class PaystackException extends ApiException {

  private static final long serialVersionUID = 1L;

  public PaystackException(int status, String message) {
    super(status, message);
  }

  /** 502: Paystack could not be reached, or answered with a server error. */
  public static PaystackException unavailable(String message) {
    return new PaystackException(502, message);
  }

  /** 400: Paystack answered, refusing the call (an unknown reference, a bad amount …). */
  public static PaystackException refused(String message) {
    return new PaystackException(400, message);
  }

  /** 401: the webhook's signature does not match the company's secret key. */
  public static PaystackException badSignature() {
    return new PaystackException(401, "Invalid webhook signature");
  }

  /** 404: no Paystack transaction of the company with this id. */
  public static PaystackException notFound() {
    return new PaystackException(404, "Transaction not found");
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", getMessage());
    return body;
  }
}
