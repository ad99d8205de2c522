package org.mpm.plugins.paystack.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugins.paystack.PaystackCredential;
import org.mpm.plugins.paystack.PaystackCredentialForm;
import org.mpm.plugins.paystack.PaystackCredentialService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/** The company's Paystack account (permission {@code plugins}); the keys are answered masked. */
@Path("paystack/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class PaystackCredentialResource {

  static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);

  @Inject PaystackCredentialService credentials;

  @GET
  @Operation(summary = "The Paystack credential: {data:{id, secret_key, public_key, callback_url, merchant_name,"
      + " merchant_email, environment, created_at, updated_at}}, keys masked; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.credential()));
  }

  @PUT
  @Operation(summary = "Save the Paystack credential; body {secret_key, public_key, callback_url, merchant_name,"
      + " merchant_email, environment: test|live}")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String secret = b.string("secret_key", true, 3, 1000);
    String pub = b.string("public_key", true, 3, 1000);
    String callback = b.matching("callback_url", true, URL);
    String name = b.string("merchant_name", true, 2, 191);
    String email = b.email("merchant_email", true);
    String env = b.in("environment", true, List.of("test", "live"));
    b.validate();
    return Json.data(json(credentials.update(new PaystackCredentialForm(secret, pub, callback, name, email, env))));
  }

  Map<String, Object> json(PaystackCredential c) {
    return Json.obj("id", c.getId(), "secret_key", CredentialCipher.mask(credentials.secretKey(c)),
        "public_key", CredentialCipher.mask(credentials.publicKey(c)), "callback_url", c.getCallbackUrl(),
        "merchant_name", c.getMerchantName(), "merchant_email", c.getMerchantEmail(),
        "environment", c.getEnvironment(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }
}
