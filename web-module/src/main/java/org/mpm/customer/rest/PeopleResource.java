package org.mpm.customer.rest;

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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.customer.AddressForm;
import org.mpm.customer.PersonAddresses;
import org.mpm.customer.PersonDocumentService;
import org.mpm.customer.PersonDocumentService.Upload;
import org.mpm.customer.PersonForm;
import org.mpm.customer.PersonQueries;
import org.mpm.customer.PersonQueries.ListQuery;
import org.mpm.customer.PersonService;
import org.mpm.customer.PersonView;
import org.mpm.customer.PersonView.DeviceView;
import org.mpm.customer.PersonViews;
import org.mpm.customer.PersonViews.PaymentView;
import org.mpm.device.Meter;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.FormParts;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonBody.Sort;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;
import org.mpm.storage.FileStorage;
import org.mpm.tariff.rest.TariffJson;

/** People and customers (MPM's PersonController and PersonAddressesController), permission {@code customers}. */
@Path("people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("customers")
@Tag(name = "Customers")
public class PeopleResource {

  static final List<String> SORTS = List.of("id", "created_at", "name", "agent", "city", "device");

  @Inject PersonService people;
  @Inject PersonQueries queries;
  @Inject PersonViews views;
  @Inject PersonAddresses personAddresses;
  @Inject PersonDocumentService documents;
  @Inject FileStorage storage;
  @Context UriInfo uri;

  static final List<String> DEVICE_TYPES = List.of("meter", "solar_home_system", "e_bike");

  @GET
  @Operation(summary = "List people (raw Laravel paginator): ?is_customer (default 1), ?agent_id, ?active_customer"
      + " (paid within 25 days), ?city_id, ?total_paid_min, ?total_paid_max, ?latest_payment_from,"
      + " ?latest_payment_to, ?registration_from, ?registration_to, ?device_type (meter|solar_home_system|e_bike),"
      + " ?per_page, ?page, ?sort (id, created_at, name, agent, city, device; - for descending; default -created_at)")
  public Map<String, Object> list() {
    return list(queries, uri);
  }

  /** The people list of {@code GET /api/people} for a request's query (also the registration app's alias). */
  public static Map<String, Object> list(PersonQueries queries, UriInfo uri) {
    JsonBody q = JsonBody.query(uri);
    Long customer = q.integer("is_customer", false);
    Long city = q.integer("city_id", false);
    LocalDate fromDate = q.date("registration_from", false);
    LocalDate toDate = q.date("registration_to", false);
    Long agent = q.integer("agent_id", false);
    Boolean active = q.bool("active_customer", false);
    BigDecimal paidMin = q.number("total_paid_min", false);
    BigDecimal paidMax = q.number("total_paid_max", false);
    LocalDate paidFrom = q.date("latest_payment_from", false);
    LocalDate paidTo = q.date("latest_payment_to", false);
    String deviceType = q.in("device_type", false, DEVICE_TYPES);
    q.validate();
    Sort sort = q.sort(SORTS, "-created_at");
    Page<PersonView> p = queries.list(new ListQuery(customer == null ? 1 : customer.intValue(), city, fromDate,
        toDate, agent, active, paidMin == null ? null : paidMin.doubleValue(),
        paidMax == null ? null : paidMax.doubleValue(), paidFrom, paidTo, deviceType, sort.field(),
        sort.descending(), q.page(), q.size("per_page", 15)));
    return Paginator.raw(p, p.items().stream().map(PersonJson::person).toList(), uri);
  }

  @GET
  @Path("all")
  @Operation(summary = "Deprecated alias of GET /api/people")
  public Map<String, Object> all() {
    return list();
  }

  @GET
  @Path("search")
  @Operation(summary = "Prefix search on name, surname and phone (with or without +); ?term, ?paginate=1, ?per_page")
  public Map<String, Object> search() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false);
    boolean paged = Boolean.TRUE.equals(q.bool("paginate", false));
    q.validate();
    Page<PersonView> p = queries.search(term, paged ? q.page() : 1, paged ? q.size("per_page", 15) : 1000);
    List<Map<String, Object>> data = p.items().stream().map(PersonJson::person).toList();
    return paged ? Paginator.raw(p, data, uri) : Json.data(data);
  }

  @POST
  @Operation(summary = "Create a person with a primary address; body {name, surname (min 2), title?, birth_date?,"
      + " gender?, education?, city_id?, street? (min 5), email?, phone? (min 11, international, e.g. +255713000001),"
      + " country_code?, is_customer?, is_primary?, customer_type?, mini_grid_id?}; 201")
  public Response create(String body) {
    PersonForm form = form(JsonBody.parse(body), true);
    return Response.status(201).entity(Json.data(PersonJson.person(people.create(form)))).build();
  }

  @GET
  @Path("{personId: [0-9]+}")
  @Operation(summary = "A person with addresses (and their city), citizenship, devices, is_active, latest_payment")
  public Map<String, Object> show(@PathParam("personId") long id) {
    return Json.data(PersonJson.person(views.show(id)));
  }

  @PUT
  @Path("{personId: [0-9]+}")
  @Operation(summary = "Update a person (same fields as create, all optional)")
  public Map<String, Object> update(@PathParam("personId") long id, String body) {
    return Json.data(PersonJson.person(people.update(id, form(JsonBody.parse(body), false))));
  }

  @DELETE
  @Path("{personId: [0-9]+}")
  @Operation(summary = "Soft-delete a person: {message, data: person}")
  public Map<String, Object> delete(@PathParam("personId") long id) {
    return Json.obj("message", "Person deleted successfully", "data", PersonJson.person(people.delete(id)));
  }

  @GET
  @Path("{personId: [0-9]+}/addresses")
  @Operation(summary = "The person's addresses (primary last, as MPM orders them)")
  public Map<String, Object> addresses(@PathParam("personId") long id) {
    return Json.data(personAddresses.addresses(id).stream().map(PersonJson::address).toList());
  }

  @POST
  @Path("{personId: [0-9]+}/addresses")
  @Operation(summary = "Add an address; body {email?, phone?, street?, city_id?, is_primary?}; 201")
  public Response addAddress(@PathParam("personId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    AddressForm address = AddressFields.read(b);
    b.validate();
    return Response.status(201).entity(Json.data(PersonJson.address(personAddresses.addAddress(id, address))))
        .build();
  }

  @PUT
  @Path("{personId: [0-9]+}/addresses")
  @Operation(summary = "Update an address; body {id, email?, phone?, street?, city_id?, is_primary?}")
  public Map<String, Object> updateAddress(@PathParam("personId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    Long addressId = b.integer("id", true);
    AddressForm address = AddressFields.read(b);
    b.validate();
    return Json.data(PersonJson.address(personAddresses.updateAddress(id, addressId, address)));
  }

  @DELETE
  @Path("{personId: [0-9]+}/addresses/{addressId: [0-9]+}")
  @Operation(summary = "Delete a non-primary address; 422 for the primary one")
  public Map<String, Object> deleteAddress(@PathParam("personId") long id, @PathParam("addressId") long addressId) {
    personAddresses.deleteAddress(id, addressId);
    return Json.data(Json.message("Address deleted."));
  }

  @GET
  @Path("{personId: [0-9]+}/meters")
  @Operation(summary = "The person with its devices, each with the meter (and its tariff), solar home system or"
      + " e-bike behind it")
  public Map<String, Object> meters(@PathParam("personId") long id) {
    return Json.data(withDevices(id, false));
  }

  @GET
  @Path("{personId: [0-9]+}/meters/geo")
  @Operation(summary = "The person with its devices, each with the device behind it and its location")
  public Map<String, Object> metersGeo(@PathParam("personId") long id) {
    return Json.data(withDevices(id, true));
  }

  private Map<String, Object> withDevices(long id, boolean geo) {
    Map<String, Object> person = PersonJson.person(views.show(id));
    person.put("devices", views.ownedDevices(id).stream().map(o -> {
      Map<String, Object> d = PersonJson.device(new DeviceView(o.device(), o.geo()), geo);
      Map<String, Object> concrete = DeviceJson.concrete(o.concrete());
      if (concrete != null && !geo && o.concrete() instanceof Meter) {
        concrete.put("tariff", o.tariff() == null ? null : TariffJson.tariff(o.tariff()));
      }
      d.put("device", concrete);
      return d;
    }).toList());
    return person;
  }

  @GET
  @Path("{personId: [0-9]+}/transactions")
  @RequiresPermission("transactions")
  @Operation(summary = "The person's payments, newest first, each with its transaction and token (raw Laravel"
      + " paginator, 7 per page)")
  public Map<String, Object> transactions(@PathParam("personId") long id) {
    Page<PaymentView> p = views.payments(id, JsonBody.query(uri).page(), 7);
    return Paginator.raw(p, p.items().stream().map(PersonJson::paymentWithTransaction).toList(), uri);
  }

  @GET
  @Path("{personId: [0-9]+}/documents")
  @Operation(summary = "The person's uploaded documents, newest first")
  public Map<String, Object> documents(@PathParam("personId") long id) {
    return Json.data(documents.list(id).stream().map(PersonJson::document).toList());
  }

  @POST
  @Path("{personId: [0-9]+}/documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a document: multipart file (pdf or docx, at most 5 MB) and type; at most 3 per"
      + " person; 201")
  public Response upload(@PathParam("personId") long id, List<EntityPart> parts) {
    JsonBody fields = JsonBody.fields(FormParts.text(parts));
    Upload file = Uploads.document(storage, fields, FormParts.part(parts, "file"));
    try {
      String type = fields.string("type", true, 0, 255);
      fields.validate();
      return Response.status(201).entity(Json.data(PersonJson.document(documents.upload(id, type, file)))).build();
    } finally {
      storage.discard(file == null ? null : file.file());
    }
  }

  @PUT
  @Path("{personId: [0-9]+}/onboarding")
  @Operation(summary = "Replace the onboarding answers: body {answers: [{question, answer?}]} (at most 50, questions"
      + " distinct ignoring case; [] clears them); returns the person with onboarding_json {question: answer}")
  public Map<String, Object> onboarding(@PathParam("personId") long id, String body) {
    return Json.data(PersonJson.person(people.updateOnboarding(id, Onboarding.answers(body))));
  }

  /** PersonRequest's rules; the phone also as the address routes check it (MPM's address model needs it). */
  private static PersonForm form(JsonBody b, boolean creating) {
    String title = b.string("title", false, 0, 50);
    String name = b.string("name", creating, 2, 60);
    String surname = b.string("surname", creating, 2, 60);
    LocalDate birth = b.day("birth_date", false);
    String gender = b.string("gender", false, 0, 50);
    String education = b.string("education", false, 0, 90);
    Long city = b.integer("city_id", false);
    String street = b.string("street", false, 5, 191);
    String email = b.email("email", false);
    String phone = b.phone("phone", false, 11);
    String countryCode = b.string("country_code", false, 0, 191);
    Boolean customer = b.bool("is_customer", false);
    Boolean primary = b.bool("is_primary", false);
    String customerType = b.string("customer_type", false, 0, 191);
    Long miniGrid = b.integer("mini_grid_id", false);
    b.validate();
    return new PersonForm(title, education, name, surname, birth, gender,
        customer == null ? null : customer ? 1 : 0, primary == null ? null : primary ? 1 : 0, customerType, miniGrid,
        city, street, email, phone, countryCode);
  }
}
