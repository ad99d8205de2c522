package org.mpm.transaction.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.customer.PersonService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.RouteModel;
import org.mpm.transaction.PaymentHistoryService;
import org.mpm.transaction.PaymentHistoryService.Period;

/** A person's payment history and the company's daily payments (MPM's PaymentHistoryController). */
@Path("paymenthistories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("payments")
@Tag(name = "Payments")
public class PaymentHistoriesResource {

  @Inject PaymentHistoryService payments;

  @GET
  @Path("{personId: [0-9]+}/flow")
  @Operation(summary = "The person's payments per month of the current year: a raw array of 12 numbers, January"
      + " first")
  public List<Number> flow(@PathParam("personId") long personId) {
    return payments.monthlyTotals(personId, LocalDate.now(ZoneOffset.UTC).getYear());
  }

  @GET
  @Path("{personId: [0-9]+}/flow/{year}")
  @Operation(summary = "The person's payments per month of a year: a raw array of 12 numbers, January first")
  public List<Number> flowOfYear(@PathParam("personId") long personId, @PathParam("year") String year) {
    JsonBody path = JsonBody.fields(Map.of("year", year));
    Long y = path.integer("year", true, 1, 9999);
    path.validate();
    return payments.monthlyTotals(personId, y.intValue());
  }

  @GET
  @Path("{person}/period")
  @Operation(summary = "Days since the person's latest payment and the span of the ten latest payments:"
      + " {data: {difference, lastTransaction}}")
  public Map<String, Object> period(@PathParam("person") String person) {
    PaymentHistoryService.PaymentPeriod p = payments.paymentPeriod(RouteModel.id(person, PersonService.MODEL));
    return Json.data(Json.obj("difference", p.difference(), "lastTransaction", p.lastTransaction()));
  }

  @GET
  @Path("debt/{personId: [0-9]+}")
  @Operation(summary = "The person's outstanding debts: {data: {access_rate, deferred}}")
  public Map<String, Object> debts(@PathParam("personId") long personId) {
    PaymentHistoryService.Debts d = payments.debts(personId);
    return Json.data(Json.obj("access_rate", d.accessRate(), "deferred", d.deferred()));
  }

  @POST
  @Path("overview")
  @Operation(summary = "The company's payments per day; body {begin, end} (dates, both included, at most"
      + " 3660 days): {data: [{date, amount}]}")
  public Map<String, Object> overview(String body) {
    JsonBody b = JsonBody.parse(body);
    LocalDate begin = b.date("begin", true);
    LocalDate end = b.date("end", true);
    if (begin != null && end != null
        && ChronoUnit.DAYS.between(begin, end) >= PaymentHistoryService.MAX_OVERVIEW_DAYS) {
      b.error("end", "The end field must be at most " + PaymentHistoryService.MAX_OVERVIEW_DAYS
          + " days after begin.");
    }
    b.validate();
    return Json.data(payments.dailyTotals(begin, end).stream()
        .map(t -> Json.obj("date", t.date(), "amount", t.amount())).toList());
  }

  @GET
  @Path("{personId: [0-9]+}/payments/{period}")
  @Operation(summary = "The person's payments per period (D, W, M or Y) and payment type, oldest period first:"
      + " a raw object {period: {payment_type: amount}}")
  public Object byPeriod(@PathParam("personId") long personId, @PathParam("period") String period) {
    return byPeriod(personId, period, null, null);
  }

  @GET
  @Path("{personId: [0-9]+}/payments/{period}/{limit}")
  @Operation(summary = "As …/payments/{period}, at most {limit} (period, payment type) sums")
  public Object byPeriodLimited(@PathParam("personId") long personId, @PathParam("period") String period,
      @PathParam("limit") String limit) {
    return byPeriod(personId, period, limit, null);
  }

  @GET
  @Path("{personId: [0-9]+}/payments/{period}/{limit}/{order}")
  @Operation(summary = "As …/payments/{period}/{limit}, ordered ASC (oldest first) or DESC (newest first)")
  public Object byPeriodOrdered(@PathParam("personId") long personId, @PathParam("period") String period,
      @PathParam("limit") String limit, @PathParam("order") String order) {
    return byPeriod(personId, period, limit, order);
  }

  private Object byPeriod(long personId, String periodCode, String limit, String order) {
    Map<String, String> segments = new HashMap<>();
    segments.put("period", periodCode.toUpperCase(Locale.ROOT));
    segments.put("limit", limit);
    segments.put("order", order == null ? null : order.toUpperCase(Locale.ROOT));
    JsonBody path = JsonBody.fields(segments);
    String period = path.in("period", true, List.of("D", "W", "M", "Y"));
    Long max = path.integer("limit", false, 0, JsonBody.MAX_INT);
    boolean descending = "DESC".equals(path.in("order", false, List.of("ASC", "DESC")));
    path.validate();
    Map<String, Map<String, Double>> flow = payments.byPeriod(personId, Period.of(period),
        max == null ? null : max.intValue(), descending);
    // PHP writes an empty array as [], MPM's answer without payments.
    return flow.isEmpty() ? List.of() : flow;
  }
}
