package org.mpm.transaction.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.BadRequestBody;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.transaction.PaymentStatusService;
import org.mpm.transaction.TransactionService.Detail;
import org.mpm.transaction.TransactionService.Item;
import org.mpm.transaction.TransactionService.Search;
import org.mpm.transaction.TransactionService;

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
  public Map<String, Object> list(@QueryParam("sort") String sort, @QueryParam("per_page") String perPage,
      @QueryParam("page") String page) {
    String[] s = sort(sort);
    return page(transactions.search(Search.all(s[0], s.length > 1, Paginator.page(page),
        Paginator.size(perPage, 15))));
  }

  @GET
  @Path("advanced")
  @Operation(summary = "Search transactions (raw Laravel paginator): ?deviceType (all|meter|solar_home_system|e_bike),"
      + " ?serial_number (part of the device serial in message), ?tariff (meters of a tariff; OR-ed with"
      + " serial_number), ?provider (e.g. cash_transaction; empty or -1 = all), ?status (of the provider row: 1, 0,"
      + " -1), ?from, ?to (created_at, inclusive), ?per_page, ?page, ?sort")
  public Map<String, Object> advanced(@QueryParam("deviceType") String deviceType,
      @QueryParam("serial_number") String serial, @QueryParam("tariff") String tariff,
      @QueryParam("provider") String provider, @QueryParam("status") String status,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
      @QueryParam("per_page") String perPage, @QueryParam("page") String page) {
    JsonBody q = JsonBody.parse("{}");
    String type = blank(deviceType) ? "all" : deviceType.trim();
    if (!DEVICE_TYPES.contains(type)) {
      q.error("deviceType", "The selected device type is invalid.");
    }
    Integer tariffId = intParam(q, "tariff", tariff);
    Integer statusValue = intParam(q, "status", status);
    LocalDateTime fromTime = timeParam(q, "from", from);
    LocalDateTime toTime = timeParam(q, "to", to);
    q.validate();
    String p = blank(provider) || "-1".equals(provider.trim()) || "all".equals(provider.trim()) ? null
        : provider.trim();
    String[] s = sort(sort);
    return page(transactions.search(new Search("all".equals(type) ? null : type, blank(serial) ? null : serial,
        tariffId == null ? null : tariffId.longValue(), p, statusValue, fromTime, toTime, s[0], s.length > 1,
        Paginator.page(page), Paginator.size(perPage, 15))));
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

  /** The sort field, and a second element when descending; 400 for a field spatie would refuse. */
  private static String[] sort(String sort) {
    String s = blank(sort) ? "-created_at" : sort.trim();
    boolean desc = s.startsWith("-");
    String field = desc ? s.substring(1) : s;
    if (!TransactionService.SORTS.contains(field)) {
      throw new BadRequestBody(400, "Requested sort(s) `" + field + "` is not allowed. Allowed sort(s) are `"
          + String.join(", ", TransactionService.SORTS) + "`.");
    }
    return desc ? new String[] {field, "desc"} : new String[] {field};
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Integer intParam(JsonBody errors, String field, String value) {
    if (blank(value)) {
      return null;
    }
    if (!value.trim().matches("-?\\d{1,9}")) {
      errors.error(field, "The " + field + " field must be an integer.");
      return null;
    }
    return Integer.parseInt(value.trim());
  }

  /** A date ({@code 2025-03-01}, midnight) or date-time ({@code 2025-03-01 10:00:00} or ISO). */
  private static LocalDateTime timeParam(JsonBody errors, String field, String value) {
    if (blank(value)) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay();
      }
      String iso = v.replace(' ', 'T');
      if (iso.endsWith("Z")) {
        iso = iso.substring(0, iso.length() - 1);
      }
      return LocalDateTime.parse(iso.length() > 19 && iso.charAt(19) == '.' ? iso : iso);
    } catch (DateTimeParseException e) {
      errors.error(field, "The " + field + " field must be a valid date.");
      return null;
    }
  }
}
