package org.mpm.sms.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.rest.BadRequestBody;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.JsonFields;
import org.mpm.rest.RequiresPermission;
import org.mpm.sms.SmsBody;
import org.mpm.sms.SmsService;
import org.mpm.sms.SmsSettingsService;
import org.mpm.sms.SmsSettingsService.BodyChange;

/** The SMS templates (MPM's SmsBodyController); {@code settings} permission. */
@Path("sms-body")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("settings")
@Tag(name = "SMS")
public class SmsBodiesResource {

  /** The length of the {@code body} column. */
  static final int BODY_MAX = 191;

  @Inject SmsService sms;
  @Inject SmsSettingsService settings;

  @GET
  @Operation(summary = "All SMS templates {data:[…]} in id order")
  public Map<String, Object> list() {
    return Json.data(sms.bodies().stream().map(SmsBodiesResource::body).toList());
  }

  @PUT
  @Operation(summary = "Change the texts of templates: body [[{id, body}]] as the console sends it (or [{id, body}]);"
      + " body at most 191 characters, empty for none; {data:[all templates]}")
  public Map<String, Object> update(String body) {
    JsonValue root = JsonBody.parseValue(body);
    if (!(root instanceof JsonArray array)) {
      throw new BadRequestBody(400, "The request body must be a JSON array.");
    }
    List<JsonBody> items;
    JsonBody reader;
    boolean nested = !array.isEmpty() && array.get(0) instanceof JsonArray;
    if (nested) {
      // The console's shape: the list of changed templates inside a list (MPM reads the first element).
      reader = JsonBody.of(JsonProvider.provider().createObjectBuilder().add("0", array.get(0)).build());
      items = reader.list("0", false, JsonFields.MAX_ITEMS);
    } else {
      reader = JsonBody.parseArray(body);
      items = reader.items(JsonFields.MAX_ITEMS);
    }
    List<BodyChange> changes = new ArrayList<>();
    for (int i = 0; i < (items == null ? 0 : items.size()); i++) {
      JsonBody item = items.get(i);
      Long id = item.integer("id", true, 1, JsonFields.MAX_INT);
      item.mustBePresent("body");
      String text = item.string("body", false, 0, BODY_MAX);
      if (id != null) {
        changes.add(new BodyChange((nested ? "0." : "") + i + ".id", id, text));
      }
    }
    reader.validate();
    return Json.data(settings.updateBodies(changes).stream().map(SmsBodiesResource::body).toList());
  }

  static Map<String, Object> body(SmsBody b) {
    return Json.obj("id", b.getId(), "reference", b.getReference(), "title", b.getTitle(), "body", b.getBody(),
        "place_holder", b.getPlaceHolder(), "variables", b.getVariables(), "created_at", Json.ts(b.getCreatedAt()),
        "updated_at", Json.ts(b.getUpdatedAt()));
  }
}
