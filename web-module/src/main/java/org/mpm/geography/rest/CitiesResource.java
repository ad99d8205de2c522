package org.mpm.geography.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.geography.City;
import org.mpm.geography.GeographyService;
import org.mpm.geography.GeographyService.CityView;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/** Cities and villages (MPM's CityController); a village belongs to a mini-grid and has a Point location. */
@Path("cities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Geography")
public class CitiesResource {

  @Inject GeographyService geography;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List villages with location, mini_grid (and its cluster) and country;"
      + " ?limit=n (or ?per_page=n) paginates (Laravel paginator, ?page), without it {data:[…]}")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    return Paginator.allOrPage(q, q.has("limit") ? "limit" : "per_page",
        () -> geography.cities(null), geography::citiesPage,
        l -> geography.cityViews(l).stream().map(GeographyJson::city).toList(), uri);
  }

  @GET
  @Path("{cityId}")
  @Operation(summary = "A village; ?relation=1 adds location and country")
  public Map<String, Object> show(@PathParam("cityId") long id) {
    if (!GeographyJson.withRelation(JsonBody.query(uri))) {
      return Json.data(GeographyJson.city(geography.city(id)));
    }
    CityView v = geography.cityView(id);
    Map<String, Object> m = GeographyJson.city(v.city());
    m.put("location", GeographyJson.location(v.location()));
    m.put("country", GeographyJson.country(v.country()));
    return Json.data(m);
  }

  @POST
  @RequiresPermission("settings")
  @Operation(summary = "Create a village; body {name, mini_grid_id, country_id, geo_json: GeoJSON Feature Point"
      + " [lng, lat]}; 201")
  public Response create(String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", true, 1, 191);
    Long miniGridId = b.integer("mini_grid_id", true);
    Long countryId = b.integer("country_id", true);
    String geo = b.point("geo_json", true);
    b.validate();
    City c = geography.createCity(name, miniGridId, countryId, geo);
    return Response.status(201).entity(Json.data(GeographyJson.city(geography.cityView(c.getId())))).build();
  }

  @PUT
  @Path("{cityId}")
  @RequiresPermission("settings")
  @Operation(summary = "Update a village; body {name?, mini_grid_id?, country_id?, geo_json?}")
  public Map<String, Object> update(@PathParam("cityId") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String name = b.string("name", false, 1, 191);
    Long miniGridId = b.integer("mini_grid_id", false);
    Long countryId = b.integer("country_id", false);
    String geo = b.point("geo_json", false);
    b.validate();
    geography.updateCity(id, name, miniGridId, countryId, geo);
    return Json.data(GeographyJson.city(geography.cityView(id)));
  }

  @DELETE
  @Path("{cityId}")
  @RequiresPermission("settings")
  @Operation(summary = "Soft-delete a village: {message: \"Village deleted.\"}")
  public Map<String, Object> delete(@PathParam("cityId") long id) {
    geography.deleteCity(id);
    return Json.message("Village deleted.");
  }
}
