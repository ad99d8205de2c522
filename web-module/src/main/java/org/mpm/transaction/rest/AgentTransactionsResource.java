package org.mpm.transaction.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.transaction.PaymentStatusService;
import org.mpm.transaction.PaymentStatusService.PaymentStatus;
import org.mpm.transaction.TransactionService;
import org.mpm.transaction.TransactionService.AgentItem;

/**
 * The agent app's payments (MPM's TransactionController@store and AgentTransactionsController): the purchase, the
 * agent's transactions (all, or of one customer), a transaction's token and status. One instance for
 * all requests (the agent is the request's, through {@link CurrentAgent}): a payment request builds no beans.
 */
@Path("app/agents/transactions")
@Produces(MediaType.APPLICATION_JSON)
@AgentAuth
@Tag(name = "Agent app")
@ApplicationScoped
public class AgentTransactionsResource {

  @Inject AgentPayments payments;
  @Inject PaymentStatusService statuses;
  @Inject CurrentAgent current;
  @Inject TransactionService transactions;
  @Inject PersonViews people;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "An energy purchase the agent took in cash: {device_serial, amount}; optional headers"
      + " device-id and Idempotency-Key (a retry with the same key is answered with the same transaction)."
      + " 200 {data:{id}}; the token follows (poll GET …/{id}/status)")
  public Response store(String body, @HeaderParam("device-id") String deviceId,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return payments.purchase(body, deviceId, idempotencyKey);
  }

  @GET
  @Operation(summary = "The agent's transactions, newest first, each with original_transaction and device (with"
      + " its row and owner; null when the serial's device has no owner): raw Laravel paginator, ?per_page (15),"
      + " ?page")
  public Map<String, Object> list(@Context UriInfo uri) {
    return page(null, uri);
  }

  @GET
  @Path("{customerId: [0-9]+}")
  @Operation(summary = "The agent's transactions on one customer's devices, newest first (as the list)")
  public Map<String, Object> ofCustomer(@PathParam("customerId") long customerId, @Context UriInfo uri) {
    return page(customerId, uri);
  }

  private Map<String, Object> page(Long customerId, UriInfo uri) {
    JsonBody q = JsonBody.query(uri);
    Page<AgentItem> p = transactions.ofAgent(current.agent().id(), customerId, q.page(), q.size("per_page", 15));
    List<Long> ownerIds = p.items().stream().filter(i -> i.device() != null)
        .map(i -> i.device().device().getPersonId()).distinct().toList();
    Map<Long, PersonView> owners = ownerIds.isEmpty() ? Map.of() : people.viewsById(ownerIds);
    return Paginator.raw(p, p.items().stream().map(i -> TransactionJson.agentItem(i,
        i.device() == null ? null : owners.get(i.device().device().getPersonId()))).toList(), uri);
  }

  @GET
  @Path("{transactionId: [0-9]+}/token")
  @Operation(summary = "The token of one of the agent's transactions: {data:{transaction_id, token|null}}")
  public Map<String, Object> token(@PathParam("transactionId") long id) {
    PaymentStatus s = own(id);
    return Json.data(Json.obj("transaction_id", id,
        "token", s.token() == null ? null : DeviceJson.token(s.token())));
  }

  @GET
  @Path("{transactionId: [0-9]+}/status")
  @Operation(summary = "Where one of the agent's payments stands: pending, completed or failed, with its"
      + " allocations, token, conflicts and vend attempts")
  public Map<String, Object> status(@PathParam("transactionId") long id) {
    return Json.data(PaymentJson.status(own(id)));
  }

  private PaymentStatus own(long id) {
    PaymentStatus s = statuses.status(id);
    // another agent's transaction is answered as one that does not exist
    if (s.agentId() == null || s.agentId() != current.agent().id()) {
      throw new NotFoundException("Transaction not found.");
    }
    return s;
  }
}
