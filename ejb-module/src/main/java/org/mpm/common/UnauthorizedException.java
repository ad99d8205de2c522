package org.mpm.common;

import jakarta.ejb.ApplicationException;

/** No valid credentials: 401 with MPM's body. */
@ApplicationException(rollback = true)
public class UnauthorizedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "Unauthorized. Make sure you are logged in.";

  private final String reason;

  public UnauthorizedException() {
    this(null);
  }

  /** @param reason the JWT reason MPM appends in parentheses, e.g. "Token has expired"; null for none */
  public UnauthorizedException(String reason) {
    super(reason == null ? MESSAGE : MESSAGE + " (" + reason + ")");
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
