package org.mpm.agent.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentAppAccount;
import org.mpm.agent.AgentAppliances;
import org.mpm.agent.AgentAppliances.Sold;
import org.mpm.agent.AgentDashboard;
import org.mpm.agent.AgentDashboard.Boxes;
import org.mpm.agent.AgentDashboard.DayBalance;
import org.mpm.agent.AgentSales;
import org.mpm.agent.AgentSales.AgentSale;
import org.mpm.agent.AgentSales.SoldRow;
import org.mpm.agent.AgentStock;
import org.mpm.agent.AgentStock.FreeDevice;
import org.mpm.appliance.rest.ApplianceJson;
import org.mpm.common.Page;
import org.mpm.device.EBike;
import org.mpm.device.SolarHomeSystem;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;

/**
 * The agent app's firebase token, appliances (MPM's AgentSoldApplianceController lists and
 * AgentAssignedAppliancesController), free meters and devices (AgentMeterController, AgentAvailableDeviceController)
 * and dashboard (AgentDashboardBoxes/BalanceHistory/RevenueController).
 */
@Path("app/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@AgentAuth
@Tag(name = "Agent app")
public class AgentAppResource {

  static final List<String> DEVICE_TYPES = List.of(SolarHomeSystem.MORPH, EBike.MORPH);
  static final List<String> PAYMENT_TYPES = List.of("installment", "energy_service");
  static final List<String> RATE_TYPES = List.of("monthly", "weekly");
  static final int MAX_RATES = 600;

  @Inject AgentAppAccount account;
  @Inject AgentAppliances appliances;
  @Inject AgentStock stock;
  @Inject AgentSales sales;
  @Inject AgentDashboard dashboard;
  @Inject CurrentAgent current;
  @Context UriInfo uri;

  @POST
  @Path("firebase")
  @Operation(summary = "Store the agent's Firebase messaging token: {fire_base_token}; {data: agent}")
  public Map<String, Object> firebase(String body) {
    JsonBody b = JsonBody.parse(body);
    String token = b.string("fire_base_token", true, 1, 191);
    b.validate();
    return Json.data(AgentAuthResource.agent(account.firebaseToken(agentId(), token)));
  }

  @GET
  @Path("appliances")
  @Operation(summary = "The appliance sales the agent recorded, newest first, each with appliance and person: raw"
      + " paginator, ?per_page (15)")
  public Map<String, Object> sold() {
    return sold(null);
  }

  @GET
  @Path("appliances/{customerId: [0-9]+}")
  @Operation(summary = "The appliance sales the agent recorded for one customer, newest first: raw paginator")
  public Map<String, Object> soldTo(@PathParam("customerId") long customerId) {
    return sold(customerId);
  }

  @POST
  @Path("appliances")
  @Operation(summary = "Sell an appliance assigned to the agent: {person_id, agent_assigned_appliance_id,"
      + " payment_type? (installment|energy_service), rate_type? (monthly|weekly), down_payment, tenure,"
      + " first_payment_date (all three unless energy_service), device_serial (required for a solar home system),"
      + " points? (\"lat,lng\"), minimum_payable_amount?, price_per_day?}. The sale at the assigned cost, its down"
      + " payment an agent transaction, the agent's balance and commission on its ledger; 201 {data: agent sold"
      + " appliance}; 403 Risk balance exceeded; 422 for an appliance not assigned to the agent or a customer"
      + " outside its mini-grid")
  public Response sell(String body) {
    JsonBody b = JsonBody.parse(body);
    Long person = b.integer("person_id", true, 1, JsonBody.MAX_INT);
    String paymentType = b.in("payment_type", false, PAYMENT_TYPES);
    boolean energy = "energy_service".equals(paymentType);
    String rateType = b.in("rate_type", false, RATE_TYPES);
    Long down = b.integer("down_payment", !energy, 0, JsonBody.MAX_INT);
    Long tenure = b.integer("tenure", !energy, 0, MAX_RATES);
    LocalDate first = b.date("first_payment_date", !energy);
    Long assigned = b.integer("agent_assigned_appliance_id", true, 1, JsonBody.MAX_INT);
    String serial = b.string("device_serial", false, 0, 191);
    String points = b.string("points", false, 0, 191);
    Long minimum = b.integer("minimum_payable_amount", false, 0, JsonBody.MAX_INT);
    Long perDay = b.integer("price_per_day", false, 0, JsonBody.MAX_INT);
    b.validate();
    double[] point = point(points);
    SoldRow sold = sales.sell(agentId(), current.agent().miniGridId(), new AgentSale(person, assigned, paymentType,
        rateType, down == null ? 0 : down, tenure == null ? 0 : tenure.intValue(), first, serial,
        point == null ? null : point[0], point == null ? null : point[1], minimum, perDay));
    return Response.status(201).entity(Json.data(Json.obj("person_id", sold.personId(),
        "agent_assigned_appliance_id", sold.assignedId(), "updated_at", Json.ts(sold.createdAt()),
        "created_at", Json.ts(sold.createdAt()), "id", sold.id()))).build();
  }

  /** MPM's GeographicalInformation::pointFromString: "lat,lng", anything else is no location. */
  static double[] point(String points) {
    if (points == null) {
      return null;
    }
    String[] parts = points.split(",", 2);
    try {
      return parts.length == 2 ? new double[] {Double.parseDouble(parts[0].trim()),
          Double.parseDouble(parts[1].trim())} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @GET
  @Path("appliance_types")
  @Operation(summary = "The appliances assigned to the agent, newest first, each with user and appliance (with its"
      + " appliance_type): {data: [...]}, or a raw paginator with ?per_page")
  public Map<String, Object> assigned() {
    JsonBody q = JsonBody.query(uri);
    long agentId = agentId();
    return Paginator.allOrPage(q, "per_page", () -> appliances.assigned(agentId),
        (page, size) -> appliances.assigned(agentId, page, size),
        l -> l.stream().map(AgentJson::assigned).toList(), uri);
  }

  @GET
  @Path("devices/unassigned")
  @Operation(summary = "Solar home systems or e-bikes of an appliance assigned to the agent that no customer owns:"
      + " ?appliance_id, ?type (solar_home_system|e_bike); {data: [device with device (manufacturer,"
      + " appliance)]}; 422 when the appliance is not assigned to the agent")
  public Map<String, Object> unassigned() {
    JsonBody q = JsonBody.query(uri);
    Long applianceId = q.integer("appliance_id", true, 1, JsonBody.MAX_INT);
    String type = q.in("type", true, DEVICE_TYPES);
    q.validate();
    return Json.data(stock.unassigned(agentId(), applianceId, type).stream().map(AgentAppResource::free)
        .toList());
  }

  @GET
  @Path("meters")
  @Operation(summary = "Meters not in use, by serial number: ?manufacturer_id, ?meter_type_id; {data: [...]}")
  public Map<String, Object> meters() {
    JsonBody q = JsonBody.query(uri);
    Long manufacturer = q.integer("manufacturer_id", false);
    Long meterType = q.integer("meter_type_id", false);
    q.validate();
    return Json.data(stock.availableMeters(manufacturer == null || manufacturer == 0 ? null : manufacturer,
        meterType == null || meterType == 0 ? null : meterType).stream().map(DeviceJson::meter).toList());
  }

  @GET
  @Path("dashboard/boxes")
  @Operation(summary = "{data: {balance, profit (commission revenue), dept (the cash the agent holds: -balance, if"
      + " positive),"
      + " average (energy sale since the last receipt), since (last receipt or creation), status_code: 200}}")
  public Map<String, Object> boxes() {
    Boxes b = dashboard.boxes(agentId());
    return Json.data(Json.obj("balance", b.balance(), "profit", b.profit(), "dept", Math.max(0.0, -b.balance()),
        "average", b.average(), "since", Json.ts(b.since()), "status_code", 200));
  }

  @GET
  @Path("dashboard/graph")
  @Operation(summary = "The agent's closing balance of each day since its last receipt: {YYYY-MM-DD: {balance,"
      + " due (the cash held)}}")
  public Map<String, Object> graph() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (DayBalance d : dashboard.balanceSinceLastReceipt(agentId())) {
      out.put(d.day(), Json.obj("balance", d.balance(), "due", Math.max(0.0, -d.balance())));
    }
    return out;
  }

  @GET
  @Path("dashboard/revenue")
  @Operation(summary = "The commission the agent earned each ISO week of the last three months: {YYYY-WW:"
      + " {revenue}}")
  public Map<String, Object> revenue() {
    Map<String, Object> out = new LinkedHashMap<>();
    dashboard.weeklyRevenue(agentId()).forEach((week, revenue) -> out.put(week, Json.obj("revenue", revenue)));
    return out;
  }

  private Map<String, Object> sold(Long customerId) {
    JsonBody q = JsonBody.query(uri);
    Page<Sold> p = appliances.sold(agentId(), customerId, q.page(), q.size("per_page", 15));
    return Paginator.raw(p, p.items().stream().map(AgentJson::sold).toList(), uri);
  }

  private static Map<String, Object> free(FreeDevice f) {
    Map<String, Object> m = DeviceJson.device(f.device());
    Map<String, Object> concrete = DeviceJson.concrete(f.concrete());
    if (concrete != null) {
      concrete.put("manufacturer", DeviceJson.manufacturer(f.manufacturer()));
      concrete.put("appliance", f.appliance() == null ? null : ApplianceJson.appliance(f.appliance()));
    }
    m.put("device", concrete);
    return m;
  }

  private long agentId() {
    return current.agent().id();
  }
}
