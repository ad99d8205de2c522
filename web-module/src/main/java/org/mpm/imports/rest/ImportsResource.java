package org.mpm.imports.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.imports.ApplianceItem;
import org.mpm.imports.AppliancePersonItem;
import org.mpm.imports.ClusterItem;
import org.mpm.imports.CustomerItem;
import org.mpm.imports.DeviceItem;
import org.mpm.imports.ImportJobs;
import org.mpm.imports.Imports;
import org.mpm.imports.TransactionItem;
import org.mpm.imports.UserPermissionImports;
import org.mpm.imports.UserPermissionItem;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.RequiresPermission;
import org.mpm.settings.MainSettings;
import org.mpm.settings.MainSettingsChange;
import org.mpm.settings.MainSettingsChange.Value;
import org.mpm.settings.MainSettingsService;
import org.mpm.settings.rest.SettingsJson;

/**
 * MPM's imports of its own JSON exports ({@code {"data": [...]}}): customers, devices, transactions, clusters,
 * appliances, sold appliances, the main settings and users with their roles. Every row is
 * validated first; one bad row is a 422 for the whole file and nothing is written. Fewer than {@value #ASYNC} rows
 * are imported at once ({@code {data: {success, message, counts, added, modified, failed}}}); more answer 202 with
 * a job id whose status {@code GET import/status/{jobId}} shows to the company's users.
 */
@Path("import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Import")
public class ImportsResource {

  /** From this many rows on, an import runs in the background (MPM's ASYNC_THRESHOLD). */
  static final int ASYNC = 50;
  /** The most rows one request may carry (the body is held to 2 MB as well). */
  static final int MAX_ROWS = 20_000;
  /** The most rates a sold appliance may have (as on the sale routes). */
  static final int MAX_RATES = 600;

  @Inject Imports imports;
  @Inject ImportJobs jobs;
  @Inject MainSettingsService settings;
  @Inject CurrentUser current;
  @Inject UserPermissionImports userPermissions;

  @POST
  @Path("customers")
  @RequiresPermission("customers")
  @Operation(summary = "Import customers: {data: [{name (required), surname, title, birth_date, gender, email,"
      + " phone (international), street, city (an existing village's name), devices (serials, comma-separated)}]}."
      + " A customer is found by name and surname or created")
  public Response customers(String body) {
    JsonBody b = JsonBody.parse(body);
    List<CustomerItem> items = new ArrayList<>();
    for (JsonBody r : rows(b)) {
      String name = r.string("name", true, 1, 60);
      String surname = r.string("surname", false, 0, 60);
      String title = r.string("title", false, 0, 50);
      LocalDate birth = r.day("birth_date", false);
      String gender = r.string("gender", false, 0, 50);
      String email = r.email("email", false);
      String phone = r.phone("phone", false, 0);
      String street = r.string("street", false);
      String city = r.string("city", false);
      String devices = r.string("devices", false, 0, 65_535);
      items.add(new CustomerItem(name, surname, title, birth == null ? null : birth.toString(), gender, email, phone,
          street, city, devices));
    }
    b.validate();
    return answer(Imports.CUSTOMERS, items);
  }

