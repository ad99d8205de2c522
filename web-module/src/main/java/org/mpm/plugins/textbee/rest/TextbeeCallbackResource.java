package org.mpm.plugins.textbee.rest;

import jakarta.inject.Inject;
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
import org.mpm.plugins.textbee.TextbeeCredentials;
import org.mpm.plugins.textbee.TextbeeReception;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.tenancy.WebhookTenant;

/**
 * TextBee's webhook for the company {slug} (public, as in MPM): the {@code x-signature} header must be the hex
 * HMAC-SHA256 of the raw body under the company's webhook secret before anything else is read; then a received
 * message ({@code sender}, {@code message}) goes to the company's inbox, once by TextBee's {@code smsId} (the poll
 * may find the same message). Other webhook events are acknowledged and left alone.
 */
@Path("textbee-sms-gateway/callback/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "Plugins")
public class TextbeeCallbackResource {

  @Inject WebhookTenant webhookTenant;
  @Inject TextbeeCredentials credentials;
  @Inject TextbeeReception reception;

  @POST
  @Path("incoming-messages")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Operation(summary = "A TextBee webhook for the company {slug}, signed (x-signature); a MESSAGE_RECEIVED event"
      + " {sender, message} is stored as an incoming message; {status: success}; 401 {status: unauthorized} for a"
      + " wrong or missing signature (or no secret set), 404 for an unknown company, 403 if the plugin is not"
      + " enabled")
  public Map<String, Object> incoming(@PathParam("slug") String slug, @HeaderParam("x-signature") String signature,
      byte[] raw) {
    if (!webhookTenant.enter(slug)) {
      throw new NotFoundException("Not found");
    }
    String secret = credentials.webhookSecret().orElse(null);
    if (!HexHmac.SHA256.valid(raw == null ? new byte[0] : raw, signature, secret)) {
      throw new Unauthorized();
    }
    JsonBody b = JsonBody.parse(new String(raw, StandardCharsets.UTF_8));
    String event = b.string("webhookEvent", false, 1, 191);
    boolean received = event == null || "MESSAGE_RECEIVED".equals(event);
    String sender = b.string("sender", received, 1, 191);
    String message = b.string("message", received, 1, 5000);
    String smsId = b.string("smsId", false, 1, 64);
    String receivedAt = b.string("receivedAt", false, 1, 64);
    b.validate();
    if (received) {
      reception.receive(smsId, sender, message, receivedAt);
    }
    return Json.obj("status", "success");
  }

  /** TextBee's refusal as MPM answers it: 401 {@code {"status": "unauthorized"}}. */
  static final class Unauthorized extends ApiException {
    private static final long serialVersionUID = 1L;

    Unauthorized() {
      super(401, "unauthorized");
    }

    @Override
    public Map<String, Object> body() {
      return Json.obj("status", "unauthorized");
    }
  }
}
