package org.mpm.plugins.wavemoney.rest;

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
import org.mpm.plugins.wavemoney.WaveMoneyService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The company's Wave Money merchant account (permission {@code plugins}); the secret key is answered masked. */
@Path("wave-money/wave-money-credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class WaveMoneyCredentialResource {

  @Inject WaveMoneyService wave;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The Wave Money credential: {data:{id, merchant_id, merchant_name, secret_key, callback_url,"
      + " payment_url, result_url, created_at, updated_at}}, secret masked; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(wave.credential()));
  }

  @PUT
  @Operation(summary = "Save the Wave Money merchant id and secret key; body {merchant_id, secret_key}; the"
      + " callback, payment and result URLs are the company's")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String merchantId = b.string("merchant_id", true, 1, 191);
    String secret = b.string("secret_key", true, 1, 1000);
    b.validate();
    return Json.data(json(wave.update(merchantId, secret, uri.getBaseUri().toString())));
  }

  static Map<String, Object> json(WaveMoneyService.Credential c) {
    return Json.obj("id", c.id(), "merchant_id", c.merchantId(), "merchant_name", c.merchantName(),
        "secret_key", CredentialCipher.mask(c.secretKey()), "callback_url", c.callbackUrl(),
        "payment_url", c.paymentUrl(), "result_url", c.resultUrl(), "created_at", Json.ts(c.createdAt()),
        "updated_at", Json.ts(c.updatedAt()));
  }
}
