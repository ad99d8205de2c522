package org.mpm.rest;

/** A body that cannot be read as a JSON object: 400 (or 413 when too large) with a message. */
public class BadRequestBody extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;

  public BadRequestBody(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
