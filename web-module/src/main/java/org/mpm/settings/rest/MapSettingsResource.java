package org.mpm.settings.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.RequiresPermission;
import org.mpm.rest.RouteModel;
import org.mpm.settings.BingMaps;
import org.mpm.settings.MapSettings;
import org.mpm.settings.MapSettingsService;

/**
 * The web console's map defaults and the check of a Bing Maps key (MPM's MapSettingsController). Any logged-in user
 * reads them (every map of the console opens on them); changing them and checking a key take {@code settings}.
 */
@Path("map-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Settings")
public class MapSettingsResource {

  /** A Bing Maps key: letters, digits, {@code -} and {@code _} (Bing's are 64 of them). */
  private static final Pattern BING_KEY = Pattern.compile("[A-Za-z0-9_-]{1,191}");

  @Inject MapSettingsService maps;
  @Inject BingMaps bing;

  @GET
  @Operation(summary = "The map settings {data:[{id, zoom, latitude, longitude, provider, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(maps.all().stream().map(SettingsJson::map).toList());
  }

  @PUT
  @Path("{mapSettings}")
  @RequiresPermission("settings")
  @Operation(summary = "Set the map settings {zoom (0–20), latitude, longitude, provider? (Bing Maps | Open Street"
      + " Map)}: {data:[settings]}; a company without map settings gets them with this id")
  public Map<String, Object> update(@PathParam("mapSettings") String segment, String body) {
    long id = RouteModel.id(segment, MapSettingsService.MODEL);
    if (id < 1 || id > JsonFields.MAX_INT) {
      throw NotFoundException.model(MapSettingsService.MODEL, segment);
    }
    JsonBody b = JsonBody.parse(body);
    Long zoom = b.integer("zoom", true, 0, MapSettings.ZOOM_MAX);
    Double latitude = b.latitude("latitude", true);
    Double longitude = b.longitude("longitude", true);
    String provider = b.in("provider", false, MapSettings.PROVIDERS);
    b.validate();
    return Json.data(List.of(SettingsJson.map(maps.save(id, zoom.intValue(), latitude, longitude, provider))));
  }

  @GET
  @Path("key/{key}")
  @RequiresPermission("settings")
  @Operation(summary = "Ask Bing Maps whether a key is valid: {data:{authentication: true|false}}; 502 when Bing"
      + " cannot be reached or gives no answer")
  public Map<String, Object> checkBingKey(@PathParam("key") String key) {
    JsonBody k = JsonBody.fields(Map.of("key", key));
    String valid = k.matching("key", true, BING_KEY);
    k.validate();
    return Json.data(Json.obj("authentication", bing.validKey(valid)));
  }
}
