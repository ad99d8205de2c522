package org.mpm.plugins.flutterwave.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.flutterwave.FlutterwaveCredential;
import org.mpm.plugins.flutterwave.FlutterwaveCredentialForm;
import org.mpm.plugins.flutterwave.FlutterwaveCredentialService;
import org.mpm.plugins.flutterwave.FlutterwavePublic;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.tenancy.TenantContext;

/**
 * The company's Flutterwave account (permission {@code plugins}); the secret, public and encryption keys and the
 * webhook secret hash are never answered, only whether each is set, as MPM does.
 */
@Path("flutterwave/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class FlutterwaveCredentialResource {

  static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);

  @Inject FlutterwaveCredentialService credentials;
  @Inject FlutterwavePublic pages;
  @Inject TenantContext tenant;

  @GET
  @Operation(summary = "The Flutterwave credential: {data:{id, public_key_set, secret_key_set, encryption_key_set,"
      + " webhook_secret_hash_set, callback_url, merchant_name, merchant_email, environment, created_at,"
      + " updated_at}}; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.credential()));
  }

  @PUT
  @Operation(summary = "Save the Flutterwave credential; body {secret_key, public_key, encryption_key,"
      + " webhook_secret_hash (each blank: keep the stored one; all four must end up set), callback_url,"
      + " merchant_name, merchant_email, environment: test|live}")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String secret = b.string("secret_key", false, 3, 1000);
    String pub = b.string("public_key", false, 3, 1000);
    String encryption = b.string("encryption_key", false, 3, 1000);
    String hash = b.string("webhook_secret_hash", false, 3, 1000);
    String callback = b.matching("callback_url", true, URL);
    String name = b.string("merchant_name", true, 2, 191);
    String email = b.email("merchant_email", true);
    String env = b.in("environment", true, List.of("test", "live"));
    b.validate();
    return Json.data(json(credentials.update(new FlutterwaveCredentialForm(secret, pub, encryption, hash, callback,
        name, email, env))));
  }

  @GET
  @Path("public-urls")
  @Operation(summary = "The company's public Flutterwave links: {permanent_payment_url, time_based_payment_url,"
      + " time_based_result_url (24 hours), webhook_url, company_id}")
  public Map<String, Object> publicUrls(@Context UriInfo uri) {
    return pages.publicUrls(tenant.companyId(), uri.getBaseUri().toString());
  }

  static Map<String, Object> json(FlutterwaveCredential c) {
    return Json.obj("id", c.getId(),
        "public_key_set", FlutterwaveCredentialService.isSet(c.getPublicKey()),
        "secret_key_set", FlutterwaveCredentialService.isSet(c.getSecretKey()),
        "encryption_key_set", FlutterwaveCredentialService.isSet(c.getEncryptionKey()),
        "webhook_secret_hash_set", FlutterwaveCredentialService.isSet(c.getWebhookSecretHash()),
        "callback_url", c.getCallbackUrl(), "merchant_name", c.getMerchantName(),
        "merchant_email", c.getMerchantEmail(), "environment", c.getEnvironment(),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }
}
