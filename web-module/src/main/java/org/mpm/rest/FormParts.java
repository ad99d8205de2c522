package org.mpm.rest;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} body as Jakarta REST gives it ({@link EntityPart}s, files kept off the heap by
 * the runtime): its text fields, read with the request reader's rules through {@link JsonBody#fields}, and its
 * file parts, streamed by the route to the storage.
 */
public final class FormParts {

  private FormParts() {}

  /** The text fields (parts without a file name), the first of each name. */
  public static Map<String, String> text(List<EntityPart> parts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (EntityPart p : parts) {
      if (p.getFileName().isEmpty() && !out.containsKey(p.getName())) {
        try {
          out.put(p.getName(), p.getContent(String.class));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /** The first part of a name, or null. */
  public static EntityPart part(List<EntityPart> parts, String name) {
    return parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
  }
}
