package org.mpm.device.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.customer.rest.PersonJson;
import org.mpm.device.DeviceService;
import org.mpm.device.DeviceService.DeviceRow;
import org.mpm.device.DeviceService.GeoUpdate;
import org.mpm.device.DeviceService.ListQuery;
import org.mpm.device.DeviceTokenService;
import org.mpm.device.DeviceTokenService.Capabilities;
import org.mpm.device.manufacturer.ManufacturerApi.DeviceMapping;
import org.mpm.device.manufacturer.OpenPaygoDevices;
import org.mpm.device.openpaygo.GeneratedToken;
import org.mpm.device.openpaygo.OpenPaygoTokenType;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.RouteModel;
import org.mpm.transaction.PaymentRequest;
import org.mpm.transaction.Token;

/** The device registry and token generation (MPM's DeviceController and DeviceControlController). */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Devices")
public class DevicesResource {

  static final List<String> TOKEN_UNITS = List.of("currency", "days", "kWh");
  /** Laravel's {@code min:0.01} of a token's amount. */
  static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");

  @Inject DeviceService devices;
  @Inject DeviceTokenService deviceTokens;
  @Inject PersonViews people;
  @Inject CurrentUser current;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List devices (raw paginator) with person and device: ?device_type (meter|solar_home_system|"
      + "e_bike), ?appliance_id, ?unassigned, ?serial (contains), ?manufacturer_mapping_status, ?per_page (15), ?page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    String type = q.in("device_type", false, DeviceService.TYPES);
    Long appliance = q.integer("appliance_id", false, 1, Long.MAX_VALUE);
    boolean onlyUnassigned = Boolean.TRUE.equals(q.bool("unassigned", false));
    String serial = q.string("serial", false);
    String status = q.in("manufacturer_mapping_status", false, DeviceService.MAPPING_STATUSES);
    q.validate();
    Page<DeviceRow> p = devices.list(new ListQuery(type, appliance, onlyUnassigned, serial, status, q.page(),
        q.size("per_page", 15)));
    return Paginator.raw(p, rows(p.items()), uri);
  }

  @PUT
  @Path("{device}")
  @Operation(summary = "Give a device to another customer; body {person_id}")
  public Map<String, Object> update(@PathParam("device") String id, String body) {
    long deviceId = id(id);
    devices.device(deviceId);
    JsonBody b = JsonBody.parse(body);
    Long personId = b.integer("person_id", true);
    b.validate();
    return Json.data(rows(List.of(devices.updateOwner(deviceId, personId))).get(0));
  }

  @GET
  @Path("{device}/device-info")
  @Operation(summary = "Ask the manufacturer whether it knows the unit and store the outcome:"
      + " {supported, mapped?, device?}")
  public Map<String, Object> deviceInfo(@PathParam("device") String id) {
    DeviceMapping m = devices.refreshMapping(id(id));
    Map<String, Object> out = Json.obj("supported", m.supported());
    if (m.supported()) {
      out.put("mapped", m.mapped());
      out.put("device", m.device());
    }
    return Json.data(out);
  }

  @GET
  @Path("{device}/capabilities")
  @RequiresPermission("transactions")
  @Operation(summary = "Whether a token can be generated for the device and in which unit")
  public Map<String, Object> capabilities(@PathParam("device") String id) {
    Capabilities c = deviceTokens.capabilities(id(id));
    return Json.data(Json.obj("token_generation", c.tokenGeneration(), "credit_unit", c.creditUnit(),
        "token_generation_blocked_reason", c.blockedReason()));
  }

  @POST
  @Path("{device}/token")
  @RequiresPermission("transactions")
  @Operation(summary = "Generate an ad-hoc token; body {amount (> 0), unit (currency|days|kWh)}; books an ad_hoc"
      + " cash transaction; 201 {id, token, token_type, token_unit, token_amount, transaction_id, created_at}")
  public Response token(@PathParam("device") String id, String body) {
    long deviceId = id(id);
    devices.device(deviceId);
    JsonBody b = JsonBody.parse(body);
    BigDecimal amount = b.number("amount", true, MIN_AMOUNT, PaymentRequest.MAX_AMOUNT);
    String unit = b.in("unit", true, TOKEN_UNITS);
    b.validate();
    Token t = deviceTokens.generateToken(deviceId, amount.doubleValue(), unit, current.principal().id());
    return Response.status(201).entity(Json.data(DeviceJson.tokenResource(t))).build();
  }

