package org.mpm.sms.rest;

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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.sms.SmsAndroidSetting;
import org.mpm.sms.SmsSettingsService;

/**
 * The phones of MPM's legacy Android SMS gateway (MPM's SmsAndroidSettingController); {@code settings}. Every change
 * answers with all phones. A phone's callback points at this server, as the request reached it.
 */
@Path("sms-android-setting")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "SMS")
public class SmsAndroidSettingsResource {

  @Inject SmsSettingsService settings;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The Android gateway phones {data:[{id, url, token, key, callback, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return all(settings.androidSettings());
  }

  @POST
  @Operation(summary = "Add a phone {token}: {data:[all phones]}")
  public Map<String, Object> create(String body) {
    return all(settings.createAndroidSetting(token(body), uri.getBaseUri().toString()));
  }

  @PUT
  @Path("{smsAndroidSetting}")
  @Operation(summary = "Change a phone's token {token}: {data:[all phones]}")
  public Map<String, Object> update(@PathParam("smsAndroidSetting") long id, String body) {
    return all(settings.updateAndroidSetting(id, token(body), uri.getBaseUri().toString()));
  }

  @DELETE
  @Path("{smsAndroidSetting}")
  @Operation(summary = "Remove a phone: {data:[the other phones]}")
  public Map<String, Object> delete(@PathParam("smsAndroidSetting") long id) {
    return all(settings.deleteAndroidSetting(id));
  }

  private static String token(String body) {
    JsonBody b = JsonBody.parse(body);
    String token = b.string("token", true, 1, 191);
    b.validate();
    return token;
  }

  private static Map<String, Object> all(List<SmsAndroidSetting> phones) {
    return Json.data(phones.stream().map(SmsAndroidSettingsResource::json).toList());
  }

  static Map<String, Object> json(SmsAndroidSetting s) {
    return Json.obj("id", s.getId(), "url", s.getUrl(), "token", s.getToken(), "key", s.getKey(),
        "callback", s.getCallback(), "created_at", Json.ts(s.getCreatedAt()), "updated_at", Json.ts(s.getUpdatedAt()));
  }
}
