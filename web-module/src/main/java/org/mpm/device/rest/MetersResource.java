package org.mpm.device.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.device.MeterQueries;
import org.mpm.device.MeterQueries.MeterRow;
import org.mpm.device.MeterQueries.PaymentView;
import org.mpm.device.MeterService;
import org.mpm.device.MeterService.MeterForm;
import org.mpm.rest.BadRequestBody;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;

/**
 * Meters (MPM's MeterController, MeterPaymentHistoryController, MeterConsumptionController, MeterRevenueController
 * and MeterGeographicalInformationController). Literal sub-paths ({@code search}, {@code connection-types}) are
 * matched before {@code {serialNumber}}; every route with one path segment after {@code meters/} shares that one
 * template, so the method decides (a meter id for PUT and DELETE, a serial for GET).
 */
@Path("meters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Meters")
public class MetersResource {

  @Inject MeterQueries meters;
  @Inject MeterService meterService;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Meters with meter_type and tariff (raw Laravel paginator): ?in_use (0|1), ?limit (15), ?page")
  public Map<String, Object> list(@QueryParam("in_use") String inUse, @QueryParam("limit") String limit,
      @QueryParam("page") String page) {
    Boolean used = null;
    if (inUse != null && !inUse.isBlank()) {
      used = switch (inUse.trim()) {
        case "1", "true" -> true;
        case "0", "false" -> false;
        default -> throw ValidationException.field("in_use", "The in use field must be true or false.");
      };
    }
    Page<MeterRow> p = meters.list(used, Paginator.page(page), Paginator.size(limit, 15));
    return Paginator.raw(p, p.items().stream().map(MeterJson::row).toList(), uri);
  }

