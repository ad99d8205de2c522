package org.mpm.plugins.textbee.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugins.textbee.TextbeeCredentials;
import org.mpm.plugins.textbee.TextbeeCredentials.Credential;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The company's TextBee account (permission {@code plugins}); API key and webhook secret are answered masked. */
@Path("textbee-sms-gateway/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class TextbeeCredentialResource {

  @Inject TextbeeCredentials credentials;

  @GET
  @Operation(summary = "The TextBee credential: {data:{id, api_key (masked), device_id, webhook_secret (masked),"
      + " created_at, updated_at}}; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.show()));
  }

  @PUT
  @Operation(summary = "Save the TextBee credential; body {api_key, device_id, webhook_secret?}")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String apiKey = b.string("api_key", true, 1, 1000);
    String deviceId = b.string("device_id", true, 1, 191);
    String secret = b.string("webhook_secret", false, 1, 1000);
    b.validate();
    return Json.data(json(credentials.update(apiKey, deviceId, secret)));
  }

  static Map<String, Object> json(Credential c) {
    return Json.obj("id", c.id(), "api_key", CredentialCipher.mask(c.apiKey()), "device_id", c.deviceId(),
        "webhook_secret", CredentialCipher.mask(c.webhookSecret()), "created_at", Json.ts(c.createdAt()),
        "updated_at", Json.ts(c.updatedAt()));
  }
}
