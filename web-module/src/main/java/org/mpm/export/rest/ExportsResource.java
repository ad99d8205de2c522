package org.mpm.export.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.export.DeviceExportRows;
import org.mpm.export.ExportValues;
import org.mpm.export.PeopleExportRows;
import org.mpm.export.TransactionExportRows;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/**
 * MPM's exports (TransactionExportController, PersonExportController, DeviceExportController): {@code ?format}
 * excel (default), csv or json, with MPM's filters; streamed a page at a time, never the whole table in memory.
 */
@Path("export")
@Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("exports")
@Tag(name = "Export")
public class ExportsResource {

  static final List<String> FORMATS = List.of("excel", "csv", "json");
  static final List<String> TYPES = List.of("meter", "solar_home_system", "e_bike");
  static final int PAGE = 2000;

  @Inject TransactionExportRows transactions;
  @Inject PeopleExportRows people;
  @Inject DeviceExportRows devices;
  @Context UriInfo uri;

  @GET
  @Path("transactions")
  @Operation(summary = "Export transactions, newest first: ?format (excel|csv|json), ?deviceType"
      + " (all|meter|solar_home_system|e_bike), ?serial_number (part of the serial; not for csv), ?tariff (excel"
      + " only), ?provider (a morph alias, all), ?status (1, 0, -1), ?from, ?to. Files are"
      + " transaction_export_<time>.xlsx/.csv; json is {data: [...], meta: {total, currency, filters, exported_at}}")
  public Response transactions() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    String type = q.in("deviceType", false, List.of("all", "meter", "solar_home_system", "e_bike"));
    String serial = q.string("serial_number", false);
    Long tariff = q.integer("tariff", false);
    String provider = q.string("provider", false);
    Long status = q.integer("status", false);
    LocalDateTime from = q.dateTime("from", false);
    LocalDateTime to = q.dateTime("to", false);
    q.validate();
    boolean csv = "csv".equals(format);
    boolean json = "json".equals(format);
    TransactionExportRows.Filter filter = new TransactionExportRows.Filter(
        type == null || "all".equals(type) ? null : type, csv ? null : serial, csv || json ? null : tariff,
        provider == null || "all".equals(provider) ? null : provider, status == null ? null : status.intValue(),
        from, to);
    String currency = transactions.currency();
    long[] before = {Long.MAX_VALUE};
    Downloads.Pages<TransactionExportRows.Row> pages = () -> {
      List<TransactionExportRows.Row> page = transactions.page(filter, before[0], PAGE);
      if (!page.isEmpty()) {
        before[0] = page.get(page.size() - 1).id();
      }
      return page;
    };
    if (json) {
      return Downloads.json(pages, r -> Json.obj("status", r.status(), "transaction_type", r.provider(),
          "customer", r.customer(), "device_id", r.deviceSerial() == null ? "" : r.deviceSerial(),
          "device_type", r.deviceType() == null ? "" : r.deviceType(), "currency", currency,
          "amount", ExportValues.readable(r.amount()) + currency, "sent_date", ExportValues.dateTime(r.createdAt()),
          "original_transaction", r.providerStatus() == null ? List.of() : Json.obj("status", r.providerStatus())),
          Json.obj("currency", currency, "filters", Json.obj("device_type", type == null ? "all" : type,
              "serial_number", serial, "provider", provider == null ? "all" : provider, "status",
              status == null ? null : String.valueOf(status), "from_date", q.string("from", false),
              "to_date", q.string("to", false))));
    }
    return Downloads.table(format, "transaction_export", List.of("Status", "Payment Service", "Customer",
        "Device Serial Number", "Device Type", "Amount", "Type", "Date"), pages, r -> Arrays.asList(r.status(),
            r.provider(), r.customer(), r.message(), r.deviceType() == null ? "" : r.deviceType(),
            ExportValues.readable(r.amount()) + currency, r.type(), ExportValues.dateTime(r.createdAt())));
  }

  @GET
  @Path("customers")
  @Operation(summary = "Export customers: ?format (excel|csv|json), ?miniGrid, ?village (parts of names), ?deviceType"
      + " (meter|solar_home_system|e_bike), ?isActive (true|false: paid in the last 25 days). Files are"
      + " customer_export_<time>.xlsx/.csv; json is {data: [...], meta: {total, filters, exported_at}}")
  public Response customers() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    String miniGrid = q.string("miniGrid", false);
    String village = q.string("village", false);
    String type = q.in("deviceType", false, TYPES);
    String active = q.in("isActive", false, List.of("true", "false"));
    q.validate();
    PeopleExportRows.Filter filter = new PeopleExportRows.Filter(miniGrid, village, type,
        active == null ? null : Boolean.valueOf(active));
    long[] after = {0};
    Downloads.Pages<Map<String, Object>> pages = () -> {
      List<Map<String, Object>> page = people.page(filter, after[0], PAGE);
      if (!page.isEmpty()) {
        after[0] = ((Number) page.get(page.size() - 1).get("id")).longValue();
      }
      return page;
    };
    if ("json".equals(format)) {
      return Downloads.json(pages, ExportsResource::withoutId, Json.obj("filters", Json.obj("mini_grid", miniGrid,
          "village", village, "device_type", type, "is_active", active == null ? null : Boolean.valueOf(active))));
    }
    return Downloads.table(format, "customer_export", PeopleExportRows.HEADERS, pages,
        m -> new ArrayList<>(withoutId(m).values()));
  }

  @GET
  @Path("devices")
  @Operation(summary = "Export devices: ?format (excel|csv|json), ?miniGrid, ?village (parts of names, the owner's"
      + " address), ?deviceType (meter|solar_home_system|e_bike), ?manufacturer (part of its name). Files are"
      + " device_export_<time>.xlsx/.csv; json is {data: [{id, customer, device_info, tokens, geo, created_at,"
      + " updated_at}], meta: {total, filters, exported_at}}")
  public Response devices() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    String miniGrid = q.string("miniGrid", false);
    String village = q.string("village", false);
    String type = q.in("deviceType", false, TYPES);
    String manufacturer = q.string("manufacturer", false);
    q.validate();
    DeviceExportRows.Filter filter = new DeviceExportRows.Filter(miniGrid, village, type, manufacturer);
    long[] after = {0};
    Downloads.Pages<DeviceExportRows.Row> pages = () -> {
      List<DeviceExportRows.Row> page = devices.page(filter, after[0], PAGE);
      if (!page.isEmpty()) {
        after[0] = page.get(page.size() - 1).id();
      }
      return page;
    };
    if ("json".equals(format)) {
      return Downloads.json(pages, ExportsResource::device, Json.obj("filters", Json.obj("mini_grid", miniGrid,
          "village", village, "device_type", type, "manufacturer", manufacturer)));
    }
    return Downloads.table(format, "device_export", DeviceExportRows.HEADERS, pages, d -> Arrays.asList(d.serial(),
        d.type(), d.customer(), d.city() == null ? "" : d.city(), d.manufacturer() == null ? "" : d.manufacturer(),
        ExportValues.dateTime(d.createdAt()), ExportValues.dateTime(d.updatedAt())));
  }

  private static Map<String, Object> device(DeviceExportRows.Row d) {
    Map<String, Object> info = Json.obj("type", d.type(), "manufacturer", d.manufacturer() == null ? ""
        : d.manufacturer(), "serial_number", d.serial());
    if ("meter".equals(d.type())) {
      if (d.online() != null) {
        info.put("meter_type", Json.obj("online", d.online(), "phase", d.phase(), "max_current", d.maxCurrent()));
      }
      info.put("connection_type", d.connectionType() == null ? "" : d.connectionType());
      info.put("connection_group", d.connectionGroup() == null ? "" : d.connectionGroup());
      info.put("tariff", d.tariff() == null ? "" : d.tariff());
    } else {
      info.put("appliance", d.appliance() == null ? "" : d.appliance());
    }
    return Json.obj("id", d.deviceId(), "customer", d.customer(), "device_info", info, "tokens", List.of(),
        "geo", d.geoJson() == null ? null : Json.obj("geo_json", Json.parsed(d.geoJson())),
        "created_at", ExportValues.dateTime(d.createdAt()), "updated_at", ExportValues.dateTime(d.updatedAt()));
  }

  private static Map<String, Object> withoutId(Map<String, Object> m) {
    Map<String, Object> out = Json.obj();
    m.forEach((k, v) -> {
      if (!"id".equals(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static String format(JsonBody q) {
    String f = q.in("format", false, FORMATS);
    return f == null ? "excel" : f;
  }
}
