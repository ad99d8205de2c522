package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.common.ValidationException;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsBulk;
import org.mpm.sms.SmsConversations;
import org.mpm.sms.SmsConversations.Conversation;
import org.mpm.sms.SmsReception;
import org.mpm.sms.SmsService;

/**
 * Messages (MPM's SmsController): conversations, a phone's or a person's messages, people to write to, sending
 * one message, bulk messages and incoming messages; any logged-in user, as MPM.
 */
@Path("sms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "SMS")
public class SmsResource {

  /** The longest message taken: ten concatenated SMS of 160 characters. */
  static final int MAX_MESSAGE = 1600;

  @Inject SmsService sms;
  @Inject SmsConversations conversations;
  @Inject SmsReception reception;
  @Inject SmsBulk bulk;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "Conversations grouped by phone, the latest first, 20 a page: {receiver, total, address:"
      + " {owner: {name, surname, title, is_active}} | null}; ?term keeps phones and people's names containing it")
  public Map<String, Object> list() {
    JsonBody q = JsonBody.query(uri);
    String term = q.string("term", false, 0, 191);
    q.validate();
    Page<Conversation> p = conversations.conversations(term, q.page(), 20);
    return Paginator.raw(p, p.items().stream().map(c -> Json.obj("receiver", c.receiver(), "total", c.total(),
        "address", c.owner() == null ? null : Json.obj("owner", Json.obj("name", c.owner().name(),
            "surname", c.owner().surname(), "title", c.owner().title(), "is_active", c.owner().active()))))
        .toList(), uri);
  }

  @GET
  @Path("{number}")
  @Operation(summary = "The messages to and from the phones of the person {number} (a person id), oldest first")
  public Map<String, Object> ofPerson(@PathParam("number") long personId) {
    return Json.data(conversations.ofPerson(personId).stream().map(SmsResource::row).toList());
  }

  @GET
  @Path("phone/{number}")
  @Operation(summary = "The messages to and from a phone, oldest first")
  public Map<String, Object> byPhone(@PathParam("number") String phone) {
    return Json.data(conversations.byPhone(phone).stream().map(SmsResource::row).toList());
  }

  @GET
  @Path("search/{search}")
  @Operation(summary = "People to write to whose name, surname or primary phone contains {search}: [{id, display,"
      + " phone}]")
  public Map<String, Object> search(@PathParam("search") String term) {
    JsonBody f = JsonBody.fields(Map.of("search", term));
    f.string("search", true, 1, 191);
    f.validate();
    return Json.data(conversations.search(term).stream()
        .map(r -> Json.obj("id", r.id(), "display", r.display(), "phone", r.phone())).toList());
  }

  @POST
  @Operation(summary = "An incoming message {sender, message}: kept in the sender's conversation; the resend keyword"
      + " sends the last token of the device named by its last word back, 'ticket …' from a maintenance person"
      + " comments on the person's open ticket")
  public Map<String, Object> incoming(String body) {
    JsonBody b = JsonBody.parse(body);
    String sender = b.string("sender", true, 1, 191);
    String message = b.string("message", true, 1, MAX_MESSAGE);
    b.validate();
    Sms s = reception.receive(sender, message);
    return Json.data(Json.obj("receiver", s.getReceiver(), "body", s.getBody(), "direction", s.getDirection(),
        "sender_id", s.getSenderId(), "status", s.getStatus(), "updated_at", Json.ts(s.getUpdatedAt()),
        "created_at", Json.ts(s.getCreatedAt()), "id", s.getId()));
  }

  @POST
  @Path("bulk")
  @Operation(summary = "One message to many: {type: person|group|type|all, receivers (phones for person, connection"
      + " group or type ids for group/type), message, senderId?, miniGrid? (0: all)}; each phone gets one queued"
      + " message: {queued, failed, failed_receivers}")
  public Map<String, Object> bulk(String body) {
    JsonBody b = JsonBody.parse(body);
    String type = b.in("type", true, SmsBulk.TYPES);
    String message = b.string("message", true, 1, MAX_MESSAGE);
    Long senderId = b.integer("senderId", false, 1, JsonBody.MAX_INT);
    Long miniGrid = b.integer("miniGrid", false, 0, JsonBody.MAX_INT);
    JsonArray receivers = b.array("receivers", !"all".equals(type));
    List<String> phones = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    if (receivers != null) {
      for (JsonValue v : receivers) {
        JsonValue item = v instanceof JsonObject o && o.containsKey("id") ? o.get("id") : v;
        if (item instanceof JsonString s && "person".equals(type)) {
          phones.add(s.getString());
        } else if (item instanceof JsonNumber n && n.isIntegral() && !"person".equals(type)) {
          ids.add(n.longValue());
        } else if (item instanceof JsonString s && s.getString().matches("[0-9]{1,9}")) {
          ids.add(Long.parseLong(s.getString()));
        } else {
          b.error("receivers", "The receivers field must contain " + ("person".equals(type) ? "phone numbers."
              : "ids."));
          break;
        }
      }
      if (receivers.isEmpty() && !"all".equals(type)) {
        b.error("receivers", "The receivers field is required.");
      }
    }
    b.validate();
    SmsBulk.Queued q = bulk.send(type, phones, ids, message, senderId, miniGrid);
    return Json.data(Json.obj("queued", q.queued(), "failed", q.failed(), "failed_receivers", q.failedReceivers()));
  }

  /** A message row as MPM's Eloquent JSON. */
  static Map<String, Object> row(Sms s) {
    return Json.obj("id", s.getId(), "receiver", s.getReceiver(), "trigger_type", s.getTriggerType(),
        "trigger_id", s.getTriggerId(), "body", s.getBody(), "status", s.getStatus(), "uuid", s.getUuid(),
        "sender_id", s.getSenderId(), "created_at", Json.ts(s.getCreatedAt()), "updated_at", Json.ts(s.getUpdatedAt()),
        "direction", s.getDirection(), "gateway_id", s.getGatewayId(), "error_message", s.getErrorMessage(),
        "attempts", s.getAttempts());
  }

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
