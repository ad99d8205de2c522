package org.mpm.plugins.viber.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.ApiException;
import org.mpm.common.NotFoundException;
import org.mpm.plugin.HexHmac;
import org.mpm.plugins.viber.ViberCredentials;
import org.mpm.plugins.viber.ViberWebhook;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.tenancy.WebhookTenant;

/**
 * The Viber bot's webhook for the company {slug} (public, as in MPM): the {@code X-Viber-Content-Signature} header
 * must be the hex HMAC-SHA256 of the raw body under the bot's token before anything else is read. Events:
 * {@code message} (registration or an incoming message), {@code delivered} / {@code seen} / {@code failed} (the
 * message with that token); {@code conversation_started} is answered with the bot's welcome message (Viber shows
 * it to the user, as MPM's bot answers "Can I help you?"); the others ({@code webhook}, {@code subscribed} …) are
 * acknowledged.
 */
@Path("viber-messaging/webhook/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "Plugins")
public class ViberWebhookResource {

  @Inject WebhookTenant webhookTenant;
  @Inject ViberCredentials credentials;
  @Inject ViberWebhook webhook;

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Operation(summary = "A Viber callback for the company {slug}, signed (X-Viber-Content-Signature): {success:"
      + " success}, or the welcome message {sender, type, text} for conversation_started; 401 for a wrong or"
      + " missing signature, 404 for an unknown company, 403 if the plugin is not enabled")
  public Map<String, Object> event(@PathParam("slug") String slug,
      @HeaderParam("X-Viber-Content-Signature") String signature, byte[] raw) {
    if (!webhookTenant.enter(slug)) {
      throw new NotFoundException("Not found");
    }
    String token = credentials.token().orElse(null);
    byte[] body = raw == null ? new byte[0] : raw;
    if (!HexHmac.SHA256.valid(body, signature, token)) {
      throw new ApiException(401, "Invalid signature.");
    }
    JsonBody b = JsonBody.parse(new String(body, StandardCharsets.UTF_8));
    String event = b.string("event", true, 1, 191);
    b.validate();
    switch (event) {
      case "message" -> {
        JsonBody sender = b.object("sender", true);
        JsonBody message = b.object("message", true);
        b.validate();
        String id = sender.string("id", true, 1, 191);
        String name = sender.string("name", false, 0, 191);
        sender.validate();
        String text = message.string("text", false, 0, 5000);
        message.validate();
        if (text != null && !text.isBlank()) {
          webhook.message(token, id, name, text);
        }
      }
      case "delivered", "seen", "failed" -> {
        JsonValue messageToken = b.raw("message_token");
        if (messageToken != null && messageToken != JsonValue.NULL) {
          webhook.delivery(messageToken.toString().replace("\"", ""), !"failed".equals(event));
        }
      }
      case "conversation_started" -> {
        // Viber's welcome message is the callback's answer
        ViberWebhook.Welcome w = webhook.welcome();
        return Json.obj("sender", Json.obj("name", w.senderName(), "avatar", w.senderAvatar()),
            "min_api_version", 1, "type", "text", "text", w.text());
      }
      default -> {
        // webhook, subscribed, unsubscribed: nothing to record
      }
    }
    return Json.obj("success", "success");
  }
}
