package org.mpm.transaction.rest;

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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonBody.Sort;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.transaction.PaymentStatusService;
import org.mpm.transaction.TransactionService;
import org.mpm.transaction.TransactionService.Detail;
import org.mpm.transaction.TransactionService.Item;
import org.mpm.transaction.TransactionService.Search;

/** Reading transactions (MPM's TransactionController and TransactionAdvancedController), permission transactions. */
@Path("transactions")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission("transactions")
@Tag(name = "Transactions")
public class TransactionsResource {

  static final List<String> DEVICE_TYPES = List.of("all", "meter", "solar_home_system", "e_bike");

  @Inject AgentPayments agentPayments;
  @Inject PaymentStatusService statuses;
  @Inject TransactionService transactions;
  @Inject PersonViews people;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List transactions with their provider row (raw Laravel paginator): ?per_page (15), ?page,"
      + " ?sort (id, created_at, amount, sender, message, original_transaction_type; - for descending;"
      + " default -created_at)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    Sort sort = q.sort(TransactionService.SORTS, "-created_at");
    return page(transactions.search(Search.all(sort.field(), sort.descending(), q.page(), q.size("per_page", 15))));
  }

  @GET
  @Path("advanced")
  @Operation(summary = "Search transactions (raw Laravel paginator): ?deviceType (all|meter|solar_home_system|e_bike),"
      + " ?serial_number (part of the device serial in message), ?tariff (meters of a tariff; OR-ed with"
      + " serial_number), ?provider (e.g. cash_transaction; empty or -1 = all), ?status (of the provider row: 1, 0,"
      + " -1), ?from, ?to (created_at, inclusive), ?per_page, ?page, ?sort")
  public Map<String, Object> advanced() {
    JsonBody q = JsonBody.query(uri);
    String type = q.in("deviceType", false, DEVICE_TYPES);
    String serial = q.string("serial_number", false);
    Long tariffId = q.integer("tariff", false);
    String provider = q.string("provider", false);
    Long status = q.integer("status", false);
    LocalDateTime from = q.dateTime("from", false);
    LocalDateTime to = q.dateTime("to", false);
    q.validate();
    Sort sort = q.sort(TransactionService.SORTS, "-created_at");
    String p = provider == null || "-1".equals(provider) || "all".equals(provider) ? null : provider;
    return page(transactions.search(new Search(type == null || "all".equals(type) ? null : type, serial, tariffId,
        p, status == null ? null : status.intValue(), from, to, sort.field(), sort.descending(), q.page(),
        q.size("per_page", 15))));
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "A transaction with token, original_transaction (+ conflicts, + user of a cash payment),"
      + " payment_histories and the device of the serial in message (with its row and owner)")
  public Map<String, Object> show(@PathParam("id") long id) {
    Detail d = transactions.show(id);
    PersonView owner = null;
    if (d.device() != null) {
      Long personId = d.device().device().getPersonId();
      owner = people.viewsById(List.of(personId)).get(personId);
    }
    return Json.data(TransactionJson.detail(d, owner));
  }

  @POST
  @Path("agent")
  @AgentAuth
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "An agent's energy purchase (agent token; the same as POST /api/app/agents/transactions)")
  public Response agentPurchase(String body, @HeaderParam("device-id") String deviceId,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return agentPayments.purchase(body, deviceId, idempotencyKey);
  }

  @GET
  @Path("{id: [0-9]+}/status")
  @Operation(summary = "Where a payment stands: pending, completed or failed, with its allocations, token,"
      + " conflicts and vend attempts")
  public Map<String, Object> status(@PathParam("id") long id) {
    return Json.data(PaymentJson.status(statuses.status(id)));
  }

  @GET
  @Path("analytics/{period: [0-3]}")
  @Operation(summary = "Compare transactions of two periods (0 today vs yesterday, 1 today vs the same day last"
      + " week, 2 last 7 days vs the 7 before, 3 last 30 days vs the 30 before): {success, current, past,"
      + " analytics}")
  public Map<String, Object> analytics(@PathParam("period") int period) {
    return TransactionJson.comparison(transactions.compare(period));
  }

  private Map<String, Object> page(Page<Item> p) {
    return Paginator.raw(p, p.items().stream().map(TransactionJson::item).toList(), uri);
  }
}
