package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.rest.Public;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsCallbacks;

/**
 * The Android SMS gateway's reports (MPM's {@code sms-android-callback} routes, without authentication as in MPM):
 * the phone app calls back with the uuid of a message and the company id. Every call is answered 200 with an empty
 * JSON object, whether the company issued the uuid or not, so a caller learns nothing about other companies'
 * messages.
 */
@Path("sms-android-callback/{uuid}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "SMS")
public class SmsAndroidCallbacksResource {

  @Inject SmsCallbacks callbacks;

  @GET
  @Path("delivered/{slug}")
  @Operation(summary = "The message {uuid} of the company {slug} was delivered (status 2); 200 {}")
  public Map<String, Object> delivered(@PathParam("uuid") String uuid, @PathParam("slug") String company) {
    callbacks.report(company, uuid, Sms.STATUS_DELIVERED);
    return Json.obj();
  }

  @GET
  @Path("failed/{slug}")
  @Operation(summary = "The message {uuid} of the company {slug} could not be sent (status -1); 200 {}")
  public Map<String, Object> failed(@PathParam("uuid") String uuid, @PathParam("slug") String company) {
    callbacks.report(company, uuid, Sms.STATUS_FAILED);
    return Json.obj();
  }

  @GET
  @Path("sent/{slug}")
  @Operation(summary = "The message {uuid} of the company {slug} was sent (status 1); 200 {}")
  public Map<String, Object> sent(@PathParam("uuid") String uuid, @PathParam("slug") String company) {
    callbacks.report(company, uuid, Sms.STATUS_SENT);
    return Json.obj();
  }
}
