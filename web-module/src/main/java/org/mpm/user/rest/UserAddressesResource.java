package org.mpm.user.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.customer.AddressForm;
import org.mpm.customer.PersonView.AddressView;
import org.mpm.customer.rest.PersonJson;
import org.mpm.rest.CurrentUser;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.user.UserAddresses;
import org.mpm.user.UserView;

/**
 * A user's address (MPM's UserAddressController, with CreateAddressRequest's rules: {@code city_id} required, the
 * phone in international form). MPM routes {@code GET} to a controller method that does not exist (500); here it
 * shows the address.
 */
@Path("users/{user}/addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Users")
public class UserAddressesResource {

  @Inject UserAddresses addresses;
  @Inject CurrentUser current;

  @GET
  @Operation(summary = "The user's address with its city ({data: []} when it has none); yourself, or anyone with the"
      + " users permission")
  public Map<String, Object> show(@PathParam("user") long id) {
    AddressView address = addresses.show(current.principal(), id);
    return Json.data(address == null ? null : PersonJson.address(address));
  }

  @POST
  @RequiresPermission("users")
  @Operation(summary = "Set a user's name and address; body {name?, phone? (international, e.g. +255713000001),"
      + " street?, city_id}; returns the user with address_details. An owner's or admin's needs"
      + " users.manage-owner / users.manage-admin")
  public Map<String, Object> store(@PathParam("user") long id, String body) {
    return save(id, body);
  }

  @PUT
  @Operation(summary = "Set the name and address of yourself, or of a user you may change; body {name?, phone?"
      + " (international), street?, city_id}; returns the user with address_details")
  public Map<String, Object> update(@PathParam("user") long id, String body) {
    return save(id, body);
  }

  private Map<String, Object> save(long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 1, 191);
    String phone = b.phone("phone", false, 0);
    String street = b.string("street", false, 0, 191);
    Long city = b.integer("city_id", true, 1, JsonBody.MAX_INT);
    b.validate();
    UserView u = addresses.save(current.principal(), id, name, new AddressForm(null, phone, street, city, null));
    return Json.data(Json.obj("id", u.id(), "name", u.name(), "company_id", u.companyId(), "email", u.email(),
        "created_at", Json.ts(u.createdAt()), "updated_at", Json.ts(u.updatedAt()),
        "address_details", PersonJson.address(u.address())));
  }
}
