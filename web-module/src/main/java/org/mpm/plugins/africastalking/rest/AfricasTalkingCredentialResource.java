package org.mpm.plugins.africastalking.rest;

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
import org.mpm.plugins.africastalking.AfricasTalkingCredentials;
import org.mpm.plugins.africastalking.AfricasTalkingCredentials.Credential;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The company's Africa's Talking account (permission {@code plugins}); the API key is answered masked. */
@Path("africas-talking/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class AfricasTalkingCredentialResource {

  @Inject AfricasTalkingCredentials credentials;

  @GET
  @Operation(summary = "The Africa's Talking credential: {data:{id, api_key (masked), username, short_code,"
      + " created_at, updated_at}}; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.show()));
  }

  @PUT
  @Operation(summary = "Save the Africa's Talking credential; body {api_key, username, short_code}, all required")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String apiKey = b.string("api_key", true, 1, 1000);
    String username = b.string("username", true, 1, 191);
    String shortCode = b.string("short_code", true, 1, 191);
    b.validate();
    return Json.data(json(credentials.update(apiKey, username, shortCode)));
  }

  static Map<String, Object> json(Credential c) {
    return Json.obj("id", c.id(), "api_key", CredentialCipher.mask(c.apiKey()), "username", c.username(),
        "short_code", c.shortCode(), "created_at", Json.ts(c.createdAt()), "updated_at", Json.ts(c.updatedAt()));
  }
}
