package org.mpm.rest;

import java.util.regex.Pattern;
import org.mpm.common.NotFoundException;

/**
 * Laravel's route-model binding of a record id in a path segment, for routes whose segment also takes other values
 * (a serial on GET, an id on PUT): anything but an id is the model's 404, as an unknown id is.
 */
public final class RouteModel {

  private static final Pattern ID = Pattern.compile("\\d{1,18}");

  private RouteModel() {}

  public static long id(String segment, String model) {
    if (segment == null || !ID.matcher(segment).matches()) {
      throw NotFoundException.model(model, segment);
    }
    return Long.parseLong(segment);
  }
}
