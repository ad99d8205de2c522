package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpm.agent.AgentLoginFailedException;
import org.mpm.common.ForbiddenException;
import org.mpm.common.UnauthorizedException;
import org.mpm.common.ValidationException;
import org.mpm.transaction.PaymentRejectedException;

class ApiExceptionMapperTest {

  private final ApiExceptionMapper mapper = new ApiExceptionMapper();

  private Response map(Throwable t) {
    return mapper.toResponse(t);
  }

  @Test
  void anApiExceptionIsAnsweredWithItsStatusAndBody() {
    Response r = map(ValidationException.field("name", "The name field is required."));
    assertEquals(422, r.getStatus());
    assertEquals(Map.of("message", "The name field is required.", "errors",
        Map.of("name", List.of("The name field is required."))), r.getEntity());
    assertEquals(401, map(new UnauthorizedException("Token has expired")).getStatus());
    assertEquals(Map.of("message", "Unauthorized. Make sure you are logged in. (Token has expired)"),
        map(new UnauthorizedException("Token has expired")).getEntity());
    assertEquals(403, map(new ForbiddenException(ForbiddenException.NO_PERMISSION)).getStatus());
    assertEquals(Map.of("data", Map.of("message", "Unauthorized", "status", 401)),
        map(new AgentLoginFailedException()).getEntity());
    assertEquals(Map.of("data", Map.of("message", "Agent authorization failed.")),
        map(new PaymentRejectedException(401, null, "Agent authorization failed.")).getEntity());
    assertEquals(Map.of("message", "Risk balance exceeded"),
        map(new PaymentRejectedException(403, null, "Risk balance exceeded")).getEntity());
    assertEquals(Map.of("data", List.of(), "meta", Map.of("message", "The given data was invalid", "errors",
        Map.of("price", List.of("The price field is required.")))),
        map(ValidationException.enveloped(Map.of("price", List.of("The price field is required.")))).getEntity());
  }

  @Test
  void theContainersWrapperIsLookedThrough() {
    Response r = map(new EJBException(new EJBException(new UnauthorizedException())));
    assertEquals(401, r.getStatus());
    assertEquals(Map.of("message", UnauthorizedException.MESSAGE), r.getEntity());
  }

  @Test
  void anUnexpectedFailureIsAServerErrorNeverANotFound() {
    Response r = map(new EJBException(new IllegalStateException("bug")));
    assertEquals(500, r.getStatus());
    assertEquals(Map.of("message", "Server Error"), r.getEntity());
    // only the container's wrappers are looked through: a failure caused by a refusal is still a failure
    assertEquals(500, map(new IllegalStateException(ValidationException.message("x"))).getStatus());
    assertEquals(500, map(new PersistenceException(new SQLException("Duplicate entry", "23000", 1062)))
        .getStatus());
  }

  @Test
  void anUnreachableDatabaseIsServiceUnavailable() {
    Response r = map(new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
        new SQLTransientConnectionException("Connection is not available"))));
    assertEquals(503, r.getStatus());
    assertEquals(Map.of("message", "Service Unavailable"), r.getEntity());
    assertEquals(503, map(new PersistenceException(new SQLException("Communications link failure", "08S01")))
        .getStatus());
  }

  @Test
  void routingErrorsKeepMpmsMessages() {
    assertEquals(Map.of("message", "Not found"), map(new NotFoundException()).getEntity());
    Response unsupported = map(new NotSupportedException());
    assertEquals(415, unsupported.getStatus());
    assertEquals(Map.of("message", "Unsupported media type: send application/json."), unsupported.getEntity());
  }
}
