package org.mpm.geography.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.geography.GeographyService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;

/** Countries of the company's database. */
@Path("countries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Geography")
public class CountriesResource {

  @Inject GeographyService geography;

  @GET
  @Operation(summary = "List countries: {data:[{id, country_code, country_name, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(geography.countries().stream().map(GeographyJson::country).toList());
  }

  @GET
  @Path("{code}")
  @Operation(summary = "A country by its country_code (e.g. TZ), as MPM binds the route")
  public Map<String, Object> show(@PathParam("code") String code) {
    return Json.data(GeographyJson.country(geography.country(code)));
  }

  @POST
  @Operation(summary = "Create a country; body {country_name, country_code (min 2)}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("country_name", true, 1, 191);
    String code = b.string("country_code", true, 2, 191);
    b.validate();
    return Response.status(201).entity(Json.data(GeographyJson.country(geography.createCountry(name, code))))
        .build();
  }
}
