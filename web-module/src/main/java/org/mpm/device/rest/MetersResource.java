package org.mpm.device.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.device.MeterQueries;
import org.mpm.device.MeterQueries.MeterRow;
import org.mpm.device.MeterQueries.PaymentView;
import org.mpm.device.MeterService;
import org.mpm.device.MeterService.MeterForm;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RouteModel;

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
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    Boolean used = q.bool("in_use", false);
    q.validate();
    Page<MeterRow> p = meters.list(used, q.page(), q.size("limit", 15));
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
    JsonBody b = JsonBody.parseArray(body);
    Map<Long, double[]> points = new LinkedHashMap<>();
    for (JsonBody item : b.items(JsonBody.MAX_ITEMS)) {
      Long id = item.integer("id", true, 1, Long.MAX_VALUE);
      Double lat = item.latitude("lat", true);
      Double lng = item.longitude("lng", true);
      if (id != null && lat != null && lng != null) {
        points.put(id, new double[] {lat, lng});
      }
    }
    b.validate();
    meterService.locate(points);
    return Json.obj("data", true);
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
  public Map<String, Object> search() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false);
    q.validate();
    Page<MeterRow> p = meters.search(term, q.page(), q.size("paginate", 15));
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
  public Map<String, Object> transactions(@PathParam("serialNumber") String serial) {
    JsonBody q = JsonBody.query(uri);
    Page<PaymentView> p = meters.payments(serial, q.page(), q.size("paginate", 50));
    return Paginator.raw(p, p.items().stream().map(MeterJson::payment).toList(), uri);
  }

  @GET
  @Path("{serialNumber}/consumptions/{start}/{end}")
  @Operation(summary = "Readings of the meter from start to end (yyyy-mm-dd, both days included), oldest first")
  public Map<String, Object> consumptions(@PathParam("serialNumber") String serial,
      @PathParam("start") String start, @PathParam("end") String end) {
    JsonBody path = JsonBody.fields(Map.of("start", start, "end", end));
    LocalDate from = path.date("start", true);
    LocalDate to = path.date("end", true);
    if (from != null && to != null && to.isBefore(from)) {
      path.error("end", "The end field must be a date after or equal to start.");
    }
    path.validate();
    return Json.data(meters.consumptions(serial, from, to).stream().map(MeterJson::consumption).toList());
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
    long id = RouteModel.id(miniGrid, "App\\Models\\MiniGrid");
    return Json.data(meters.locatedInMiniGrid(id).stream().map(MeterJson::located).toList());
  }

  private static long meterId(String value) {
    return RouteModel.id(value, MeterService.MODEL);
  }
}
