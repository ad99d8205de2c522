package org.mpm.customer.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.customer.PersonForm;
import org.mpm.customer.PersonService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/** Maintenance persons (MPM's MaintenanceUserController): people of type {@code maintenance}. */
@Path("maintenance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Customers")
public class MaintenanceResource {

  static final List<String> SEXES = List.of("male", "female");
  static final Pattern PHONE = Pattern.compile("\\+[0-9]+");

  @Inject PersonService people;

  @GET
  @Operation(summary = "Every maintenance person: {data: [person]}")
  public Map<String, Object> list() {
    return Json.data(people.maintenanceUsers().stream().map(PersonJson::person).toList());
  }

  @POST
  @Path("user")
  @Operation(summary = "Find the person with this phone and make it a maintenance person, or create one; body"
      + " {name, surname (min 3), phone (+ and digits, min 11), title?, birth_date? (Y-m-d), sex? (male|female),"
      + " education?, city_id?, street?, email?, nationality? (country code), mini_grid_id?}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String title = b.string("title", false, 0, 50);
    String name = b.string("name", true, 3, 60);
    String surname = b.string("surname", true, 3, 60);
    LocalDate birthDate = b.ymd("birth_date", false);
    String sex = b.in("sex", false, SEXES);
    String education = b.string("education", false, 3, 90);
    Long city = b.integer("city_id", false);
    String street = b.string("street", false, 3, 191);
    String email = b.email("email", false);
    // at least 11 characters, then + and digits
    String phone = b.string("phone", true, 11, 191) == null ? null : b.matching("phone", true, PHONE);
    String nationality = b.string("nationality", false, 0, 191);
    Long miniGrid = b.integer("mini_grid_id", false);
    b.validate();
    PersonForm form = new PersonForm(title, education, name, surname, birthDate, sex, 0, 1, "maintenance", miniGrid,
        city, street, email, phone, nationality);
    return Response.status(201).entity(Json.data(PersonJson.person(people.maintenanceUser(form)))).build();
  }
}