  @POST
  @Path("devices")
  @RequiresPermission("customers")
  @Operation(summary = "Import devices: {data: [{customer (name surname), device_info: {serial_number (required),"
      + " type (meter|solar_home_system|e_bike), manufacturer, meter_type: {online, phase, max_current},"
      + " connection_type, connection_group, tariff, appliance}, geo: {geo_json}}]}. A device is found by serial"
      + " or created")
  public Response devices(String body) {
    JsonBody b = JsonBody.parse(body);
    List<DeviceItem> items = new ArrayList<>();
    for (JsonBody r : rows(b)) {
      String customer = r.string("customer", false, 0, 121);
      JsonBody info = r.object("device_info", true);
      JsonBody geo = r.object("geo", false);
      if (info == null) {
        continue;
      }
      String serial = info.string("serial_number", true, 1, 191);
      String type = info.string("type", false);
      String manufacturer = info.string("manufacturer", false);
      JsonBody meterType = info.object("meter_type", false);
      Boolean online = null;
      Long phase = null;
      BigDecimal maxCurrent = null;
      if (meterType != null) {
        online = meterType.bool("online", false);
        phase = meterType.integer("phase", false, 1, 3);
        maxCurrent = meterType.number("max_current", false, BigDecimal.ZERO, new BigDecimal("100000"));
        online = online == null ? Boolean.FALSE : online;
      }
      String connectionType = info.string("connection_type", false);
      String connectionGroup = info.string("connection_group", false);
      String tariff = info.string("tariff", false);
      String appliance = info.string("appliance", false);
      String geoJson = null;
      if (geo != null && geo.object("geo_json", false) != null) {
        geoJson = geo.raw("geo_json").toString();
      }
      items.add(new DeviceItem(customer, serial, type, manufacturer, online, phase == null ? null : phase.intValue(),
          maxCurrent == null ? null : maxCurrent.doubleValue(), connectionType, connectionGroup, tariff, appliance,
          geoJson));
    }
    b.validate();
    return answer(Imports.DEVICES, items);
  }

  @POST
  @Path("transactions")
  @RequiresPermission("transactions")
  @Operation(summary = "Import transactions through the payment pipeline: {data: [{device_id (serial, required),"
      + " amount (required; a number or an exported text such as \"1,234.56 TZS\"), customer, transaction_type,"
      + " sent_date}]}. A row that repeats a booked payment (same serial, amount and time, or the same row imported"
      + " before) books nothing and is listed as modified")
  public Response transactions(String body) {
    JsonBody b = JsonBody.parse(body);
    List<TransactionItem> items = new ArrayList<>();
    List<JsonBody> rows = rows(b);
    for (int i = 0; i < rows.size(); i++) {
      JsonBody r = rows.get(i);
      // MPM's own messages for the two required fields, which its import page shows
      String device = required(r, "device_id", "Each transaction must have a device serial number.")
          ? r.string("device_id", true, 1, 191) : null;
      BigDecimal amount = required(r, "amount", "Each transaction must have an amount.")
          ? amount(r, "amount", "data." + i + ".amount", false) : null;
      String customer = r.string("customer", false);
      String type = r.string("transaction_type", false);
      var sent = r.dateTime("sent_date", false);
      items.add(new TransactionItem(device, amount, customer, type, sent));
    }
    b.validate();
    return answer(Imports.TRANSACTIONS, items);
  }

  @POST
  @Path("clusters")
  @RequiresPermission("customers")
  @Operation(summary = "Import clusters: {data: [{cluster_name (required), manager (a user's name; else the"
      + " importing user), mini_grids, villages (comma-separated names), geo_json}]}. A cluster is found by name"
      + " or created, with the mini-grids and villages it names")
  public Response clusters(String body) {
    JsonBody b = JsonBody.parse(body);
    long user = current.principal().id();
    List<ClusterItem> items = new ArrayList<>();
    for (JsonBody r : rows(b)) {
      String name = r.string("cluster_name", true, 1, 191);
      String manager = r.string("manager", false);
      String grids = r.string("mini_grids", false, 0, 65_535);
      String villages = r.string("villages", false, 0, 65_535);
      String geo = r.has("geo_json") && r.object("geo_json", false) != null ? r.raw("geo_json").toString() : null;
      items.add(new ClusterItem(name, manager, grids, villages, geo, user));
    }
    b.validate();
    return answer(Imports.CLUSTERS, items);
  }

  @POST
  @Path("appliances")
  @RequiresPermission("appliances")
  @Operation(summary = "Import appliances: {data: [{appliance_name (required), appliance_type (a name), price (a"
      + " number or an exported text such as \"150,000\")}]}. An appliance is found by name or created")
  public Response appliances(String body) {
    JsonBody b = JsonBody.parse(body);
    List<ApplianceItem> items = new ArrayList<>();
    List<JsonBody> rows = rows(b);
    for (int i = 0; i < rows.size(); i++) {
      JsonBody r = rows.get(i);
      String name = r.string("appliance_name", true, 1, 191);
      String type = r.string("appliance_type", false);
      BigDecimal price = r.has("price") ? amount(r, "price", "data." + i + ".price", true) : null;
      items.add(new ApplianceItem(name, type, price == null ? null : price.longValue()));
    }
    b.validate();
    return answer(Imports.APPLIANCES, items);
  }

