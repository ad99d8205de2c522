package org.mpm.plugins.paystack.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.mpm.plugin.CredentialCipher;
import org.mpm.plugins.paystack.PaystackCredential;
import org.mpm.plugins.paystack.PaystackCredentialForm;
import org.mpm.plugins.paystack.PaystackCredentialService;
import org.mpm.plugins.paystack.PaystackPublic;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.tenancy.TenantContext;

/** The company's Paystack account (permission {@code plugins}); the keys are answered masked. */
@Path("paystack/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class PaystackCredentialResource {

  static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);

  @Inject PaystackCredentialService credentials;
  @Inject PaystackPublic pages;
  @Inject TenantContext tenant;

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

  @GET
  @Path("public-urls")
  @Operation(summary = "The company's public Paystack links: {permanent_payment_url, time_based_payment_url,"
      + " time_based_result_url (24 hours), webhook_url, company_id}")
  public Map<String, Object> publicUrls(@Context UriInfo uri) {
    return pages.publicUrls(tenant.companyId(), uri.getBaseUri().toString());
  }

  @POST
  @Path("agent-payment-url")
  @Operation(summary = "A 24-hour payment link for an agent; body {customer_id?, agent_id?} → {agent_payment_url,"
      + " expires_in_hours, customer_id, agent_id}")
  public Map<String, Object> agentPaymentUrl(String body) {
    JsonBody b = JsonBody.parse(body == null || body.isBlank() ? "{}" : body);
    Long customer = b.integer("customer_id", false, 1, Long.MAX_VALUE);
    Long agent = b.integer("agent_id", false, 1, Long.MAX_VALUE);
    b.validate();
    return Json.obj("agent_payment_url", pages.agentPaymentUrl(tenant.companyId(), customer, agent),
        "expires_in_hours", 24, "customer_id", customer, "agent_id", agent);
  }

  Map<String, Object> json(PaystackCredential c) {
    return Json.obj("id", c.getId(), "secret_key", CredentialCipher.mask(credentials.secretKey(c)),
        "public_key", CredentialCipher.mask(credentials.publicKey(c)), "callback_url", c.getCallbackUrl(),
        "merchant_name", c.getMerchantName(), "merchant_email", c.getMerchantEmail(),
        "environment", c.getEnvironment(), "created_at", Json.ts(c.getCreatedAt()),
        "updated_at", Json.ts(c.getUpdatedAt()));
  }
}
