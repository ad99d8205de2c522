package org.mpm.customer.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.customer.CustomerRegistrations;
import org.mpm.customer.CustomerRegistrations.Registration;
import org.mpm.customer.PersonQueries;
import org.mpm.device.ManufacturerService;
import org.mpm.device.MeterService.MeterForm;
import org.mpm.device.MeterTypeService;
import org.mpm.device.rest.MeterJson;
import org.mpm.geography.GeographyService;
import org.mpm.geography.rest.GeographyJson;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.tariff.ConnectionService;
import org.mpm.tariff.TariffService;
import org.mpm.tariff.rest.TariffJson;

/**
 * The customer-registration app (MPM's CustomerRegistrationApp routes): a logged-in user of any role reads the
 * lists the app's form offers (deprecated aliases of the main lists, answered as those) and registers a customer
 * with its meter.
 */
@Path("customer-registration-app")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Customer registration app")
public class CustomerRegistrationAppResource {

  /** MPM's AndroidAppRequest phone: {@code regex:(^\+)}. */
  static final Pattern PLUS = Pattern.compile("^\\+.*");

  @Inject PersonQueries people;
  @Inject ManufacturerService manufacturers;
  @Inject MeterTypeService meterTypes;
  @Inject TariffService tariffs;
  @Inject GeographyService geography;
  @Inject ConnectionService connections;
  @Inject CustomerRegistrations registrations;
  @Context UriInfo uri;

  @GET
  @Path("people")
  @Operation(summary = "Deprecated alias of GET /api/people")
  public Map<String, Object> people() {
    return PeopleResource.list(people, uri);
  }

  @GET
  @Path("manufacturers")
  @Operation(summary = "Deprecated alias of GET /api/manufacturers")
  public Map<String, Object> manufacturers() {
    JsonBody q = JsonBody.query(uri);
    String t = q.string("type", false);
    q.validate();
    return Paginator.allOrPage(q, "per_page", () -> manufacturers.all(t), (page, size) -> manufacturers.page(t,
        page, size), l -> l.stream().map(MeterJson::manufacturer).toList(), uri);
  }

  @GET
  @Path("meter-types")
  @Operation(summary = "Deprecated alias of GET /api/meter-types")
  public Map<String, Object> meterTypes() {
    return Paginator.allOrPage(JsonBody.query(uri), "limit", meterTypes::all, meterTypes::page,
        l -> l.stream().map(MeterJson::meterType).toList(), uri);
  }

  @GET
  @Path("tariffs")
  @Operation(summary = "Deprecated alias of GET /api/tariffs")
  public Map<String, Object> tariffs() {
    return Paginator.allOrPage(JsonBody.query(uri), "limit", tariffs::energyTariffs, tariffs::energyTariffsPage,
        l -> tariffs.views(l).stream().map(TariffJson::tariff).toList(), uri);
  }

  @GET
  @Path("cities")
  @Operation(summary = "Deprecated alias of GET /api/cities")
  public Map<String, Object> cities() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, q.has("limit") ? "limit" : "per_page", () -> geography.cities(null),
        geography::citiesPage, l -> geography.cityViews(l).stream().map(GeographyJson::city).toList(), uri);
  }

  @GET
  @Path("connection-groups")
  @Operation(summary = "Deprecated alias of GET /api/connection-groups")
  public Map<String, Object> connectionGroups() {
    return Paginator.allOrPage(JsonBody.query(uri), "per_page", connections::groups, connections::groupsPage,
        l -> l.stream().map(TariffJson::group).toList(), uri);
  }

  @GET
  @Path("connection-types")
  @Operation(summary = "Deprecated alias of GET /api/connection-types")
  public Map<String, Object> connectionTypes() {
    return Paginator.allOrPage(JsonBody.query(uri), "limit", connections::types, connections::typesPage,
        l -> l.stream().map(TariffJson::type).toList(), uri);
  }

  @GET
  @Path("sub-connection-types")
  @Operation(summary = "Deprecated alias of GET /api/sub-connection-types")
  public Map<String, Object> subConnectionTypes() {
    return Paginator.allOrPage(JsonBody.query(uri), "limit", () -> connections.subTypes(null),
        (page, size) -> connections.subTypesPage(null, page, size),
        l -> l.stream().map(TariffJson::subType).toList(), uri);
  }

  @POST
  @Operation(summary = "Register a customer with a meter: {name, surname (3+ characters), phone (international,"
      + " with +), tariff_id, geo_points (\"lat,lng\"), serial_number, manufacturer, meter_type, city_id?,"
      + " connection_type_id?, connection_group_id?}. The person with the phone, or a new customer, gets the meter"
      + " (in use, through a device) and an address in the village with the location; 201 {data: person}; 422 for"
      + " a serial already registered")
  public Response register(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 3, 191);
    String surname = b.string("surname", true, 3, 191);
    String phone = b.matching("phone", true, PLUS) == null ? null : b.phone("phone", true, 11);
    Long tariff = b.integer("tariff_id", true, 1, JsonBody.MAX_INT);
    String geo = b.string("geo_points", true, 1, 191);
    String serial = b.string("serial_number", true, 1, 191);
    Long manufacturer = b.integer("manufacturer", true, 1, JsonBody.MAX_INT);
    Long meterType = b.integer("meter_type", true, 1, JsonBody.MAX_INT);
    Long city = b.integer("city_id", false, 1, JsonBody.MAX_INT);
    Long connectionType = b.integer("connection_type_id", false, 1, JsonBody.MAX_INT);
    Long connectionGroup = b.integer("connection_group_id", false, 1, JsonBody.MAX_INT);
    b.validate();
    var person = registrations.register(new Registration(name, surname, phone, city, location(geo),
        new MeterForm(serial, meterType, manufacturer, true, connectionType, connectionGroup, tariff)));
    return Response.status(201).entity(Json.data(PersonJson.person(person))).build();
  }

  /** "lat,lng" as a GeoJSON point (MPM's GeographicalInformation::pointFromString); anything else is none. */
  public static String location(String latLng) {
    String[] parts = latLng == null ? new String[0] : latLng.split(",", 2);
    try {
      double lat = Double.parseDouble(parts[0].trim());
      double lng = Double.parseDouble(parts[1].trim());
      if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
        return null;
      }
      return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lng + "," + lat
          + "]},\"properties\":{}}";
    } catch (RuntimeException e) {
      return null;
    }
  }
}
