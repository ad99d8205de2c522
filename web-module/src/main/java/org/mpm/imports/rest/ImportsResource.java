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
import org.mpm.imports.CustomerItem;
import org.mpm.imports.DeviceItem;
import org.mpm.imports.ImportJobs;
import org.mpm.imports.Imports;
import org.mpm.imports.TransactionItem;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/**
 * MPM's imports of its own JSON exports ({@code {"data": [...]}}): customers, devices and transactions. Every row is
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

  @Inject Imports imports;
  @Inject ImportJobs jobs;

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
      LocalDate birth = r.date("birth_date", false);
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
      String device = r.string("device_id", true, 1, 191);
      BigDecimal amount = amount(r, "data." + i + ".amount");
      String customer = r.string("customer", false);
      String type = r.string("transaction_type", false);
      var sent = r.dateTime("sent_date", false);
      items.add(new TransactionItem(device, amount, customer, type, sent));
    }
    b.validate();
    return answer(Imports.TRANSACTIONS, items);
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

  /**
   * An amount as MPM's exports write it: a number, or a text whose digits and point make one ("1,234.56 TZS"); it
   * must be a positive number.
   */
  private static BigDecimal amount(JsonBody r, String label) {
    JsonValue v = r.raw("amount");
    if (!r.has("amount")) {
      r.missing("amount", true);
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
    if (amount == null || amount.signum() <= 0 || amount.compareTo(new BigDecimal("1000000000")) > 0) {
      r.error("amount", "The " + label + " field must be a positive amount.");
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
