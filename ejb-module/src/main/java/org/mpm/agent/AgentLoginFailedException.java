package org.mpm.agent;

import java.util.Map;
import org.mpm.common.ApiException;

/**
 * An agent login refused (unknown e-mail, a web user's e-mail, a wrong password, a malformed body, all alike):
 * 401 with the agent app's body {@code {"data": {"message": "Unauthorized", "status": 401}}}.
 */
public class AgentLoginFailedException extends ApiException {

  private static final long serialVersionUID = 1L;

  public AgentLoginFailedException() {
    super(401, "Unauthorized");
  }

  @Override
  public Map<String, Object> body() {
    Map<String, Object> inner = messageBody(getMessage());
    inner.put("status", status());
    return Map.of("data", inner);
  }
}