  @POST
  @Path("appliance-people")
  @RequiresPermission("appliances")
  @Operation(summary = "Import sold appliances: {data: [{customer_name (required), customer_surname, appliance_name"
      + " (required), payment_type (installment|energy_service), total_cost, rate_count, rate_type (monthly|weekly),"
      + " down_payment, first_payment_date, device_serial, minimum_payable_amount, price_per_day}]}. The customer"
      + " (name and surname), the appliance (name) and the device must be there; the rates cover the cost less the"
      + " down payment, which was paid elsewhere and books no money; a device already on a sale fails its row")
  public Response appliancePeople(String body) {
    JsonBody b = JsonBody.parse(body);
    long user = current.principal().id();
    List<AppliancePersonItem> items = new ArrayList<>();
    for (JsonBody r : rows(b)) {
      String name = r.string("customer_name", true, 1, 60);
      String surname = r.string("customer_surname", false, 0, 60);
      String appliance = r.string("appliance_name", true, 1, 191);
      String paymentType = r.in("payment_type", false, List.of("installment", "energy_service"));
      Long cost = r.integer("total_cost", false, 0, JsonFields.MAX_INT);
      Long count = r.integer("rate_count", false, 0, MAX_RATES);
      String rateType = r.in("rate_type", false, List.of("monthly", "weekly"));
      Long down = r.integer("down_payment", false, 0, JsonFields.MAX_INT);
      LocalDate first = r.date("first_payment_date", false);
      String serial = r.string("device_serial", false, 0, 191);
      Long minimum = r.integer("minimum_payable_amount", false, 0, JsonFields.MAX_INT);
      Long perDay = r.integer("price_per_day", false, 0, JsonFields.MAX_INT);
      items.add(new AppliancePersonItem(name, surname, appliance, paymentType == null ? "installment" : paymentType,
          cost, count == null ? null : count.intValue(), rateType, down, first, serial, minimum, perDay, user));
    }
    b.validate();
    return answer(Imports.APPLIANCE_PEOPLE, items);
  }

  @POST
  @Path("user-permissions")
  @RequiresPermission("users")
  @Operation(summary = "Import users and their roles: {data: [{name (required), email (required), password (required"
      + " for a new user, min 6), roles: [{name (an existing role), permissions (not imported)}]}]}. A user is found"
      + " by e-mail or created; roles are granted as on the users routes (owner and admin need users.manage-owner /"
      + " users.manage-admin); one refused row imports nothing. Always answered at once")
  public Map<String, Object> userPermissions(String body) {
    JsonBody b = JsonBody.parse(body);
    List<UserPermissionItem> items = new ArrayList<>();
    List<JsonBody> rows = b.list("data", true, ASYNC * 10);
    for (JsonBody r : rows == null ? List.<JsonBody>of() : rows) {
      String name = r.string("name", true, 1, 191);
      String email = r.email("email", true);
      String password = r.string("password", false, 6, 191);
      List<JsonBody> roleRows = r.list("roles", false, 50);
      List<String> roles = null;
      if (roleRows != null) {
        roles = new ArrayList<>();
        for (JsonBody role : roleRows) {
          roles.add(role.string("name", true, 1, 191));
        }
      }
      items.add(new UserPermissionItem(name, email, password, roles));
    }
    b.validate();
    return Json.data(userPermissions.users(current.principal(), items).toMap());
  }

