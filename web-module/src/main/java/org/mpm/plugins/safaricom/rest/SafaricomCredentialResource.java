package org.mpm.plugins.safaricom.rest;

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
import org.mpm.plugins.safaricom.SafaricomCredential;
import org.mpm.plugins.safaricom.SafaricomCredentialForm;
import org.mpm.plugins.safaricom.SafaricomCredentialService;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;

/**
 * The company's Daraja account (permission {@code plugins}); the consumer key, consumer secret and passkey are
 * never answered, only whether each is set, as MPM does.
 */
@Path("safaricom/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class SafaricomCredentialResource {

  static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);

  @Inject SafaricomCredentialService credentials;

  @GET
  @Operation(summary = "The Daraja credential: {data:{id, consumer_key_set, consumer_secret_set, passkey_set,"
      + " shortcode, environment, validation_url, confirmation_url, timeout_url, result_url, created_at,"
      + " updated_at}}; 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.credential()));
  }

  @PUT
  @Operation(summary = "Save the Daraja credential; body {consumer_key, consumer_secret, passkey (blank: keep the"
      + " stored one), shortcode, environment: sandbox|production, validation_url, confirmation_url, timeout_url,"
      + " result_url}")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String env = b.in("environment", true, List.of("sandbox", "production"));
    boolean production = "production".equals(env);
    String key = b.string("consumer_key", false, 3, 1000);
    String secret = b.string("consumer_secret", false, 3, 1000);
    String passkey = b.string("passkey", production, 3, 1000);
    String shortcode = b.string("shortcode", production, 3, 20);
    String validation = b.matching("validation_url", false, URL);
    String confirmation = b.matching("confirmation_url", false, URL);
    String timeout = b.matching("timeout_url", false, URL);
    String result = b.matching("result_url", false, URL);
    b.validate();
    return Json.data(json(credentials.update(new SafaricomCredentialForm(key, secret, passkey, shortcode, env,
        validation, confirmation, timeout, result))));
  }

  static Map<String, Object> json(SafaricomCredential c) {
    return Json.obj("id", c.getId(),
        "consumer_key_set", SafaricomCredentialService.isSet(c.getConsumerKey()),
        "consumer_secret_set", SafaricomCredentialService.isSet(c.getConsumerSecret()),
        "passkey_set", SafaricomCredentialService.isSet(c.getPasskey()),
        "shortcode", c.getShortcode(), "environment", c.getEnvironment(),
        "validation_url", c.getValidationUrl(), "confirmation_url", c.getConfirmationUrl(),
        "timeout_url", c.getTimeoutUrl(), "result_url", c.getResultUrl(),
        "created_at", Json.ts(c.getCreatedAt()), "updated_at", Json.ts(c.getUpdatedAt()));
  }
}
