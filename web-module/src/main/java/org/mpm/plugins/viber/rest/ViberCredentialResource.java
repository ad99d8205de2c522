package org.mpm.plugins.viber.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugins.viber.ViberCredentials;
import org.mpm.plugins.viber.ViberCredentials.Credential;
import org.mpm.plugins.viber.ViberSetup;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The company's Viber bot (permission {@code plugins}); the token is answered masked. */
@Path("viber-messaging/viber-credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class ViberCredentialResource {

  @Inject ViberCredentials credentials;
  @Inject ViberSetup setup;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The Viber credential: {data:{id, api_token (masked), webhook_url, has_webhook_created,"
      + " deep_link, created_at, updated_at}}; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.show()));
  }

  @PUT
  @Operation(summary = "Save the bot's token; body {api_token}. Viber is then asked to call the company's webhook"
      + " (has_webhook_created tells whether it accepted) and for the deep link customers register with")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String token = b.string("api_token", true, 1, 1000);
    b.validate();
    String base = uri.getBaseUri().toString().replaceAll("/api/?$", "").replaceAll("/$", "");
    return Json.data(json(setup.save(token, base)));
  }

  static Map<String, Object> json(Credential c) {
    return Json.obj("id", c.id(), "api_token", CredentialCipher.mask(c.apiToken()), "webhook_url", c.webhookUrl(),
        "has_webhook_created", c.hasWebhookCreated(), "deep_link", c.deepLink(),
        "created_at", Json.ts(c.createdAt()), "updated_at", Json.ts(c.updatedAt()));
  }
}
