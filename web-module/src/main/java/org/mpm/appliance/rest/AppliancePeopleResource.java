package org.mpm.appliance.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.appliance.ApplianceSales;
import org.mpm.appliance.RateSchedule;
import org.mpm.appliance.SaleForm;
import org.mpm.appliance.SaleRows;
import org.mpm.appliance.SaleRows.Log;
import org.mpm.appliance.SaleViews;
import org.mpm.appliance.SaleViews.RateView;
import org.mpm.common.Page;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.transaction.PaymentInitiator;
import org.mpm.transaction.PaymentInitiators;

/** Appliances sold to customers (MPM's AppliancePersonController); {@code appliances}. */
@Path("appliances/person")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("appliances")
@Tag(name = "Appliances")
public class AppliancePeopleResource {

  static final List<String> PAYMENT_TYPES = List.of("installment", "energy_service");
  static final List<String> RATE_TYPES = List.of(RateSchedule.MONTHLY, RateSchedule.WEEKLY);
  /** The most rates one sale may have (50 years of monthly rates). */
  static final int MAX_RATES = 600;

  @Inject ApplianceSales sales;
  @Inject PaymentInitiators initiators;
  @Inject SaleViews views;
  @Inject CurrentUser current;
  @Context UriInfo uri;

  @POST
  @Path("{appliance: [0-9]+}/people/{person: [0-9]+}")
  @Operation(summary = "Sell an appliance to a customer {user_id, payment_type? (installment|energy_service), cost,"
      + " rate, rate_type (monthly|weekly), down_payment?, device_serial?, points? (\"lat,lng\"), payment_provider?"
      + " (0 = cash, else an enabled provider plugin's id: the down payment is asked of it once the sale is recorded,"
      + " owed as an open rate until then), address?: {phone? (the down payment's payer)}, minimum_payable_amount?,"
      + " price_per_day?}: {data: {appliance_person, …provider data}}")
  public Map<String, Object> sell(@PathParam("appliance") long applianceId, @PathParam("person") long personId,
      String body) {
    JsonBody b = JsonBody.parse(body);
    Long userId = b.integer("user_id", true);
    String paymentType = b.in("payment_type", false, PAYMENT_TYPES);
    boolean energy = "energy_service".equals(paymentType);
    Long cost = b.integer("cost", !energy, 0, JsonFields.MAX_INT);
    Long rate = b.integer("rate", !energy, 0, MAX_RATES);
    String rateType = b.in("rate_type", !energy, RATE_TYPES);
    Long down = b.integer("down_payment", false, 0, JsonFields.MAX_INT);
    String serial = b.string("device_serial", false);
    String points = b.string("points", false);
    Long provider = b.integer("payment_provider", false);
    JsonBody address = b.object("address", false);
    String phone = address == null ? null : address.string("phone", false);
    Long minimum = b.integer("minimum_payable_amount", false, 0, JsonFields.MAX_INT);
    Long perDay = b.integer("price_per_day", false, 0, JsonFields.MAX_INT);
    Double[] point = point(b, points);
    if (!energy && cost != null && rate != null && rate == 0 && cost > (down == null ? 0 : down)) {
      b.error("rate", "The rate field must be at least 1 when a cost is left after the down payment.");
    }
    b.validate();
    long providerId = provider == null ? PaymentInitiators.CASH : provider;
    if (providerId != PaymentInitiators.CASH) {
      initiators.initiator(providerId); // 422 before anything is written
    }
    SaleForm f = new SaleForm(userId, paymentType == null ? "installment" : paymentType, cost == null ? 0 : cost,
        rate == null ? 0 : rate.intValue(), rateType == null ? RateSchedule.MONTHLY : rateType,
        down == null ? 0 : down, serial, point == null ? null : point[0], point == null ? null : point[1],
        providerId, minimum, perDay, null);
    SaleRows.Sale sale = sales.sell(applianceId, personId, f);
    Map<String, Object> out = Json.obj("appliance_person", ApplianceJson.sale(sale));
    if (providerId != PaymentInitiators.CASH && f.downPayment() > 0) {
      out.putAll(initiators.initiate(providerId, new PaymentInitiator.Initiation(sale.id(),
          BigDecimal.valueOf(f.downPayment()), true, phone)).providerData());
    }
    return Json.data(out);
  }

