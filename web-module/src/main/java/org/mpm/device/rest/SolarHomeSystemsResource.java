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
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.common.Page;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonViews;
import org.mpm.customer.rest.PersonJson;
import org.mpm.device.DeviceService;
import org.mpm.device.SolarHomeSystemService;
import org.mpm.device.SolarHomeSystemService.OpenPaygoSetup;
import org.mpm.device.SolarHomeSystemService.UnitView;
import org.mpm.device.openpaygo.OpenPaygoConfig;
import org.mpm.geography.rest.GeographyJson;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RouteModel;
import org.mpm.transaction.PaymentHistory;
import org.mpm.transaction.PaymentRequest;

/** Solar home systems (MPM's SolarHomeSystemController). */
@Path("solar-home-systems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Devices")
public class SolarHomeSystemsResource {

  /** An OpenPAYGO secret key: 16 bytes as 32 hexadecimal characters. */
  static final Pattern SECRET_KEY = Pattern.compile("[0-9a-fA-F]{32}");

  @Inject SolarHomeSystemService units;
  @Inject DeviceService devices;
  @Inject PersonViews people;
  @Inject ApplianceCatalog catalog;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List solar home systems with manufacturer, appliance and device.person; paginated with"
      + " ?per_page, else all as {data: […]}")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, "per_page",
        () -> units.listShs(null, 1, Integer.MAX_VALUE).items(), (page, size) -> units.listShs(null, page, size),
        l -> json(l, people, catalog), uri);
  }

  @GET
  @Path("search")
  @Operation(summary = "Search by serial or owner name/surname (contains); ?term, ?per_page (15)")
  public Map<String, Object> search() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false);
    q.validate();
    Page<UnitView> p = units.listShs(term == null ? "" : term, q.page(), q.size("per_page", 15));
    return Paginator.raw(p, json(p.items(), people, catalog), uri);
  }

  @POST
  @Operation(summary = "Register solar home systems; body {serial_numbers[] (8-15 chars, distinct, unused),"
      + " manufacturer_id, appliance_id, person_id?, daily_price?, open_paygo?: {secret_key (32 hex), starting_code,"
      + " time_divider (1), restricted_digit_set (false), extended_token (false), token_count (1)}}; devices of the"
      + " demo SHS manufacturer get a random OpenPAYGO set-up when none is given")
  public Map<String, Object> create(String body) {
    JsonBody b = JsonBody.parse(body);
    List<String> serials = b.strings("serial_numbers", true, 8, 15);
    b.distinct("serial_numbers");
    Long manufacturerId = b.integer("manufacturer_id", true);
    Long applianceId = b.integer("appliance_id", true);
    Long personId = b.integer("person_id", false);
    BigDecimal dailyPrice = dailyPrice(b);
    OpenPaygoSetup setup = openPaygo(b);
    b.validate();
    return Json.data(json(units.createShs(serials, manufacturerId, applianceId, personId, setup, dailyPrice), people,
        catalog));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A solar home system with manufacturer, appliance, device (person with addresses, geo) and"
      + " tokens")
  public Map<String, Object> show(@PathParam("id") String id) {
    UnitView v = units.showShs(shsId(id));
    Map<String, Object> m = json(List.of(v), people, catalog).get(0);
    if (v.device() != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> device = (Map<String, Object>) m.get("device");
      device.put("geo", devices.location(v.device().getId()).map(GeographyJson::location).orElse(null));
      m.put("tokens", units.tokens(v.device().getId()).stream().map(DeviceJson::token).toList());
    } else {
      m.put("tokens", List.of());
    }
    return Json.data(m);
  }

  @PUT
  @Path("{id}")
  @Operation(summary = "Change an SHS's manufacturer_id and appliance_id (and daily_price of an OpenPAYGO device)")
  public Map<String, Object> update(@PathParam("id") String id, String body) {
    long shsId = shsId(id);
    JsonBody b = JsonBody.parse(body);
    Long manufacturerId = b.integer("manufacturer_id", true);
    Long applianceId = b.integer("appliance_id", true);
    BigDecimal dailyPrice = dailyPrice(b);
    b.validate();
    return Json.data(json(List.of(units.updateShs(shsId, manufacturerId, applianceId, dailyPrice)), people, catalog)
        .get(0));
  }

  @GET
  @Path("{id}/transactions")
  @Operation(summary = "Payments booked on the SHS's serial (raw paginator, ?paginate = page size, 15)")
  public Map<String, Object> transactions(@PathParam("id") String id) {
    JsonBody q = JsonBody.query(uri);
    Page<PaymentHistory> p = units.payments(shsId(id), q.page(), q.size("paginate", 15));
    return Paginator.raw(p, p.items().stream().map(SolarHomeSystemsResource::payment).toList(), uri);
  }

  static Map<String, Object> payment(PaymentHistory ph) {
    return Json.obj("id", ph.getId(), "amount", ph.getAmount(), "transaction_id", ph.getTransactionId(),
        "payment_service", ph.getPaymentService(), "sender", ph.getSender(), "payment_type", ph.getPaymentType(),
        "paid_for_type", ph.getPaidForType(), "paid_for_id", ph.getPaidForId(), "payer_type", ph.getPayerType(),
        "payer_id", ph.getPayerId(), "created_at", Json.ts(ph.getCreatedAt()),
        "updated_at", Json.ts(ph.getUpdatedAt()));
  }

  /** SHS or e-bike rows with {@code manufacturer}, {@code appliance} and {@code device} (with {@code person}). */
  static List<Map<String, Object>> json(List<UnitView> views, PersonViews people, ApplianceCatalog catalog) {
    Set<Long> owners = new HashSet<>();
    views.forEach(v -> {
      if (v.device() != null && v.device().getPersonId() != null) {
        owners.add(v.device().getPersonId());
      }
    });
    Map<Long, PersonView> persons = owners.isEmpty() ? Map.of() : people.viewsById(new ArrayList<>(owners));
    List<Long> applianceIds = new ArrayList<>();
    for (UnitView v : views) {
      if (DeviceJson.concrete(v.unit()).get("appliance_id") instanceof Number n) {
        applianceIds.add(n.longValue());
      }
    }
    Map<Long, Appliance> appliances = applianceIds.isEmpty() ? Map.of() : catalog.byIds(applianceIds);
    List<Map<String, Object>> out = new ArrayList<>();
    for (UnitView v : views) {
      Map<String, Object> m = DeviceJson.concrete(v.unit());
      m.put("manufacturer", DeviceJson.manufacturer(v.manufacturer()));
      Object applianceId = m.get("appliance_id");
      Appliance a = applianceId instanceof Number n ? appliances.get(n.longValue()) : null;
      m.put("appliance", a == null ? null : Json.obj("id", a.id(), "name", a.name(),
          "appliance_type_id", a.applianceTypeId(), "price", a.price(), "created_at", Json.ts(a.createdAt()),
          "updated_at", Json.ts(a.updatedAt())));
      Map<String, Object> d = DeviceJson.device(v.device());
      if (d != null) {
        PersonView p = v.device().getPersonId() == null ? null : persons.get(v.device().getPersonId());
        d.put("person", p == null ? null : PersonJson.person(p));
      }
      m.put("device", d);
      out.add(m);
    }
    return out;
  }

  /** A day of credit's price: at least 0.01, at most a payment's largest amount. */
  private static BigDecimal dailyPrice(JsonBody b) {
    return b.number("daily_price", false, DevicesResource.MIN_AMOUNT, PaymentRequest.MAX_AMOUNT);
  }

  /** The optional {@code open_paygo} object: the factory's set-up of the device. */
  private static OpenPaygoSetup openPaygo(JsonBody b) {
    if (!b.has("open_paygo")) {
      return null;
    }
    JsonBody o = b.object("open_paygo", false);
    if (o == null) {
      return null;
    }
    String key = o.matching("secret_key", true, SECRET_KEY);
    Long startingCode = o.integer("starting_code", true, 0, OpenPaygoConfig.MAX_STARTING_CODE);
    Long divider = o.integer("time_divider", false, 1, OpenPaygoConfig.MAX_TIME_DIVIDER);
    Boolean restricted = o.bool("restricted_digit_set", false);
    Boolean extended = o.bool("extended_token", false);
    Long count = o.integer("token_count", false, 0, 65_535);
    if (key == null || startingCode == null || !b.valid()) {
      return null;
    }
    return new OpenPaygoSetup(new OpenPaygoConfig(key, startingCode, divider == null ? 1 : divider.intValue(),
        Boolean.TRUE.equals(restricted), Boolean.TRUE.equals(extended)), count == null ? null : count.intValue());
  }

  private static long shsId(String id) {
    return RouteModel.id(id, SolarHomeSystemService.SHS_MODEL);
  }
}
