package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.ValidationException;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsService;

/** Sending a message by hand (MPM's SmsController@storeAndSend); any logged-in user. */
@Path("sms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "SMS")
public class SmsResource {

  /** The longest message taken: ten concatenated SMS of 160 characters. */
  static final int MAX_MESSAGE = 1600;

  @Inject SmsService sms;

  @POST
  @Path("storeandsend")
  @Operation(summary = "Send {message} to the primary phone of {person_id} or to {phone}; the sms row")
  public Map<String, Object> storeAndSend(String body) {
    JsonBody b = JsonBody.parse(body);
    String message = b.string("message", true, 1, MAX_MESSAGE);
    boolean hasPhone = b.has("phone");
    Long personId = null;
    if (!b.has("person_id")) {
      if (!hasPhone) {
        b.error("person_id", "The person id field is required when none of phone are present.");
      }
    } else {
      personId = b.integer("person_id", false);
    }
    String phone = hasPhone ? b.string("phone", false) : null;
    Long senderId = b.integer("senderId", false, 1, JsonBody.MAX_INT);
    b.validate();
    String receiver = null;
    if (personId != null) {
      receiver = sms.primaryPhone(personId);
    }
    if (receiver == null || receiver.isEmpty()) {
      receiver = phone;
    }
    if (receiver == null || receiver.isEmpty()) {
      throw ValidationException.field("phone", "Phone number is required for sending SMS.");
    }
    Sms s = sms.sendManual(receiver, message, senderId);
    return Json.data(Json.obj("receiver", s.getReceiver(), "body", s.getBody(), "direction", s.getDirection(),
        "sender_id", s.getSenderId(), "status", s.getStatus(), "updated_at", Json.ts(s.getUpdatedAt()),
        "created_at", Json.ts(s.getCreatedAt()), "id", s.getId(), "uuid", s.getUuid(),
        "gateway_id", s.getGatewayId()));
  }
}
