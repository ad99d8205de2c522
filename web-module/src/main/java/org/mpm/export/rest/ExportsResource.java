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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Timestamped;
import org.mpm.export.CatalogExportRows;
import org.mpm.export.DeviceExportRows;
import org.mpm.export.ExportValues;
import org.mpm.export.PeopleExportRows;
import org.mpm.export.TransactionExportRows;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/**
 * MPM's exports (transactions, customers, devices, outstanding debts, clusters, appliances, main settings):
 * {@code ?format} excel (default), csv or json, with MPM's filters; streamed a page at a time, never a whole table
 * of payments, customers or devices in memory.
 */
@Path("export")
@Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("exports")
@Tag(name = "Export")
public class ExportsResource {

  static final List<String> FORMATS = List.of("excel", "csv", "json");
  static final List<String> TYPES = List.of("meter", "solar_home_system", "e_bike");
  static final int PAGE = 5000;
  static final List<String> SALE_KEYS = List.of("customer_name", "customer_surname", "appliance_name",
      "appliance_type", "device_serial", "payment_type", "total_cost", "rate_count", "down_payment",
      "first_payment_date", "minimum_payable_amount", "price_per_day", "registered_date");

  @Inject TransactionExportRows transactions;
  @Inject PeopleExportRows people;
  @Inject DeviceExportRows devices;
  @Inject CatalogExportRows catalog;
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
        provider == null || "all".equals(provider) || "-1".equals(provider) ? null : provider,
        status == null ? null : status.intValue(),
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

