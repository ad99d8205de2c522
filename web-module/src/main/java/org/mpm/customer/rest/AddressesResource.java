package org.mpm.customer.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.customer.AddressForm;
import org.mpm.customer.PersonAddresses;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/**
 * Addresses (MPM's AddressController). MPM routes {@code POST} and {@code PUT} to controller methods that do not
 * exist (500); here they create and change a person's address as the person routes do.
 */
@Path("addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Customers")
public class AddressesResource {

  @Inject PersonAddresses people;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Every address of the company with its city: {data: [...]}; ?per_page (or ?limit) pages it"
      + " (Laravel paginator)")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, q.has("per_page") ? "per_page" : "limit",
        () -> people.allAddresses(null, null).items(), people::allAddresses,
        l -> l.stream().map(PersonJson::address).toList(), uri);
  }

  @GET
  @Path("{id: [0-9]+}")
  @Operation(summary = "An address with its city")
  public Map<String, Object> show(@PathParam("id") long id) {
    return Json.data(PersonJson.address(people.address(id)));
  }

  @POST
  @RequiresPermission("customers")
  @Operation(summary = "Add an address to a person; body {person_id, email?, phone?, street?, city_id?,"
      + " is_primary?}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    Long person = b.integer("person_id", true);
    AddressForm address = AddressFields.read(b);
    b.validate();
    return Response.status(201).entity(Json.data(PersonJson.address(people.addAddress(person, address)))).build();
  }

  @PUT
  @Path("{id: [0-9]+}")
  @RequiresPermission("customers")
  @Operation(summary = "Change a person's address; body {email?, phone?, street?, city_id?, is_primary?}")
  public Map<String, Object> update(@PathParam("id") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    AddressForm address = AddressFields.read(b);
    b.validate();
    return Json.data(PersonJson.address(people.updateAddress(people.personOf(id), id, address)));
  }
}
