package org.mpm.agent.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.agent.AgentCustomers;
import org.mpm.agent.AgentDashboard;
import org.mpm.agent.AgentRegistrations;
import org.mpm.common.ApiException;
import org.mpm.common.Page;
import org.mpm.customer.PersonDocument;
import org.mpm.customer.PersonDocumentService;
import org.mpm.customer.PersonDocumentService.Upload;
import org.mpm.customer.PersonService;
import org.mpm.customer.PersonView;
import org.mpm.customer.rest.CustomerRegistrationAppResource;
import org.mpm.customer.rest.Onboarding;
import org.mpm.customer.rest.PersonDocumentsResource;
import org.mpm.customer.rest.PersonJson;
import org.mpm.customer.rest.Uploads;
import org.mpm.device.Meter;
import org.mpm.device.MeterService.MeterForm;
import org.mpm.device.rest.DeviceJson;
import org.mpm.rest.AgentAuth;
import org.mpm.rest.CurrentAgent;
import org.mpm.rest.FormParts;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.storage.FileStorage;

/**
 * The agent app's customers (MPM's AgentCustomerController, AgentCustomerDocumentController and
 * AgentCustomersPaymentHistoryController): customers with an address in the agent's mini-grid, their documents,
 * onboarding answers and payment flows. Any other person is, for the agent, one that does not exist (404); a
 * document of anyone else's customer is refused (403).
 */