  @POST
  @Operation(summary = "Register a meter (no owner): {serial_number, manufacturer_id, meter_type_id, in_use?,"
      + " tariff_id?, connection_type_id?, connection_group_id?}; 201; a serial already used by a meter or device is"
      + " 422")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("serial_number", true, 1, 191);
    Long manufacturer = b.integer("manufacturer_id", true);
    Long meterType = b.integer("meter_type_id", true);
    Boolean inUse = b.bool("in_use", false);
    Long tariff = b.integer("tariff_id", false);
    Long connectionType = b.integer("connection_type_id", false);
    Long connectionGroup = b.integer("connection_group_id", false);
    b.validate();
    return Response.status(201).entity(Json.data(MeterJson.created(meterService.create(new MeterForm(serial,
        meterType, manufacturer, inUse, connectionType, connectionGroup, tariff))))).build();
  }

  @PUT
  @Operation(summary = "Set the locations of meters (through their devices): [{id, lat, lng}, …] → {\"data\":true}")
  public Map<String, Object> locate(String body) {
    JsonValue v = JsonBody.parseValue(body);
    if (!(v instanceof JsonArray items)) {
      throw new BadRequestBody(400, "The request body must be a JSON array.");
    }
    Map<Long, double[]> points = new LinkedHashMap<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof JsonObject o)) {
        errors.put(i + "", List.of("The " + i + " field must be an array."));
        continue;
      }
      Long id = o.get("id") instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
      Double lat = number(o.get("lat"));
      Double lng = number(o.get("lng"));
      if (id == null) {
        errors.put(i + ".id", List.of("The " + i + ".id field must be an integer."));
      }
      if (lat == null || lat < -90 || lat > 90) {
        errors.put(i + ".lat", List.of("The " + i + ".lat field must be a latitude between -90 and 90."));
      }
      if (lng == null || lng < -180 || lng > 180) {
        errors.put(i + ".lng", List.of("The " + i + ".lng field must be a longitude between -180 and 180."));
      }
      if (id != null && lat != null && lng != null) {
        points.put(id, new double[] {lat, lng});
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    meterService.locate(points);
    return Json.obj("data", true);
  }

  private static Double number(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.doubleValue();
    }
    if (v instanceof JsonString s) {
      try {
        return Double.parseDouble(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  @GET
  @Path("connection-types")
  @Operation(summary = "Number of meters per connection type: {data: [{connection_type_id, total}]}")
  public Map<String, Object> connectionTypes() {
    return Json.data(meters.connectionTypeCounts().stream()
        .map(r -> Json.obj("connection_type_id", r[0], "total", r[1])).toList());
  }

  @GET
  @Path("search")
  @Operation(summary = "Meters whose serial or tariff name contains ?term, with meter_type and tariff (raw"
      + " paginator, ?paginate = page size, 15)")
  public Map<String, Object> search(@QueryParam("term") String term, @QueryParam("paginate") String paginate,
      @QueryParam("page") String page) {
    Page<MeterRow> p = meters.search(term, Paginator.page(page), Paginator.size(paginate, 15));
    return Paginator.raw(p, p.items().stream().map(MeterJson::row).toList(), uri);
  }

  @GET
  @Path("{serialNumber}")
  @Operation(summary = "A meter by serial with tariff, device.person, meter_type, connection_type, connection_group,"
      + " manufacturer, tokens.transaction; unknown serial 404")
  public Map<String, Object> show(@PathParam("serialNumber") String serial) {
    return Json.data(MeterJson.detail(meters.detailBySerial(serial), false));
  }

  @PUT
  @Path("{serialNumber}")
  @Operation(summary = "Update a meter by id: {id, serial_number?, meter_type_id?, in_use?, manufacturer_id?,"
      + " connection_type_id?, connection_group_id?, tariff_id?}")
  public Map<String, Object> update(@PathParam("serialNumber") String meterId, String body) {
    long id = meterId(meterId);
    JsonBody b = JsonBody.parse(body);
    b.integer("id", true);
    String serial = b.string("serial_number", false, 1, 191);
    Long meterType = b.integer("meter_type_id", false);
    Boolean inUse = b.bool("in_use", false);
    Long manufacturer = b.integer("manufacturer_id", false);
    Long connectionType = b.integer("connection_type_id", false);
    Long connectionGroup = b.integer("connection_group_id", false);
    Long tariff = b.integer("tariff_id", false);
    b.validate();
    return Json.data(DeviceJson.meter(meterService.update(id, new MeterForm(serial, meterType, manufacturer, inUse,
        connectionType, connectionGroup, tariff))));
  }

  @DELETE
  @Path("{serialNumber}")
  @Operation(summary = "Delete a meter that was never used (no device, payments or readings): 204; else 422")
  public Response delete(@PathParam("serialNumber") String meterId) {
    meterService.delete(meterId(meterId));
    return Response.noContent().build();
  }

  @GET
  @Path("{serialNumber}/all")
  @Operation(summary = "A meter by id with all relations (device with person and location, access_rate_payment)")
  public Map<String, Object> all(@PathParam("serialNumber") String meterId) {
    return Json.data(MeterJson.detail(meters.detailById(meterId(meterId)), true));
  }

  @GET
  @Path("{serialNumber}/transactions")
  @Operation(summary = "Payments of the meter's serial with transaction and paid_for, newest first (raw paginator,"
      + " ?paginate = page size, 50)")
  public Map<String, Object> transactions(@PathParam("serialNumber") String serial,
      @QueryParam("paginate") String paginate, @QueryParam("page") String page) {
    Page<PaymentView> p = meters.payments(serial, Paginator.page(page), Paginator.size(paginate, 50));
    return Paginator.raw(p, p.items().stream().map(MeterJson::payment).toList(), uri);
  }

  @GET
  @Path("{serialNumber}/consumptions/{start}/{end}")
  @Operation(summary = "Readings of the meter from start to end (yyyy-mm-dd, both days included), oldest first")
  public Map<String, Object> consumptions(@PathParam("serialNumber") String serial,
      @PathParam("start") String start, @PathParam("end") String end) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    LocalDate from = date(errors, "start", start);
    LocalDate to = date(errors, "end", end);
    if (from != null && to != null && to.isBefore(from)) {
      errors.put("end", List.of("The end field must be a date after or equal to start."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return Json.data(meters.consumptions(serial, from, to).stream().map(MeterJson::consumption).toList());
  }

  private static LocalDate date(Map<String, List<String>> errors, String field, String value) {
    try {
      LocalDate d = LocalDate.parse(value.trim());
      if (d.getYear() >= 1970 && d.getYear() <= 2100) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.put(field, List.of("The " + field + " field must be a valid date."));
    return null;
  }

  @GET
  @Path("{serialNumber}/revenue")
  @Operation(summary = "Sum of the settled transactions of the serial: {data: {revenue}}")
  public Map<String, Object> revenue(@PathParam("serialNumber") String serial) {
    return Json.data(Json.obj("revenue", meters.revenue(serial)));
  }

  @GET
  @Path("{serialNumber}/geoList")
  @Operation(summary = "Meters in use located in the mini-grid's villages, with device (and its geo) and"
      + " access_rate_payment")
  public Map<String, Object> geoList(@PathParam("serialNumber") String miniGrid) {
    long id;
    try {
      id = Long.parseLong(miniGrid);
    } catch (NumberFormatException e) {
      throw NotFoundException.model("App\\Models\\MiniGrid", miniGrid);
    }
    return Json.data(meters.locatedInMiniGrid(id).stream().map(MeterJson::located).toList());
  }

  private static long meterId(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw NotFoundException.model(MeterService.MODEL, value);
    }
  }
}
