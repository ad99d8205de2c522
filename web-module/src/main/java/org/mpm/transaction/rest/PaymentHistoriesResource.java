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
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.customer.PersonService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
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
    JsonBody errors = JsonBody.parse("{}");
    if (!year.matches("[0-9]{1,4}") || Integer.parseInt(year) < 1) {
      errors.error("year", "The year field must be an integer between 1 and 9999.");
    }
    errors.validate();
    return payments.monthlyTotals(personId, Integer.parseInt(year));
  }

  @GET
  @Path("{person}/period")
  @Operation(summary = "Days since the person's latest payment and the span of the ten latest payments:"
      + " {data: {difference, lastTransaction}}")
  public Map<String, Object> period(@PathParam("person") String person) {
    if (!person.matches("[0-9]{1,18}")) {
      throw NotFoundException.model(PersonService.MODEL, person);
    }
    PaymentHistoryService.PaymentPeriod p = payments.paymentPeriod(Long.parseLong(person));
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
    LocalDate begin = date(b, "begin");
    LocalDate end = date(b, "end");
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
    JsonBody errors = JsonBody.parse("{}");
    Period period = Period.of(periodCode);
    if (period == null) {
      errors.error("period", "The selected period is invalid. Use D, W, M or Y.");
    }
    if (limit != null && !limit.matches("[0-9]{1,9}")) {
      errors.error("limit", "The limit field must be an integer.");
    }
    boolean descending = order != null && order.equalsIgnoreCase("DESC");
    if (order != null && !descending && !order.equalsIgnoreCase("ASC")) {
      errors.error("order", "The selected order is invalid. Use ASC or DESC.");
    }
    errors.validate();
    Map<String, Map<String, Double>> flow = payments.byPeriod(personId, period,
        limit == null ? null : Integer.valueOf(limit), descending);
    // PHP writes an empty array as [], MPM's answer without payments.
    return flow.isEmpty() ? List.of() : flow;
  }

  /** A required date (yyyy-mm-dd; a time part after T or a space is ignored), with Laravel's messages. */
  private static LocalDate date(JsonBody b, String field) {
    String s = b.string(field, true);
    if (s == null) {
      return null;
    }
    try {
      if (s.length() > 10 && s.charAt(10) != 'T' && s.charAt(10) != ' ') {
        throw new DateTimeParseException("not a date", s, 10);
      }
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      b.error(field, "The " + field + " field must be a valid date.");
      return null;
    }
  }
}
