package org.mpm.device.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.device.Manufacturer;
import org.mpm.device.ManufacturerService;
import org.mpm.device.ManufacturerService.ManufacturerForm;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;

/** Device manufacturers (MPM's ManufacturerController); {@code api_name} is never shown. */
@Path("manufacturers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Manufacturers")
public class ManufacturersResource {

  static final List<String> TYPES = List.of("meter", "shs", "e-bike");

  @Inject ManufacturerService manufacturers;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Manufacturers: all as {data: […]}, or a raw paginator with ?per_page; ?type (meter|shs|e-bike)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    String t = q.string("type", false);
    q.validate();
    return Paginator.allOrPage(q, "per_page",
        () -> manufacturers.all(t), (page, size) -> manufacturers.page(t, page, size),
        l -> l.stream().map(MeterJson::manufacturer).toList(), uri);
  }

  @GET
  @Path("{manufacturerId: [0-9]+}")
  @Operation(summary = "A manufacturer with address.city.country")
  public Map<String, Object> show(@PathParam("manufacturerId") long id) {
    return Json.data(MeterJson.manufacturer(manufacturers.show(id)));
  }

  @POST
  @Operation(summary = "Create a manufacturer with its address: {name, type? (meter|shs|e-bike), contact_person?"
      + " (min 3), website? (min 6), api_name?, email?, phone?, street?, city_id?}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, 191);
    String type = b.in("type", false, TYPES);
    String phone = b.string("phone", false, 0, 191);
    String email = b.email("email", false);
    String contact = b.string("contact_person", false, 3, 191);
    String website = b.string("website", false, 6, 191);
    Long city = b.integer("city_id", false);
    String street = b.string("street", false, 0, 191);
    String address = b.string("address", false, 0, 191);
    String apiName = b.string("api_name", false, 0, 100);
    b.validate();
    Manufacturer m = manufacturers.create(new ManufacturerForm(name, type, contact, website, apiName, email, phone,
        street != null ? street : address, city, null));
    return Response.status(201).entity(Json.data(MeterJson.manufacturer(m))).build();
  }
}
