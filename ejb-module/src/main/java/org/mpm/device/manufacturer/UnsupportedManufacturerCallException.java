package org.mpm.device.manufacturer;

import org.mpm.common.ApiException;

/** A call the device's manufacturer integration cannot make; answered 422 {@code {"message": …}}. */
public class UnsupportedManufacturerCallException extends ApiException {

  private static final long serialVersionUID = 1L;

  public UnsupportedManufacturerCallException(String message) {
    super(422, message);
  }
}
