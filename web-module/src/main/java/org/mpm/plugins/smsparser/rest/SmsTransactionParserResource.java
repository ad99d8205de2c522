package org.mpm.plugins.smsparser.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.Page;
import org.mpm.plugins.smsparser.SmsParsingRules;
import org.mpm.plugins.smsparser.SmsParsingRules.Form;
import org.mpm.plugins.smsparser.SmsParsingRules.Rule;
import org.mpm.plugins.smsparser.SmsParsingRules.SmsPayment;
import org.mpm.plugins.smsparser.SmsTemplates;
import org.mpm.rest.Json;
import org.mpm.rest.JsonBody;
import org.mpm.rest.Paginator;
import org.mpm.rest.RequiresPermission;

/**
 * The SMS transaction parser (permission {@code plugins}; 403 while the plugin is not enabled): the company's parsing
 * rules and the payments they found in incoming messages.
 */
@Path("sms-transaction-parser")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RequiresPermission("plugins")
@Tag(name = "Plugins")
public class SmsTransactionParserResource {

  @Inject SmsParsingRules rules;
  @Context UriInfo uri;

  @POST
  @Path("install")
  @Operation(summary = "Adds MPM's default rules (M-Pesa Vodacom MZ, e-Mola Movitel MZ) that are missing; {data:"
      + " [rules]}")
  public Map<String, Object> install() {
    return Json.data(rules.installDefaults().stream().map(SmsTransactionParserResource::json).toList());
  }

  @GET
  @Path("parsing-rules")
  @Operation(summary = "The parsing rules by id: {data: [{id, provider_name, template, pattern, sender_pattern,"
      + " enabled, created_at, updated_at}]}")
  public Map<String, Object> list() {
    return Json.data(rules.all().stream().map(SmsTransactionParserResource::json).toList());
  }

  @POST
  @Path("parsing-rules")
  @Operation(summary = "A new rule: {provider_name (unique), template with [transaction_ref], [amount],"
      + " [device_serial], [sender_phone] and [*], sender_pattern? (a /regex/flags), enabled?}; 201 {data: rule}")
  public Response create(String body) {
    return Response.status(201).entity(Json.data(json(rules.create(form(body))))).build();
  }

  @PUT
  @Path("parsing-rules/{id}")
  @Operation(summary = "Changes a rule (as POST); {data: rule}; 404 for an unknown id")
  public Map<String, Object> update(@PathParam("id") long id, String body) {
    return Json.data(json(rules.update(id, form(body))));
  }

  @DELETE
  @Path("parsing-rules/{id}")
  @Operation(summary = "Deletes a rule; 204; 404 for an unknown id")
  public Response delete(@PathParam("id") long id) {
    rules.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("parsing-rules/{id}/messages")
  @Operation(summary = "The payments found by the rule's provider, newest first, 15 a page (Laravel paginator)")
  public Map<String, Object> messages(@PathParam("id") long id) {
    JsonBody q = JsonBody.query(uri);
    q.validate();
    return page(rules.paymentsOf(id, q.page(), 15));
  }

  @GET
  @Path("transactions")
  @Operation(summary = "The payments found in incoming messages, newest first, 50 a page (Laravel paginator):"
      + " {id, provider_name, transaction_reference, amount, sender_phone, device_serial, raw_message, status, …}")
  public Map<String, Object> transactions() {
    JsonBody q = JsonBody.query(uri);
    q.validate();
    return page(rules.payments(q.page(), 50));
  }

  private Map<String, Object> page(Page<SmsPayment> p) {
    return Paginator.raw(p, p.items().stream().map(s -> Json.obj("id", s.id(), "provider_name", s.providerName(),
        "transaction_reference", s.reference(), "amount", s.amount(), "sender_phone", s.senderPhone(),
        "device_serial", s.deviceSerial(), "raw_message", s.rawMessage(), "status", s.status(),
        "manufacturer_transaction_type", s.manufacturerType(), "manufacturer_transaction_id", s.manufacturerId(),
        "created_at", Json.ts(s.createdAt()), "updated_at", Json.ts(s.updatedAt()))).toList(), uri);
  }

  private static Form form(String body) {
    JsonBody b = JsonBody.parse(body);
    String provider = b.string("provider_name", true, 1, 191);
    String template = b.string("template", true, 1, 5000);
    String sender = b.string("sender_pattern", false, 1, 191);
    Boolean enabled = b.bool("enabled", false);
    if (sender != null && SmsTemplates.compile(sender).isEmpty()) {
      b.error("sender_pattern", "The sender pattern format is invalid.");
    }
    b.validate();
    return new Form(provider, template, sender, enabled);
  }

  static Map<String, Object> json(Rule r) {
    return Json.obj("id", r.id(), "provider_name", r.providerName(), "template", r.template(), "pattern", r.pattern(),
        "sender_pattern", r.senderPattern(), "enabled", r.enabled(), "created_at", Json.ts(r.createdAt()),
        "updated_at", Json.ts(r.updatedAt()));
  }
}
