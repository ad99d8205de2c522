package org.mpm.transaction;

import java.util.List;
import java.util.Map;
import org.mpm.common.ApiException;

/**
 * A payment refused before it was accepted: answered with {@link #status()} and MPM's body
 * ({@code {"message"}} or, with a field, {@code {"message","errors":{field:[message]}}}; a failed agent
 * authorization {@code {"data":{"message"}}}, as MPM's agent routes answer it); nothing of the payment is written
 * except the rejected record the pipeline keeps afterwards.
 */
public class PaymentRejectedException extends ApiException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public PaymentRejectedException(int status, String field, String message) {
    super(status, message);
    this.field = field;
  }

  /** 422 with the message under {@code field}. */
  public static PaymentRejectedException invalid(String field, String message) {
    return new PaymentRejectedException(422, field, message);
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  public Map<String, List<String>> errors() {
    return field == null ? Map.of() : Map.of(field, List.of(getMessage()));
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> body = messageBody(getMessage());
    if (status() == 401) {
      return Map.of("data", body);
    }
    if (field != null) {
      body.put("errors", errors());
    }
    return body;
  }
}
