package org.mpm.device.manufacturer;

import jakarta.ejb.ApplicationException;

/** A call the device's manufacturer integration cannot make; answered 422 {@code {"message": …}}. */
@ApplicationException(rollback = true)
public class UnsupportedManufacturerCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnsupportedManufacturerCallException(String message) {
    super(message);
  }
}
