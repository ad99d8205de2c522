package org.mpm.plugins.pesapal.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.plugins.pesapal.PesapalCredentials;
import org.mpm.plugins.pesapal.PesapalPayments;
import org.mpm.plugins.pesapal.PesapalPublic;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.RequiresPermission;
import org.mpm.tenancy.TenantContext;

/**
 * The company's Pesapal account (permission {@code plugins}): consumer key and secret are never answered, only
 * whether they are set; saving registers the company's IPN URL with Pesapal.
 */
@Path("pesapal/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class PesapalCredentialResource {

  static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);

  @Inject PesapalCredentials credentials;
  @Inject PesapalPayments payments;
  @Inject PesapalPublic pages;
  @Inject TenantContext tenant;

  @GET
  @Operation(summary = "The Pesapal credential: {data:{id, consumer_key_set, consumer_secret_set, callback_url,"
      + " merchant_name, merchant_email, environment, currency, ipn_id, ipn_registered_at, created_at, updated_at}};"
      + " 403 if the plugin is not enabled")
  public Map<String, Object> show() {
    return Json.data(json(credentials.view()));
  }

  @PUT
  @Operation(summary = "Save the Pesapal credential and register the company's IPN URL with Pesapal; body"
      + " {consumer_key?, consumer_secret? (blank: keep the stored one), callback_url, merchant_name, merchant_email,"
      + " environment: test|live, currency: KES|UGX|TZS|USD}; 422 when Pesapal refuses the registration")
  public Map<String, Object> update(String body) {
    JsonBody b = JsonBody.parse(body);
    String key = b.string("consumer_key", false, 3, 1000);
    String secret = b.string("consumer_secret", false, 3, 1000);
    String callback = b.matching("callback_url", true, URL);
    String name = b.string("merchant_name", true, 2, 191);
    String email = b.email("merchant_email", true);
    String env = b.in("environment", true, List.of("test", "live"));
    String currency = b.in("currency", true, PesapalCredentials.CURRENCIES);
    b.validate();
    return Json.data(json(payments.saveCredential(new PesapalCredentials.Form(key, secret, callback, name, email,
        env, currency))));
  }

  @GET
  @Path("public-urls")
  @Operation(summary = "The company's public Pesapal links: {permanent_payment_url, time_based_payment_url,"
      + " time_based_result_url (24 hours), company_id}")
  public Map<String, Object> publicUrls() {
    return pages.publicUrls(tenant.companyId());
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

  static Map<String, Object> json(Map<String, Object> view) {
    Map<String, Object> out = Json.obj();
    view.forEach((k, v) -> out.put(k, v instanceof LocalDateTime t ? Json.ts(t) : v));
    return out;
  }
}
