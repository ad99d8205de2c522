package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.Json;
import org.mpm.sms.SmsBody;
import org.mpm.sms.SmsService;

/** The SMS templates (MPM's SmsBodyController@index); any logged-in user. */
@Path("sms-body")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMS")
public class SmsBodiesResource {

  @Inject SmsService sms;

  @GET
  @Operation(summary = "All SMS templates {data:[…]} in id order")
  public Map<String, Object> list() {
    return Json.data(sms.bodies().stream().map(SmsBodiesResource::body).toList());
  }

  static Map<String, Object> body(SmsBody b) {
    return Json.obj("id", b.getId(), "reference", b.getReference(), "title", b.getTitle(), "body", b.getBody(),
        "place_holder", b.getPlaceHolder(), "variables", b.getVariables(), "created_at", Json.ts(b.getCreatedAt()),
        "updated_at", Json.ts(b.getUpdatedAt()));
  }
}
