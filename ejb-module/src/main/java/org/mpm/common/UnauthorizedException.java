package org.mpm.common;

/** No valid credentials: 401 with MPM's body. */
public class UnauthorizedException extends ApiException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "Unauthorized. Make sure you are logged in.";

  private final String reason;

  public UnauthorizedException() {
    this(null);
  }

  /** @param reason the JWT reason MPM appends in parentheses, e.g. "Token has expired"; null for none */
  public UnauthorizedException(String reason) {
    super(401, reason == null ? MESSAGE : MESSAGE + " (" + reason + ")");
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
