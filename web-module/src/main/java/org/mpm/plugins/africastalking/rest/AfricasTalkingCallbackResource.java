package org.mpm.plugins.africastalking.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.NotFoundException;
import org.mpm.plugin.PluginGate;
import org.mpm.plugins.africastalking.AfricasTalkingCredentials;
import org.mpm.plugins.africastalking.AfricasTalkingMessages;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Public;
import org.mpm.sms.SmsReception;
import org.mpm.tenancy.WebhookTenant;

/**
 * Africa's Talking's callbacks for the company {slug} (public, as in MPM; Africa's Talking signs nothing): incoming
 * messages ({@code from}, {@code text}) go to the company's inbox; delivery reports ({@code id}, {@code status})
 * change the message the company sent with that id. Africa's Talking posts form fields; JSON is taken alike.
 */
@Path("africas-talking/callback/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Public
@Tag(name = "Plugins")
public class AfricasTalkingCallbackResource {

  @Inject WebhookTenant webhookTenant;
  @Inject PluginGate gate;
  @Inject SmsReception reception;
  @Inject AfricasTalkingMessages messages;

  @POST
  @Path("incoming-messages")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "An incoming message for the company {slug}: form {from, text, to, id, date}; {status:"
      + " success}; 404 for an unknown company, 403 if the plugin is not enabled")
  public Map<String, Object> incomingForm(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
    return incoming(slug, JsonBody.fields(first(form)));
  }

  @POST
  @Path("incoming-messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An incoming message as JSON {from, text}")
  public Map<String, Object> incomingJson(@PathParam("slug") String slug, String body) {
    return incoming(slug, JsonBody.parse(body));
  }

  @POST
  @Path("delivery-reports")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "A delivery report for the company {slug}: form {id, status, phoneNumber, failureReason};"
      + " {status: success}; 404 for an unknown company or message id, 403 if the plugin is not enabled")
  public Map<String, Object> deliveryForm(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
    return delivery(slug, JsonBody.fields(first(form)));
  }

  @POST
  @Path("delivery-reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A delivery report as JSON {id, status}")
  public Map<String, Object> deliveryJson(@PathParam("slug") String slug, String body) {
    return delivery(slug, JsonBody.parse(body));
  }

  private Map<String, Object> incoming(String slug, JsonBody b) {
    enter(slug);
    String from = b.string("from", true, 1, 191);
    String text = b.string("text", true, 1, 5000);
    b.validate();
    reception.receive(from, text);
    return Json.obj("status", "success");
  }

  private Map<String, Object> delivery(String slug, JsonBody b) {
    enter(slug);
    String id = b.string("id", true, 1, 191);
    String status = b.string("status", true, 1, 191);
    b.validate();
    if (!messages.delivery(id, status)) {
      throw new NotFoundException("Not found");
    }
    return Json.obj("status", "success");
  }

  private void enter(String slug) {
    if (!webhookTenant.enter(slug)) {
      throw new NotFoundException("Not found");
    }
    gate.requireEnabled(AfricasTalkingCredentials.PLUGIN_ID);
  }

  static Map<String, String> first(MultivaluedMap<String, String> form) {
    Map<String, String> out = new HashMap<>();
    form.forEach((k, v) -> out.put(k, v == null || v.isEmpty() ? null : v.get(0)));
    return out;
  }
}
