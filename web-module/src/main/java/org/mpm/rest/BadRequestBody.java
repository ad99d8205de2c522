package org.mpm.rest;

import org.mpm.common.ApiException;

/** A body that cannot be read as what the route takes: 400 (or 413 when too large) with a message. */
public class BadRequestBody extends ApiException {

  private static final long serialVersionUID = 1L;

  public BadRequestBody(int status, String message) {
    super(status, message);
  }
}