  @GET
  @Path("people/{person: [0-9]+}")
  @Operation(summary = "A customer's sold appliances (deleted ones too) with appliance.appliance_type, rates.logs,"
      + " logs.owner: {data:[…]}")
  public Map<String, Object> ofPerson(@PathParam("person") long personId) {
    return Json.data(views.ofPerson(personId).stream().map(ApplianceJson::listed).toList());
  }

  @GET
  @Path("people/detail/{appliancePersonId: [0-9]+}")
  @Operation(summary = "A sale with appliance, rates.logs, logs.owner, device, totalRemainingAmount, totalPayments,"
      + " rateType: {data: …}")
  public Map<String, Object> detail(@PathParam("appliancePersonId") long id) {
    return Json.data(ApplianceJson.detail(views.detail(id)));
  }

  @GET
  @Path("{appliancePersonId: [0-9]+}/rates")
  @Operation(summary = "A sale's rates, oldest due first, with logs (raw paginator, ?per_page = 15)")
  public Map<String, Object> rates(@PathParam("appliancePersonId") long id) {
    JsonBody q = JsonBody.query(uri);
    int page = q.page();
    int size = q.size("per_page", 15);
    q.validate();
    Page<RateView> p = views.rates(id, page, size);
    return Paginator.raw(p, p.items().stream().map(ApplianceJson::rate).toList(), uri);
  }

  @GET
  @Path("{appliancePersonId: [0-9]+}/logs")
  @Operation(summary = "A sale's change logs, newest first, with owner (raw paginator, ?per_page = 10)")
  public Map<String, Object> logs(@PathParam("appliancePersonId") long id) {
    JsonBody q = JsonBody.query(uri);
    int page = q.page();
    int size = q.size("per_page", 10);
    q.validate();
    Page<Log> p = views.logs(id, page, size);
    return Paginator.raw(p, p.items().stream().map(ApplianceJson::log).toList(), uri);
  }

  @PUT
  @Path("{appliancePersonId: [0-9]+}/total-cost")
  @Operation(summary = "A new total cost {new_total_cost, rate_count? (with rate_type?: monthly|weekly)}: what is"
      + " left is spread over the unpaid rates, or they are rescheduled; {data: sale detail}")
  public Map<String, Object> totalCost(@PathParam("appliancePersonId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    Long total = b.integer("new_total_cost", true, 0, JsonFields.MAX_INT);
    Long count = b.integer("rate_count", false, 1, MAX_RATES);
    String rateType = b.in("rate_type", false, RATE_TYPES);
    b.validate();
    return Json.data(ApplianceJson.detail(sales.updateTotalCost(id, total, count == null ? null : count.intValue(),
        rateType, current.principal().id())));
  }

  @DELETE
  @Path("{appliancePersonId: [0-9]+}")
  @Operation(summary = "Delete a sale and release its device; payments made stay booked: {data: sale detail}")
  public Map<String, Object> delete(@PathParam("appliancePersonId") long id) {
    return Json.data(ApplianceJson.detail(sales.delete(id, current.principal().id())));
  }

  /** {@code "lat,lng"} as two numbers in range, or null. */
  private static Double[] point(JsonBody b, String points) {
    if (points == null || points.isBlank()) {
      return null;
    }
    String[] parts = points.split(",");
    try {
      if (parts.length == 2) {
        double lat = Double.parseDouble(parts[0].trim());
        double lng = Double.parseDouble(parts[1].trim());
        if (lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180) {
          return new Double[] {lat, lng};
        }
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    b.error("points", "The points field must be a latitude and a longitude, separated by a comma.");
    return null;
  }
}
