package org.mpm.device.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
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
import org.mpm.transaction.Token;

/** The device registry and token generation (MPM's DeviceController and DeviceControlController). */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Devices")
public class DevicesResource {

  static final List<String> TOKEN_UNITS = List.of("currency", "days", "kWh");

  @Inject DeviceService devices;
  @Inject DeviceTokenService deviceTokens;
  @Inject PersonViews people;
  @Inject CurrentUser current;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List devices (raw paginator) with person and device: ?device_type (meter|solar_home_system|"
      + "e_bike), ?appliance_id, ?unassigned, ?serial (contains), ?manufacturer_mapping_status, ?per_page (15), ?page")
  public Map<String, Object> list(@QueryParam("device_type") String deviceType,
      @QueryParam("appliance_id") String applianceId, @QueryParam("unassigned") String unassigned,
      @QueryParam("serial") String serial, @QueryParam("manufacturer_mapping_status") String mapping,
      @QueryParam("per_page") String perPage, @QueryParam("page") String page) {
    JsonBody q = JsonBody.parse("{}");
    String type = blank(deviceType) ? null : deviceType.trim();
    if (type != null && !DeviceService.TYPES.contains(type)) {
      q.error("device_type", "The selected device type is invalid.");
    }
    Long appliance = null;
    if (!blank(applianceId)) {
      if (applianceId.trim().matches("\\d{1,18}")) {
        appliance = Long.parseLong(applianceId.trim());
      } else {
        q.error("appliance_id", "The appliance id field must be an integer.");
      }
    }
    boolean onlyUnassigned = false;
    if (!blank(unassigned)) {
      String u = unassigned.trim();
      if (List.of("1", "true").contains(u)) {
        onlyUnassigned = true;
      } else if (!List.of("0", "false").contains(u)) {
        q.error("unassigned", "The unassigned field must be true or false.");
      }
    }
    String status = blank(mapping) ? null : mapping.trim();
    if (status != null && !DeviceService.MAPPING_STATUSES.contains(status)) {
      q.error("manufacturer_mapping_status", "The selected manufacturer mapping status is invalid.");
    }
    q.validate();
    Page<DeviceRow> p = devices.list(new ListQuery(type, appliance, onlyUnassigned,
        blank(serial) ? null : serial.trim(), status, Paginator.page(page), Paginator.size(perPage, 15)));
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
    Double amount = number(b, "amount");
    String unit = b.string("unit", true);
    if (unit != null && !TOKEN_UNITS.contains(unit)) {
      b.error("unit", "The selected unit is invalid.");
    }
    b.validate();
    Token t = deviceTokens.generateToken(deviceId, amount, unit, current.principal().id());
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
    String type = b.string("type", true, 1, 20);
    OpenPaygoTokenType kind = null;
    if (type != null) {
      switch (type) {
        case "set_time" -> kind = OpenPaygoTokenType.SET_TIME;
        case "disable_payg" -> kind = OpenPaygoTokenType.DISABLE_PAYG;
        case "counter_sync" -> kind = OpenPaygoTokenType.COUNTER_SYNC;
        default -> b.error("type", "The selected type is invalid.");
      }
    }
    Long days = b.integer("days", kind == OpenPaygoTokenType.SET_TIME);
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
    JsonValue v = JsonBody.parseValue(body);
    if (!(v instanceof JsonArray arr)) {
      throw ValidationException.message("The body must be an array of {serial_number, lat, lon}.");
    }
    List<GeoUpdate> updates = new ArrayList<>();
    Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.get(i) instanceof JsonObject o)) {
        errors.put(i + "", List.of("The " + i + " field must be an object."));
        continue;
      }
      String serial = o.get("serial_number") instanceof JsonString s ? s.getString() : null;
      Double lat = coordinate(o.get("lat"));
      Double lon = coordinate(o.get("lon"));
      if (serial == null || serial.isBlank()) {
        errors.put(i + ".serial_number", List.of("The " + i + ".serial_number field is required."));
      }
      if (lat == null || lat < -90 || lat > 90) {
        errors.put(i + ".lat", List.of("The " + i + ".lat field must be a latitude between -90 and 90."));
      }
      if (lon == null || lon < -180 || lon > 180) {
        errors.put(i + ".lon", List.of("The " + i + ".lon field must be a longitude between -180 and 180."));
      }
      if (serial != null && lat != null && lon != null) {
        updates.add(new GeoUpdate(serial, lat, lon));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    devices.updateGeoInformation(updates);
    return Json.data(v);
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
    if (id == null || !id.matches("\\d{1,18}")) {
      throw NotFoundException.model(DeviceService.MODEL, id);
    }
    return Long.parseLong(id);
  }

  /** Laravel's {@code required|numeric|min:0.01}. */
  static Double number(JsonBody b, String field) {
    if (b.missing(field, true)) {
      return null;
    }
    Double n = coordinate(b.raw(field));
    if (n == null) {
      b.error(field, "The " + field + " field must be a number.");
      return null;
    }
    if (n < 0.01) {
      b.error(field, "The " + field + " field must be at least 0.01.");
    }
    return n;
  }

  static Double coordinate(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    if (v instanceof JsonString s) {
      try {
        double d = Double.parseDouble(s.getString().trim());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