  @GET
  @Path("{device}/openpaygo")
  @RequiresPermission("settings")
  @Operation(summary = "The device's OpenPAYGO Token set-up and count (not in MPM)")
  public Map<String, Object> openPaygo(@PathParam("device") String id) {
    OpenPaygoDevices.Row r = deviceTokens.openPaygo(id(id));
    return Json.data(Json.obj("secret_key", r.config().secretKeyHex(), "starting_code", r.config().startingCode(),
        "time_divider", r.config().timeDivider(), "restricted_digit_set", r.config().restrictedDigitSet(),
        "extended_token", r.config().extendedToken(), "token_count", r.tokenCount(),
        "daily_price", r.dailyPrice() == null ? null : r.dailyPrice().stripTrailingZeros().doubleValue()));
  }

  @POST
  @Path("{device}/openpaygo/token")
  @RequiresPermission("settings")
  @Operation(summary = "An administrative OpenPAYGO code, no payment booked (not in MPM): body {type: set_time"
      + " (with days) | disable_payg | counter_sync}; 201 {data: {token, token_type, value, token_count}}")
  public Response openPaygoCode(@PathParam("device") String id, String body) {
    JsonBody b = JsonBody.parse(body);
    String type = b.in("type", true, List.of("set_time", "disable_payg", "counter_sync"));
    OpenPaygoTokenType kind = type == null ? null : OpenPaygoTokenType.valueOf(type.toUpperCase(Locale.ROOT));
    Long days = b.integer("days", kind == OpenPaygoTokenType.SET_TIME, 0, JsonBody.MAX_INT);
    b.validate();
    GeneratedToken code = deviceTokens.openPaygoCode(id(id), kind, days);
    return Response.status(201).entity(Json.data(Json.obj("token", code.token(), "token_type", kind.name(),
        "value", kind == OpenPaygoTokenType.SET_TIME ? days : kind == OpenPaygoTokenType.DISABLE_PAYG ? 998 : 999,
        "token_count", code.newCount()))).build();
  }

  @POST
  @Path("geoinformation")
  @Operation(summary = "Set device locations; body [{serial_number, lat, lon}]; answers the body as data")
  public Map<String, Object> geoInformation(String body) {
    JsonBody b = JsonBody.parseArray(body);
    List<GeoUpdate> updates = new ArrayList<>();
    for (JsonBody item : b.items(JsonBody.MAX_ITEMS)) {
      String serial = item.string("serial_number", true);
      Double lat = item.latitude("lat", true);
      Double lon = item.longitude("lon", true);
      if (serial != null && lat != null && lon != null) {
        updates.add(new GeoUpdate(serial, lat, lon));
      }
    }
    b.validate();
    devices.updateGeoInformation(updates);
    return Json.data(JsonBody.parseValue(body));
  }

  /** Devices as MPM lists them: the row, {@code person} (with MPM's appended fields) and {@code device}. */
  List<Map<String, Object>> rows(List<DeviceRow> rows) {
    Set<Long> owners = new HashSet<>();
    rows.forEach(r -> {
      if (r.device().getPersonId() != null) {
        owners.add(r.device().getPersonId());
      }
    });
    Map<Long, PersonView> persons = owners.isEmpty() ? Map.of() : people.viewsById(new ArrayList<>(owners));
    List<Map<String, Object>> out = new ArrayList<>();
    for (DeviceRow r : rows) {
      Map<String, Object> m = DeviceJson.device(r.device());
      PersonView p = r.device().getPersonId() == null ? null : persons.get(r.device().getPersonId());
      m.put("person", p == null ? null : PersonJson.person(p));
      m.put("device", DeviceJson.concrete(r.concrete()));
      out.add(m);
    }
    return out;
  }

  static long id(String id) {
    return RouteModel.id(id, DeviceService.MODEL);
  }
}
