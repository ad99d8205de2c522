package org.mpm.plugins.mesomb.rest;

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
import org.mpm.plugins.mesomb.MesombCredentials;
import org.mpm.plugins.mesomb.MesombCredentials.Credential;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The secret MeSomb signs the company's webhooks with (permission {@code plugins}); answered masked. */
@Path("mesomb/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class MesombCredentialResource {

  @Inject MesombCredentials credentials;

  @GET
  @Operation(summary = "The MeSomb webhook credential: {data:{id, webhook_secret (masked), created_at,"
      + " updated_at}}; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.show()));
  }

  @PUT
  @Operation(summary = "Save the MeSomb webhook secret; body {webhook_secret}")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String secret = b.string("webhook_secret", true, 1, 1000);
    b.validate();
    return Json.data(json(credentials.update(secret)));
  }

  static Map<String, Object> json(Credential c) {
    return Json.obj("id", c.id(), "webhook_secret", CredentialCipher.mask(c.webhookSecret()), "created_at",
        Json.ts(c.createdAt()), "updated_at", Json.ts(c.updatedAt()));
  }
}
