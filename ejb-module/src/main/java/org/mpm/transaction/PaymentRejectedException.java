package org.mpm.transaction;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A payment refused before it was accepted: answered with {@link #status()} and MPM's body
 * ({@code {"message"}} or, with a field, {@code {"message","errors":{field:[message]}}}); nothing of the payment
 * is written except the rejected record the engine keeps afterwards.
 */
@ApplicationException(rollback = true)
public class PaymentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;
  private final String field;

  public PaymentRejectedException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  /** 422 with the message under {@code field}. */
  public static PaymentRejectedException invalid(String field, String message) {
    return new PaymentRejectedException(422, field, message);
  }

  public int status() {
    return status;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  public Map<String, List<String>> errors() {
    return field == null ? Map.of() : Map.of(field, List.of(getMessage()));
  }
}