@Path("app/agents/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@AgentAuth
@Tag(name = "Agent app")
public class AgentCustomersResource {

  static final List<String> ORDERS = List.of("asc", "desc", "ASC", "DESC");

  @Inject AgentCustomers customers;
  @Inject AgentRegistrations registrations;
  @Inject AgentDashboard dashboard;
  @Inject PersonService people;
  @Inject PersonDocumentService documents;
  @Inject FileStorage storage;
  @Inject CurrentAgent current;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The agent's customers (an address in the agent's mini-grid), newest first, with addresses"
      + " and devices: raw Laravel paginator, ?per_page (15), ?page")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return page(customers.list(miniGrid(), q.page(), q.size("per_page", 15)));
  }

  @POST
  @Operation(summary = "Register a customer in a village of the agent's mini-grid: {name, surname (3+ characters),"
      + " phone (international), city_id, geo_points? (\"lat,lng\")}; 201 {data: person with addresses}; 422 for a"
      + " village of another mini-grid or a phone already in use")
  public Response register(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 3, 191);
    String surname = b.string("surname", true, 3, 191);
    String phone = b.phone("phone", true, 0);
    Long city = b.integer("city_id", true, 1, JsonBody.MAX_INT);
    String geo = b.string("geo_points", false, 0, 191);
    b.validate();
    PersonView p = registrations.register(miniGrid(), name, surname, phone, city,
        CustomerRegistrationAppResource.location(geo));
    return Response.status(201).entity(Json.data(PersonJson.person(p))).build();
  }

  @POST
  @Path("{customerId: [0-9]+}/meters")
  @Operation(summary = "Bind a meter to one of the agent's customers: {serial_number, manufacturer_id, meter_type_id,"
      + " tariff_id, connection_group_id, connection_type_id, geo_points?}; a free meter with the serial is taken"
      + " (its fields changed), else one is registered; 201 {data: meter with device}; 422 for a serial in use or a"
      + " customer outside the agent's mini-grid")
  public Response meter(@PathParam("customerId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String serial = b.string("serial_number", true, 1, 191);
    Long manufacturer = b.integer("manufacturer_id", true, 1, JsonBody.MAX_INT);
    Long meterType = b.integer("meter_type_id", true, 1, JsonBody.MAX_INT);
    Long tariff = b.integer("tariff_id", true, 1, JsonBody.MAX_INT);
    Long group = b.integer("connection_group_id", true, 1, JsonBody.MAX_INT);
    Long type = b.integer("connection_type_id", true, 1, JsonBody.MAX_INT);
    String geo = b.string("geo_points", false, 0, 191);
    b.validate();
    Meter m = registrations.assignMeter(miniGrid(), id, new MeterForm(serial, meterType, manufacturer, true, type,
        group, tariff), CustomerRegistrationAppResource.location(geo));
    Map<String, Object> json = DeviceJson.meter(m);
    json.put("device", Json.obj("person_id", id, "device_type", Meter.MORPH, "device_id", m.getId(),
        "device_serial", m.getSerialNumber()));
    return Response.status(201).entity(Json.data(json)).build();
  }

  @GET
  @Path("search")
  @Operation(summary = "The agent's customers whose name, surname, phone or device serial contains ?term, newest"
      + " first: raw paginator, ?paginate (15), ?page")
  public Map<String, Object> search() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false, 0, 191);
    q.validate();
    return page(customers.search(miniGrid(), term, q.page(), q.size("paginate", 15)));
  }

  @GET
  @Path("{customerId: [0-9]+}")
  @Operation(summary = "One of the agent's customers with addresses and devices: {data: person}; 404 for anyone"
      + " outside the agent's mini-grid")
  public Map<String, Object> show(@PathParam("customerId") long id) {
    return Json.data(PersonJson.person(customers.find(miniGrid(), id)));
  }

  @PUT
  @Path("{customerId: [0-9]+}/onboarding")
  @Operation(summary = "Replace a customer's onboarding answers: {answers: [{question, answer?}]} ([] clears them);"
      + " {data: person}")
  public Map<String, Object> onboarding(@PathParam("customerId") long id, String body) {
    String answers = Onboarding.answers(body);
    customers.find(miniGrid(), id);
    return Json.data(PersonJson.person(people.updateOnboarding(id, answers)));
  }

  @GET
  @Path("{customerId: [0-9]+}/documents")
  @Operation(summary = "A customer's uploaded documents, newest first: {data: [...]}")
  public Map<String, Object> documents(@PathParam("customerId") long id) {
    customers.find(miniGrid(), id);
    return Json.data(documents.list(id).stream().map(PersonJson::document).toList());
  }

  @POST
  @Path("{customerId: [0-9]+}/documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a customer document: multipart file (pdf or docx, at most 5 MB) and type; at most 3"
      + " per customer; 201 {data: document}")
  public Response upload(@PathParam("customerId") long id, List<EntityPart> parts) {
    JsonBody fields = JsonBody.fields(FormParts.text(parts));
    Upload file = Uploads.document(storage, fields, FormParts.part(parts, "file"));
    try {
      String type = fields.string("type", true, 0, 255);
      fields.validate();
      customers.find(miniGrid(), id);
      PersonDocument d = documents.upload(id, type, file);
      return Response.status(201).entity(Json.data(PersonJson.document(d))).build();
    } finally {
      storage.discard(file == null ? null : file.file());
    }
  }

  @GET
  @Path("documents/{documentId: [0-9]+}/download")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A customer document's file, as an attachment; 403 for a document of a person outside the"
      + " agent's mini-grid")
  public Response download(@PathParam("documentId") long id) {
    PersonDocument d = customers.document(miniGrid(), id);
    return PersonDocumentsResource.attachment(d, documents.file(d).toFile());
  }

  @PATCH
  @Path("documents/{documentId: [0-9]+}")
  @Operation(summary = "Removed (questionnaire fields moved to the customer's onboarding answers): always 410")
  public Response update(@PathParam("documentId") long id) {
    throw new ApiException(410, "Document questionnaire fields were replaced by customer onboarding answers."
        + " Update the agent app to continue capturing them.");
  }

  @DELETE
  @Path("documents/{documentId: [0-9]+}")
  @Operation(summary = "Delete a customer document and its file: {data: {message: deleted}}; 403 for a document of"
      + " a person outside the agent's mini-grid")
  public Map<String, Object> delete(@PathParam("documentId") long id) {
    customers.deleteDocument(miniGrid(), id);
    return Json.data(Json.message("deleted"));
  }

  @GET
  @Path("{customerId: [0-9]+}/graph/{period}")
  @Operation(summary = "A customer's payments summed by period (D, W, M, else yearly) and payment type: {period:"
      + " {type: amount}}")
  public Map<String, Map<String, Double>> customerGraph(@PathParam("customerId") long id,
      @PathParam("period") String period) {
    return customerGraph(id, period, null, "ASC");
  }

  @GET
  @Path("{customerId: [0-9]+}/graph/{period}/{limit: [0-9]+}")
  @Operation(summary = "As the customer's graph, at most {limit} rows")
  public Map<String, Map<String, Double>> customerGraph(@PathParam("customerId") long id,
      @PathParam("period") String period, @PathParam("limit") String limit) {
    return customerGraph(id, period, limit, "ASC");
  }

  @GET
  @Path("{customerId: [0-9]+}/graph/{period}/{limit: [0-9]+}/{order}")
  @Operation(summary = "As the customer's graph, at most {limit} rows, in {order} (ASC or DESC) of time")
  public Map<String, Map<String, Double>> customerGraph(@PathParam("customerId") long id,
      @PathParam("period") String period, @PathParam("limit") String limit, @PathParam("order") String order) {
    Graph g = parse(period, limit, order);
    customers.find(miniGrid(), id);
    return dashboard.paymentFlows(period, id, miniGrid(), g.limit(), g.descending());
  }

  @GET
  @Path("graph/{period}")
  @Operation(summary = "Payments the agent's mini-grid's customers made through agents, summed by period (D, W, M,"
      + " else yearly) and payment type: {period: {type: amount}}")
  public Map<String, Map<String, Double>> graph(@PathParam("period") String period) {
    return graph(period, null, "ASC");
  }

  @GET
  @Path("graph/{period}/{limit: [0-9]+}")
  @Operation(summary = "As the customers' graph, at most {limit} rows")
  public Map<String, Map<String, Double>> graph(@PathParam("period") String period,
      @PathParam("limit") String limit) {
    return graph(period, limit, "ASC");
  }

  @GET
  @Path("graph/{period}/{limit: [0-9]+}/{order}")
  @Operation(summary = "As the customers' graph, at most {limit} rows, in {order} (ASC or DESC) of time")
  public Map<String, Map<String, Double>> graph(@PathParam("period") String period,
      @PathParam("limit") String limit, @PathParam("order") String order) {
    Graph g = parse(period, limit, order);
    return dashboard.paymentFlows(period, null, miniGrid(), g.limit(), g.descending());
  }

  private record Graph(Integer limit, boolean descending) {}

  private static Graph parse(String period, String limit, String order) {
    Map<String, String> values = new HashMap<>();
    values.put("period", period);
    values.put("limit", limit);
    values.put("order", order);
    JsonBody b = JsonBody.fields(values);
    b.string("period", true, 1, 20);
    Long l = b.integer("limit", false, 1, JsonBody.MAX_INT);
    String o = b.in("order", false, ORDERS);
    b.validate();
    return new Graph(l == null ? null : l.intValue(), "desc".equalsIgnoreCase(o));
  }

  private Map<String, Object> page(Page<PersonView> p) {
    return Paginator.raw(p, p.items().stream().map(PersonJson::person).toList(), uri);
  }

  private long miniGrid() {
    return current.agent().miniGridId();
  }
}
