package org.mpm.plugins.vodacommz.rest;

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
import org.mpm.plugins.vodacommz.VodacomMzService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The company's Vodacom M-Pesa Mozambique account (permission {@code plugins}); the API key is answered masked. */
@Path("vodacom_mz/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class VodacomMzCredentialResource {

  @Inject VodacomMzService vodacom;

  @GET
  @Operation(summary = "The Vodacom MZ credential: {data:{id, api_key, public_key, service_provider_code, live,"
      + " created_at, updated_at}}, API key masked; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(vodacom.credential()));
  }

  @PUT
  @Operation(summary = "Save the Vodacom MZ credential; body {api_key, public_key, service_provider_code, live}")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String apiKey = b.string("api_key", true, 1, 1000);
    String publicKey = b.string("public_key", true, 1, 5000);
    String code = b.string("service_provider_code", true);
    Boolean live = b.bool("live", true);
    b.validate();
    return Json.data(json(vodacom.update(apiKey, publicKey, code, live)));
  }

  static Map<String, Object> json(VodacomMzService.Credential c) {
    return Json.obj("id", c.id(), "api_key", CredentialCipher.mask(c.apiKey()), "public_key", c.publicKey(),
        "service_provider_code", c.serviceProviderCode(), "live", c.live(), "created_at", Json.ts(c.createdAt()),
        "updated_at", Json.ts(c.updatedAt()));
  }
}
