package org.mpm.plugins.mesomb;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mpm.common.ApiException;

/** A refused MeSomb notification in MPM's shape for it: {@code {"errors":{"code","title","detail"}}}. */
public class MesombException extends ApiException {

  private static final long serialVersionUID = 1L;
  private final String title;

  public MesombException(int status, String title, String detail) {
    super(status, detail);
    this.title = title;
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> errors = new LinkedHashMap<>();
    errors.put("code", status());
    errors.put("title", title);
    errors.put("detail", getMessage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", errors);
    return body;
  }
}