  @GET
  @Path("debts")
  @Operation(summary = "Export outstanding debts (installments due before today and not paid off): ?format (excel,"
      + " default, or json). File outstanding_debts_export_<time>.xlsx; json is {data: [{customer, appliance,"
      + " device_serial, due_date, currency, remaining, down_payment, total_paid, total_remaining}], meta: {total,"
      + " currency, report_date, exported_at}}")
  public Response debts() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    q.validate();
    String currency = transactions.currency();
    LocalDateTime now = Timestamped.nowUtc();
    long[] after = {0};
    Downloads.Pages<CatalogExportRows.DebtRow> pages = () -> {
      List<CatalogExportRows.DebtRow> page = catalog.debts(after[0], PAGE, now.toLocalDate());
      if (!page.isEmpty()) {
        after[0] = page.get(page.size() - 1).id();
      }
      return page;
    };
    if ("json".equals(format)) {
      return Downloads.json(pages, d -> Json.obj("customer", d.customer(), "appliance", d.appliance(),
          "device_serial", d.deviceSerial(), "due_date", ExportValues.dateTime(d.dueDate()), "currency", currency,
          "remaining", ExportValues.readable(d.remaining()), "down_payment", ExportValues.readable(d.downPayment()),
          "total_paid", ExportValues.readable(d.totalPaid()), "total_remaining",
          ExportValues.readable(d.totalRemaining())), Json.obj("currency", currency, "report_date", Json.ts(now)));
    }
    return Downloads.table("excel", "outstanding_debts_export", List.of("Customer", "Appliance", "Device Serial",
        "Due Date", "Currency", "Remaining", "Down Payment", "Total Paid", "Total Remaining"), pages,
        d -> Arrays.asList(d.customer(), d.appliance(), d.deviceSerial(), ExportValues.dateTime(d.dueDate()), currency,
            d.remaining(), d.downPayment(), d.totalPaid(), d.totalRemaining()));
  }

  @GET
  @Path("clusters")
  @Operation(summary = "Export clusters: ?format (excel|csv|json). Files cluster_export_<time>.xlsx/.csv; json is"
      + " {data: [{cluster_name, manager, geo_json, mini_grids, villages, created_at, updated_at}], meta: {total,"
      + " exported_at}}")
  public Response clusters() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    q.validate();
    Downloads.Pages<CatalogExportRows.ClusterRow> pages = once(catalog.clusters());
    if ("json".equals(format)) {
      return Downloads.json(pages, c -> Json.obj("cluster_name", c.name(), "manager", c.manager(), "geo_json",
          Json.parsed(c.geoJson()), "mini_grids", c.miniGrids(), "villages", c.villages(), "created_at",
          ExportValues.dateTime(c.createdAt()), "updated_at", ExportValues.dateTime(c.updatedAt())), Json.obj());
    }
    return Downloads.table(format, "cluster_export", List.of("Cluster Name", "Manager", "Mini Grids Count",
        "Cities Count", "Created At", "Updated At"), pages, c -> Arrays.asList(c.name(), c.manager(),
            c.miniGridCount(), c.villageCount(), ExportValues.dateTime(c.createdAt()),
            ExportValues.dateTime(c.updatedAt())));
  }

  @GET
  @Path("appliances")
  @Operation(summary = "Export appliances: ?format (excel|csv|json). Files appliance_export_<time>.xlsx/.csv; json is"
      + " {data: [{appliance_name, appliance_type, price, currency, total_sold, payment_plans: [{total_cost,"
      + " rate_count, down_payment}], created_at, updated_at}], meta: {total, currency, exported_at}}")
  public Response appliances() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    q.validate();
    String currency = transactions.currency();
    List<CatalogExportRows.ApplianceRow> rows = catalog.appliances();
    if ("json".equals(format)) {
      Map<Long, List<Object>> plans = new HashMap<>();
      for (CatalogExportRows.Plan p : catalog.plans()) {
        plans.computeIfAbsent(p.applianceId(), id -> new ArrayList<>()).add(Json.obj("total_cost",
            ExportValues.readable(p.totalCost()), "rate_count", p.rateCount(), "down_payment",
            ExportValues.readable(p.downPayment())));
      }
      return Downloads.json(once(rows), a -> Json.obj("appliance_name", a.name(), "appliance_type", a.type(),
          "price", ExportValues.readable(a.price()), "currency", currency, "total_sold", a.sold(), "payment_plans",
          plans.getOrDefault(a.id(), List.of()), "created_at", ExportValues.dateTime(a.createdAt()), "updated_at",
          ExportValues.dateTime(a.updatedAt())), Json.obj("currency", currency));
    }
    return Downloads.table(format, "appliance_export", List.of("Appliance Name", "Appliance Type", "Price",
        "Total Sold", "Total Rates", "Created At", "Updated At"), once(rows), a -> Arrays.asList(a.name(), a.type(),
            ExportValues.readable(a.price()) + currency, a.sold(), a.sold(), ExportValues.dateTime(a.createdAt()),
            ExportValues.dateTime(a.updatedAt())));
  }

  @GET
  @Path("settings")
  @Operation(summary = "Export the main settings: ?format (json, default, excel or csv). Files"
      + " settings_export_<time>.xlsx/.csv; json is {data: [{site_title, company_name, currency, country, language,"
      + " vat_energy, vat_appliance, usage_type, sms_gateway_id, transaction_sms_enabled, created_at, updated_at}],"
      + " meta: {total, exported_at}}")
  public Response settings() {
    JsonBody q = JsonBody.query(uri);
    String f = q.in("format", false, FORMATS);
    q.validate();
    String format = f == null ? "json" : f;
    List<Object[]> rows = catalog.settings();
    if ("json".equals(format)) {
      return Downloads.json(once(rows), r -> Json.obj("site_title", r[0], "company_name", r[1], "currency", r[2],
          "country", r[3], "language", r[4], "vat_energy", r[5], "vat_appliance", r[6], "usage_type", r[7],
          "sms_gateway_id", r[8], "transaction_sms_enabled", r[9] instanceof Boolean b ? b
              : r[9] != null && ((Number) r[9]).intValue() != 0,
          "created_at", ExportValues.dateTime((LocalDateTime) r[10]), "updated_at",
          ExportValues.dateTime((LocalDateTime) r[11])), Json.obj());
    }
    return Downloads.table(format, "settings_export", List.of("Site Title", "Company Name", "Currency", "Country",
        "Language", "VAT Energy", "VAT Appliance", "Usage Type", "SMS Gateway ID", "Created At", "Updated At"),
        once(rows), r -> Arrays.asList(r[0], r[1], r[2], r[3], r[4],
            ExportValues.readable(r[5] == null ? 0 : ((Number) r[5]).doubleValue()),
            ExportValues.readable(r[6] == null ? 0 : ((Number) r[6]).doubleValue()), r[7] == null ? "" : r[7],
            r[8] == null ? "" : r[8], ExportValues.dateTime((LocalDateTime) r[10]),
            ExportValues.dateTime((LocalDateTime) r[11])));
  }

  @GET
  @Path("appliance-people")
  @Operation(summary = "Export appliance sales: ?format (excel|csv|json), ?paymentType (installment|energy_service),"
      + " ?personId. Files appliance_person_export_<time>.xlsx/.csv; json is {data: [{customer_name,"
      + " customer_surname, appliance_name, appliance_type, device_serial, payment_type, total_cost, rate_count,"
      + " down_payment, first_payment_date, minimum_payable_amount, price_per_day, registered_date}], meta: {total,"
      + " filters, exported_at}}")
  public Response sales() {
    JsonBody q = JsonBody.query(uri);
    String format = format(q);
    String paymentType = q.in("paymentType", false, List.of("installment", "energy_service"));
    Long personId = q.integer("personId", false);
    q.validate();
    long[] after = {0};
    Downloads.Pages<CatalogExportRows.SaleRow> pages = () -> {
      List<CatalogExportRows.SaleRow> page = catalog.sales(paymentType, personId, after[0], PAGE);
      if (!page.isEmpty()) {
        after[0] = page.get(page.size() - 1).id();
      }
      return page;
    };
    if ("json".equals(format)) {
      return Downloads.json(pages, r -> {
        Map<String, Object> m = Json.obj();
        for (int i = 0; i < SALE_KEYS.size(); i++) {
          m.put(SALE_KEYS.get(i), r.values().get(i));
        }
        return m;
      }, Json.obj("filters", Json.obj("payment_type", paymentType, "person_id", personId)));
    }
    return Downloads.table(format, "appliance_person_export", List.of("Customer Name", "Customer Surname",
        "Appliance", "Appliance Type", "Device Serial", "Payment Type", "Total Cost", "Rate Count", "Down Payment",
        "First Payment Date", "Minimum Payable Amount", "Price Per Day", "Registered Date"), pages,
        CatalogExportRows.SaleRow::values);
  }

  @GET
  @Path("user-permissions")
  @Operation(summary = "Export users with their roles and permissions: ?format (json, default, excel or csv). Files"
      + " user_permission_export_<time>.xlsx/.csv; json is {data: [{id, name, email, company_id, roles: [{name,"
      + " permissions}], all_permissions, created_at, updated_at}], meta: {total, exported_at}}")
  public Response users() {
    JsonBody q = JsonBody.query(uri);
    String f = q.in("format", false, FORMATS);
    q.validate();
    String format = f == null ? "json" : f;
    List<CatalogExportRows.UserRow> rows = catalog.users();
    if ("json".equals(format)) {
      return Downloads.json(once(rows), u -> Json.obj("id", u.id(), "name", u.name(), "email", u.email(),
          "company_id", u.companyId(), "roles", u.roles().entrySet().stream().map(e -> Json.obj("name", e.getKey(),
              "permissions", e.getValue())).toList(), "all_permissions", u.permissions(), "created_at",
          ExportValues.dateTime(u.createdAt()), "updated_at", ExportValues.dateTime(u.updatedAt())), Json.obj());
    }
    return Downloads.table(format, "user_permission_export", List.of("Name", "Email", "Roles", "Permissions",
        "Created At"), once(rows), u -> Arrays.asList(u.name(), u.email(), String.join(", ", u.roles().keySet()),
            String.join(", ", u.permissions()), ExportValues.dateTime(u.createdAt())));
  }

  /** A list read at once (a company's clusters, appliances or settings: tens of rows) as one page. */
  private static <T> Downloads.Pages<T> once(List<T> rows) {
    boolean[] given = {false};
    return () -> {
      if (given[0]) {
        return List.of();
      }
      given[0] = true;
      return rows;
    };
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
