package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.sms.SmsResendInformationKey;
import org.mpm.sms.SmsSettingsService;

/** The word customers text to get their last token again (MPM's SmsResendInformationKeyController); settings. */
@Path("sms-resend-information-key")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "SMS")
public class SmsResendInformationKeysResource {

  @Inject SmsSettingsService settings;

  @GET
  @Operation(summary = "The resend keywords {data:[{id, key, created_at, updated_at}]} (one, Resend by default)")
  public Map<String, Object> list() {
    return Json.data(settings.resendKeys().stream().map(SmsResendInformationKeysResource::json).toList());
  }

  @PUT
  @Path("{smsResendInformationKey}")
  @Operation(summary = "Change the resend keyword {key}: {data:{id, key, created_at, updated_at}}")
  public Map<String, Object> update(@PathParam("smsResendInformationKey") long id, String body) {
    JsonBody b = JsonBody.parse(body);
    String key = b.string("key", true, 1, 191);
    b.validate();
    return Json.data(json(settings.updateResendKey(id, key)));
  }

  static Map<String, Object> json(SmsResendInformationKey k) {
    return Json.obj("id", k.getId(), "key", k.getKey(), "created_at", Json.ts(k.getCreatedAt()),
        "updated_at", Json.ts(k.getUpdatedAt()));
  }
}