  @POST
  @Path("settings")
  @RequiresPermission("settings")
  @Operation(summary = "Import the main settings: {data: [one object: site_title, company_name, currency, country,"
      + " language, vat_energy, vat_appliance, usage_type, sms_gateway_id, transaction_sms_enabled]}; a field left"
      + " out or null keeps its value")
  public Map<String, Object> settings(String body) {
    JsonBody b = JsonBody.parse(body);
    List<JsonBody> rows = b.list("data", true, 1);
    if (rows != null && rows.size() != 1 && b.valid()) {
      b.error("data", "The data must contain exactly one settings object.");
    }
    MainSettingsChange change = null;
    if (rows != null && rows.size() == 1) {
      JsonBody r = rows.get(0);
      BigDecimal vatEnergy = r.number("vat_energy", false, BigDecimal.ZERO, new BigDecimal("100"));
      BigDecimal vatAppliance = r.number("vat_appliance", false, BigDecimal.ZERO, new BigDecimal("100"));
      Long gateway = r.integer("sms_gateway_id", false, 1, JsonFields.MAX_INT);
      change = new MainSettingsChange(r.string("site_title", false, 0, MainSettings.TITLE_MAX),
          r.string("company_name", false, 0, MainSettings.TITLE_MAX),
          r.string("currency", false, 0, MainSettings.CURRENCY_MAX),
          r.string("country", false, 0, MainSettings.TITLE_MAX),
          r.string("language", false, 0, MainSettings.LANGUAGE_MAX),
          vatEnergy == null ? null : new Value<>(vatEnergy.doubleValue()),
          vatAppliance == null ? null : new Value<>(vatAppliance.doubleValue()),
          r.in("usage_type", false, MainSettings.USAGE_TYPES), gateway == null ? null : new Value<>(gateway),
          r.bool("transaction_sms_enabled", false));
    }
    b.validate();
    MainSettings saved = settings.update(settings.current().getId(), change, current.principal().id());
    return Json.data(Json.obj("success", true, "message", "Settings imported successfully", "imported_count", 1,
        "added_count", 0, "modified_count", 1, "failed_count", 0, "added", List.of(), "modified",
        List.of(SettingsJson.main(saved)), "failed", List.of()));
  }

  @GET
  @Path("status/{jobId}")
  @Operation(summary = "The status of an import job of the caller's company: {data: {job_id, status (pending,"
      + " processing, completed, failed), type, total, result, error, created_at, completed_at}}")
  public Map<String, Object> status(@PathParam("jobId") String jobId) {
    ImportJobs.Status s = jobs.status(jobId).orElseThrow(() -> new NotFoundException("Import job not found"));
    return Json.data(Json.obj("job_id", s.jobId(), "status", s.status(), "type", s.type(), "total", s.total(),
        "result", s.result() == null ? null : Json.parsed(s.result()), "error", s.error(),
        "created_at", Json.ts(s.createdAt()), "completed_at", Json.ts(s.completedAt())));
  }

  private static List<JsonBody> rows(JsonBody b) {
    List<JsonBody> rows = b.list("data", true, MAX_ROWS);
    return rows == null ? List.of() : rows;
  }

  /** False, with the given message as the field's error, when a required field is absent or empty. */
  private static boolean required(JsonBody r, String field, String message) {
    if (r.has(field)) {
      return true;
    }
    r.error(field, message);
    return false;
  }

  /**
   * An amount (or a price, {@code zero} allowed) as MPM's exports write it: a number, or a text whose digits and
   * point make one ("1,234.56 TZS").
   */
  private static BigDecimal amount(JsonBody r, String field, String label, boolean zero) {
    JsonValue v = r.raw(field);
    if (!r.has(field)) {
      r.missing(field, true);
      return null;
    }
    BigDecimal amount = null;
    if (v instanceof JsonNumber n) {
      amount = n.bigDecimalValue();
    } else if (v instanceof JsonString s) {
      String digits = s.getString().replace(",", "").replaceAll("[^0-9.]", "");
      if (digits.matches("\\d{1,15}(\\.\\d{1,6})?")) {
        amount = new BigDecimal(digits);
      }
    }
    if (amount == null || amount.signum() < 0 || !zero && amount.signum() == 0
        || amount.compareTo(new BigDecimal("1000000000")) > 0) {
      r.error(field, "The " + label + " field must be a positive amount.");
      return null;
    }
    return amount;
  }

  private Response answer(String type, List<?> items) {
    if (items.size() >= ASYNC) {
      String jobId = imports.submit(type, items);
      return Response.status(202).entity(Json.data(Json.obj("job_id", jobId, "status", "pending", "message",
          "Import queued for background processing"))).build();
    }
    return Response.ok(Json.data(imports.run(type, items).toMap())).build();
  }

}
